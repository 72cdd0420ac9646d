import { parseConsoleUrl } from '../api-types';
import { ROLE_OPTION, SERVER_OPTION, parseCommand, requireRole } from '../args';
import { EXIT } from '../errors';
import { resolveRoleRef } from '../role-ref';
import { resolveServer } from '../server';
import { authedJson } from '../session';
import type { Command } from './command';

export const consoleCommand: Command = {
  usage: 'rolegate console --role ROLE [--region R] [--service S] [--print] [--server URL]',
  summary: 'Open the AWS console as a role (or print the sign-in link with --print)',
  async run(ctx, argv) {
    const options = {
      ...ROLE_OPTION,
      ...SERVER_OPTION,
      region: { type: 'string' },
      service: { type: 'string' },
      print: { type: 'boolean' },
    } as const;
    const { values } = parseCommand(argv, options);
    const role = requireRole(values.role);
    const server = resolveServer(ctx, values.server);
    const roleId = await resolveRoleRef(ctx, server, role);
    const json = { roleId, region: values.region, service: values.service };
    const url = parseConsoleUrl(await authedJson(ctx, server, 'console', { json }));
    if (values.print) {
      ctx.out(`${url}\n`);
    } else if (await ctx.openUrl(url)) {
      ctx.err('Opened the AWS console in your browser.\n');
    } else {
      ctx.err('No browser available here; open this sign-in link (valid for 15 minutes):\n');
      ctx.out(`${url}\n`);
    }
    return EXIT.OK;
  },
};
