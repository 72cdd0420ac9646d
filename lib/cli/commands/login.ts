import { parseWhoami } from '../api-types';
import { SERVER_OPTION, parseCommand } from '../args';
import type { CliContext } from '../context';
import { clearCredentialCache } from '../credential-cache';
import { deviceAuthorize } from '../device-flow';
import { EXIT } from '../errors';
import { resolveServer, saveServer } from '../server';
import { authedJson } from '../session';
import { saveTokens, tokensFromPair } from '../tokens';
import type { Command } from './command';

async function greeting(ctx: CliContext, server: string): Promise<string> {
  try {
    const me = parseWhoami(await authedJson(ctx, server, 'whoami'));
    return `Logged in to ${server} as ${me.email ?? me.name ?? me.userId} (${me.idpName}).\n`;
  } catch {
    return `Logged in to ${server}.\n`; // the login itself succeeded; whoami is a courtesy
  }
}

export const login: Command = {
  usage: 'rolegate login [--server URL] [--no-browser]',
  summary: 'Sign in through the browser (device code) and store a refreshable login',
  async run(ctx, argv) {
    const { values } = parseCommand(argv, { ...SERVER_OPTION, 'no-browser': { type: 'boolean' } });
    const server = resolveServer(ctx, values.server, true);
    const pair = await deviceAuthorize(ctx, server, values['no-browser'] !== true);
    clearCredentialCache(ctx); // the new login may be another person: no one else's keys
    saveTokens(ctx, tokensFromPair(server, pair, ctx.now()));
    saveServer(ctx, server);
    ctx.err(await greeting(ctx, server));
    return EXIT.OK;
  },
};
