import {
  CREDENTIAL_FORMATS,
  formatCredentials,
  isCredentialFormat,
  type CredentialFormat,
} from '../../core/credentials';
import { ROLE_OPTION, SERVER_OPTION, parseCommand, requireRole } from '../args';
import type { CliContext } from '../context';
import { roleCredentials } from '../credential-cache';
import { EXIT, usage } from '../errors';
import { resolveServer } from '../server';
import type { Command } from './command';

const FORMAT_NAMES = CREDENTIAL_FORMATS.map((f) => f.format).join('|');

function pickFormat(ctx: CliContext, value: string | undefined): CredentialFormat {
  if (value === undefined) return ctx.platform === 'win32' ? 'powershell' : 'bash';
  if (!isCredentialFormat(value)) throw usage(`--format must be one of ${FORMAT_NAMES}`);
  return value;
}

/** Every format comes from lib/core/credentials, the same formatters as the web Keys panel. */
export const credentials: Command = {
  usage: `rolegate credentials --role ROLE [--format ${FORMAT_NAMES}] [--server URL]`,
  summary: 'Print credentials for a shell, a .env file, ~/.aws/credentials or JSON',
  async run(ctx, argv) {
    const options = { ...ROLE_OPTION, ...SERVER_OPTION, format: { type: 'string' } } as const;
    const { values } = parseCommand(argv, options);
    const role = requireRole(values.role);
    const format = pickFormat(ctx, values.format);
    const server = resolveServer(ctx, values.server);
    const entry = await roleCredentials(ctx, server, role);
    const profile = `${entry.role.accountAlias}-${entry.role.roleName}`;
    ctx.out(formatCredentials(format, entry.credentials, { region: entry.role.region, profile }));
    return EXIT.OK;
  },
};
