/** Command-line parsing on node:util parseArgs (strict: unknown options are usage errors). */
import { parseArgs, type ParseArgsConfig } from 'node:util';

import { usage } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every server-talking command accepts. */
export const SERVER_OPTION = { server: { type: 'string' } } as const;
export const ROLE_OPTION = { role: { type: 'string' } } as const;

export function parseCommand<O extends Options>(argv: string[], options: O, maxPositionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw usage(e instanceof Error ? e.message : String(e));
  }
  if (parsed.positionals.length > maxPositionals) {
    throw usage(`unexpected argument "${parsed.positionals[maxPositionals] ?? ''}"`);
  }
  return parsed;
}

export function requireRole(role: string | undefined): string {
  if (!role) throw usage('--role is required (a profile name, alias/Role, account/Role or ARN)');
  return role;
}
