import { parseWhoami } from '../api-types';
import { SERVER_OPTION, parseCommand } from '../args';
import { EXIT } from '../errors';
import { resolveServer } from '../server';
import { authedJson } from '../session';
import type { Command } from './command';

export const whoami: Command = {
  usage: 'rolegate whoami [--json] [--server URL]',
  summary: 'Show who the stored login belongs to',
  async run(ctx, argv) {
    const { values } = parseCommand(argv, { ...SERVER_OPTION, json: { type: 'boolean' } });
    const server = resolveServer(ctx, values.server);
    const body = await authedJson(ctx, server, 'whoami');
    const me = parseWhoami(body);
    if (values.json) {
      ctx.out(`${JSON.stringify(body, null, 2)}\n`);
      return EXIT.OK;
    }
    const name = [me.name, me.email && `<${me.email}>`].filter(Boolean).join(' ') || me.userId;
    const lines = [
      `${name}`,
      `identity provider: ${me.idpName}${me.via ? ` (via ${me.via})` : ''}`,
    ];
    if (me.expiresAt) lines.push(`login expires: ${me.expiresAt}`);
    lines.push(`server: ${server}`);
    ctx.out(`${lines.join('\n')}\n`);
    return EXIT.OK;
  },
};
