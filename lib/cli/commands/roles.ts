import { parseRoles, type RoleSummary } from '../api-types';
import { SERVER_OPTION, parseCommand } from '../args';
import { EXIT } from '../errors';
import { resolveServer } from '../server';
import { authedJson } from '../session';
import type { Command } from './command';

function table(roles: RoleSummary[]): string {
  const rows = [
    ['PROFILE', 'ROLE', 'REGION', 'DELIVERY', 'ARN'],
    ...roles.map((r) => [
      r.profile,
      `${r.accountAlias}/${r.roleName}`,
      r.region,
      r.delivery,
      r.arn,
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export const roles: Command = {
  usage: 'rolegate roles [--json] [--server URL]',
  summary: 'List the roles you may assume',
  async run(ctx, argv) {
    const { values } = parseCommand(argv, { ...SERVER_OPTION, json: { type: 'boolean' } });
    const server = resolveServer(ctx, values.server);
    const body = await authedJson(ctx, server, 'roles');
    const list = parseRoles(body);
    if (values.json) ctx.out(`${JSON.stringify(body, null, 2)}\n`);
    else if (list.length === 0) ctx.err('No roles are mapped to you.\n');
    else ctx.out(`${table(list)}\n`);
    return EXIT.OK;
  },
};
