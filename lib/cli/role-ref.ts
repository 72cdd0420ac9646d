/**
 * `--role` accepts what the server accepts (`<account>/<Role>`, an ARN, `alias/Role`) plus a
 * profile name (`alias-Role`, as `rolegate roles` shows it) or a bare role name when unique; the
 * last two are looked up in `GET /api/v1/roles`.
 */
import { parseRoles } from './api-types';
import type { CliContext } from './context';
import { CliError, EXIT, usage } from './errors';
import { authedJson } from './session';

export function isServerRoleId(ref: string): boolean {
  return ref.includes('/') || ref.startsWith('arn:');
}

export async function resolveRoleRef(
  ctx: CliContext,
  server: string,
  ref: string,
): Promise<string> {
  if (isServerRoleId(ref)) return ref;
  const roles = parseRoles(await authedJson(ctx, server, 'roles'));
  const byProfile = roles.find((r) => r.profile === ref);
  if (byProfile) return byProfile.id;
  const byName = roles.filter((r) => r.roleName === ref);
  if (byName.length === 1 && byName[0]) return byName[0].id;
  if (byName.length > 1) {
    const names = byName.map((r) => r.profile).join(', ');
    throw usage(`--role ${ref} matches several roles (${names}); name one of them`);
  }
  const message = `you have no role "${ref}"; "rolegate roles" lists yours`;
  throw new CliError('POLICY_NO_ROLE', EXIT.FORBIDDEN, message);
}
