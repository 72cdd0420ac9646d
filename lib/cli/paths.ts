/** Where the CLI keeps its state (XDG base directories, see env.ts). */
import { createHash } from 'node:crypto';
import path from 'node:path';

import type { CliEnv } from './env';

/** `{ server }` saved by `rolegate login`. */
export function configFile(env: CliEnv): string {
  return path.join(env.configDir, 'config.json');
}

/** Access and refresh tokens (mode 0600). */
export function tokensFile(env: CliEnv): string {
  return path.join(env.configDir, 'tokens.json');
}

/** Held while one process refreshes the tokens (see lock.ts). */
export function tokensLockFile(env: CliEnv): string {
  return path.join(env.configDir, 'tokens.lock');
}

export function credentialsDir(env: CliEnv): string {
  return path.join(env.cacheDir, 'credentials');
}

/**
 * Cache file of one role on one server: a readable prefix plus a hash, so ARNs (up to 2048
 * characters, with `/` and `:`) always give a short, safe file name.
 */
export function credentialsCacheFile(env: CliEnv, server: string, roleRef: string): string {
  const digest = createHash('sha256').update(`${server}\n${roleRef}`).digest('hex').slice(0, 32);
  const label = roleRef.replace(/[^A-Za-z0-9._-]+/g, '_').slice(-48);
  return path.join(credentialsDir(env), `${label}.${digest}.json`);
}

export function lockFileFor(file: string): string {
  return file.replace(/\.json$/, '.lock');
}
