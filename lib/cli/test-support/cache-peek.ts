/** Reads what the CLI cached for a role (to compare its output with lib/core's formatters). */
import assert from 'node:assert/strict';

import type { Credentials } from '../../core/types';
import { readFresh } from '../credential-cache';
import { cliEnv } from '../env';
import type { Sandbox } from './harness';

export function credentialsFromCache(sb: Sandbox, server: string, roleRef: string): Credentials {
  const ctx = { env: cliEnv(sb.env), now: () => Date.now() };
  const entry = readFresh(ctx, server, roleRef);
  assert.ok(entry, `no cache entry for ${roleRef}`);
  return entry.credentials;
}
