/**
 * Loads the config file named by ROLEGATE_CONFIG and cross-checks it with the environment. Every problem
 * (file, path, message) is reported at once; the server does not start with a bad config.
 *
 * The same `validateConfigText` checks every later version of the config (an import, an admin edit, a
 * revision written by another instance): one model, one set of rules, whatever the source.
 */
import { readFileSync } from 'node:fs';
import { ConfigError, parseConfigText, type ConfigProblem, type RolegateConfig } from '../core/config/parse';
import { getEnv, idpSecretVar, type RolegateEnv } from './env';

/** The config file's text (ConfigError when it cannot be read). */
export function readConfigFile(env: RolegateEnv): string {
  try {
    return readFileSync(env.ROLEGATE_CONFIG, 'utf8');
  } catch (e) {
    throw new ConfigError(env.ROLEGATE_CONFIG, [{ path: '', message: `cannot read the config file (${(e as NodeJS.ErrnoException).code ?? 'error'}); set ROLEGATE_CONFIG` }]);
  }
}

/**
 * Parses a config text and checks it against this process's environment: the URL, and a client secret
 * for every enabled OIDC IdP (from the environment, or entered on the admin pages and stored sealed). A
 * disabled IdP is no next-auth provider and needs none; enabling it without one is refused here.
 */
export function validateConfigText(env: RolegateEnv, text: string, source: string, clientSecrets: ReadonlyMap<string, string> = env.idpClientSecrets): RolegateConfig {
  const config = parseConfigText(text, source);
  const problems: ConfigProblem[] = [];
  if (new URL(env.NEXTAUTH_URL).origin !== config.publicUrl) {
    problems.push({ path: 'publicUrl', message: `must equal NEXTAUTH_URL's origin (${new URL(env.NEXTAUTH_URL).origin})` });
  }
  for (const [i, idp] of config.idps.entries()) {
    if (!idp.disabled && !clientSecrets.has(idp.id)) {
      problems.push({ path: `idps[${i}]`, message: `client secret missing: set ${idpSecretVar(idp.id)} in the environment or enter it on the Connections page` });
    }
  }
  if (problems.length) throw new ConfigError(source, problems);
  return config;
}

export function loadConfig(env: RolegateEnv): RolegateConfig {
  return validateConfigText(env, readConfigFile(env), env.ROLEGATE_CONFIG);
}

let cached: RolegateConfig | undefined;
/**
 * The config file, loaded once per process. Only the settings that never change without a restart
 * (see lib/core/config/restart-only.ts) may be read from here; everything else comes from the live
 * config (`getContainer().config`), which admins can change.
 */
export function getConfig(): RolegateConfig {
  cached ??= loadConfig(getEnv());
  return cached;
}
