import { ROLE_OPTION, SERVER_OPTION, parseCommand, requireRole } from '../args';
import { EXIT } from '../errors';
import { setStar } from '../quick-roles';
import { resolveRoleRef } from '../role-ref';
import { resolveServer } from '../server';
import type { Command } from './command';

/** `rolegate star` / `rolegate unstar`: the web picker's star, kept on the server for the person. */
function starCommand(starred: boolean): Command {
  const name = starred ? 'star' : 'unstar';
  return {
    usage: `rolegate ${name} --role ROLE [--server URL]`,
    summary: starred
      ? 'Star a role: it is listed first, here and in the web picker'
      : 'Unstar a role',
    async run(ctx, argv) {
      const { values } = parseCommand(argv, { ...ROLE_OPTION, ...SERVER_OPTION });
      const role = requireRole(values.role);
      const server = resolveServer(ctx, values.server);
      const roleId = await resolveRoleRef(ctx, server, role);
      const { favourites } = await setStar(ctx, server, roleId, starred);
      ctx.err(
        `${starred ? 'Starred' : 'Unstarred'} ${roleId}. Favourites: ${favourites.length ? favourites.join(', ') : 'none'}.\n`,
      );
      return EXIT.OK;
    },
  };
}

export const star = starCommand(true);
export const unstar = starCommand(false);
