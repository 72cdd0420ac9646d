import { expectOk } from '../api';
import { SERVER_OPTION, parseCommand } from '../args';
import { clearCredentialCache } from '../credential-cache';
import { CliError, EXIT } from '../errors';
import { resolveServer } from '../server';
import { authedCall } from '../session';
import { clearTokens, loadTokens } from '../tokens';
import type { Command } from './command';

export const logout: Command = {
  usage: 'rolegate logout [--server URL]',
  summary: 'Revoke the login on the server and delete local tokens and cached credentials',
  async run(ctx, argv) {
    const { values } = parseCommand(argv, SERVER_OPTION);
    const server = resolveServer(ctx, values.server);
    let revoked = false;
    if (loadTokens(ctx)?.server === server) {
      try {
        expectOk(await authedCall(ctx, server, 'logout', { method: 'POST' }));
        revoked = true;
      } catch (e) {
        // A login that already expired has nothing left to revoke; anything else is reported.
        if (!(e instanceof CliError && e.exitCode === EXIT.LOGIN_REQUIRED)) {
          ctx.err(
            `rolegate: could not revoke the login on the server: ${e instanceof Error ? e.message : e}\n`,
          );
        }
      }
    }
    clearTokens(ctx);
    clearCredentialCache(ctx);
    ctx.err(
      revoked ? `Logged out of ${server}.\n` : 'Local login and cached credentials deleted.\n',
    );
    return EXIT.OK;
  },
};
