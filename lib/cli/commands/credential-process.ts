import { credentialProcessJson } from '../../core/credentials';
import { ROLE_OPTION, SERVER_OPTION, parseCommand, requireRole } from '../args';
import { roleCredentials } from '../credential-cache';
import { EXIT } from '../errors';
import { resolveServer } from '../server';
import type { Command } from './command';

/**
 * The AWS `credential_process` contract: the JSON document on stdout and nothing else; on any
 * failure a non-zero exit, the reason on stderr and an empty stdout (main.ts prints errors to
 * stderr only, and this writes stdout once, last).
 */
export const credentialProcess: Command = {
  usage: 'rolegate credential-process --role ROLE [--server URL]',
  summary: 'Print credentials as credential_process JSON (for ~/.aws/config; see configure)',
  async run(ctx, argv) {
    const { values } = parseCommand(argv, { ...ROLE_OPTION, ...SERVER_OPTION });
    const role = requireRole(values.role);
    const server = resolveServer(ctx, values.server);
    const { credentials } = await roleCredentials(ctx, server, role);
    ctx.out(credentialProcessJson(credentials));
    return EXIT.OK;
  },
};
