import { parseRoles, type RoleSummary } from '../api-types';
import { SERVER_OPTION, parseCommand } from '../args';
import { EXIT } from '../errors';
import { fetchQuickRoles, withQuickRolesFirst, type QuickMark } from '../quick-roles';
import { resolveServer } from '../server';
import { authedJson } from '../session';
import type { Command } from './command';

/** The roles as a table, favourites and recently used ones on top and marked in the TOP column. */
function table(rows: { role: RoleSummary; mark?: QuickMark }[]): string {
  const cells = [
    ['PROFILE', 'ROLE', 'REGION', 'DELIVERY', 'ARN', 'TOP'],
    ...rows.map(({ role: r, mark }) => [
      r.profile,
      `${r.accountAlias}/${r.roleName}`,
      r.region,
      r.delivery,
      r.arn,
      mark ?? '',
    ]),
  ];
  const widths =
    cells[0]?.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0))) ?? [];
  return cells
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
  summary: 'List the roles you may assume, favourites and recently used first',
  async run(ctx, argv) {
    const { values } = parseCommand(argv, { ...SERVER_OPTION, json: { type: 'boolean' } });
    const server = resolveServer(ctx, values.server);
    const body = await authedJson(ctx, server, 'roles');
    const list = parseRoles(body);
    // After the roles call, not beside it: two calls refreshing one expired token at once would race.
    const quick = await fetchQuickRoles(ctx, server);
    if (values.json) ctx.out(`${JSON.stringify({ ...(body as object), ...quick }, null, 2)}\n`);
    else if (list.length === 0) ctx.err('No roles are mapped to you.\n');
    else ctx.out(`${table(withQuickRolesFirst(list, quick))}\n`);
    return EXIT.OK;
  },
};
