/**
 * The AWS CLI profile name Rolegate suggests for a role: `<account alias>-<role name>`, the same in the web
 * Keys panel, the JSON API and `rolegate configure`. IAM role names may contain `=` and `,`, which do not
 * belong in an INI section name, so anything outside `[\w.+@-]` becomes `-`; at most 64 characters.
 */
export function profileNameFor(role: { accountAlias: string; roleName: string }): string {
  return `${role.accountAlias}-${role.roleName}`.replace(/[^\w.+@-]/g, '-').slice(0, 64);
}
