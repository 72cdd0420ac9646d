/**
 * Loads the config file named by ROLEGATE_CONFIG and cross-checks it with the environment. Every problem
 * (file, path, message) is reported at once; the server does not start with a bad config.
 */
import { readFileSync } from 'node:fs';
import { ConfigError, parseConfigText, type RolegateConfig } from '../core/config/parse';
import { getEnv, idpSecretVar, type RolegateEnv } from './env';

export function loadConfig(env: RolegateEnv): RolegateConfig {
  const file = env.ROLEGATE_CONFIG;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, [{ path: '', message: `cannot read the config file (${(e as NodeJS.ErrnoException).code ?? 'error'}); set ROLEGATE_CONFIG` }]);
  }
  const config = parseConfigText(text, file);
  const problems = [];
  if (new URL(env.NEXTAUTH_URL).origin !== config.publicUrl) {
    problems.push({ path: 'publicUrl', message: `must equal NEXTAUTH_URL's origin (${new URL(env.NEXTAUTH_URL).origin})` });
  }
  for (const [i, idp] of config.idps.entries()) {
    if (!env.idpClientSecrets.has(idp.id)) {
      problems.push({ path: `idps[${i}]`, message: `client secret missing: set ${idpSecretVar(idp.id)} in the environment` });
    }
  }
  if (problems.length) throw new ConfigError(file, problems);
  return config;
}

let cached: RolegateConfig | undefined;
/** The config, loaded once per process. */
export function getConfig(): RolegateConfig {
  cached ??= loadConfig(getEnv());
  return cached;
}
