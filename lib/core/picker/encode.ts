/** The server's half of the picker catalogue (catalogue.ts): held roles → the compact wire shape. */
import { remainingText } from '../policy/grants';
import type { RoleDef } from '../types';
import type { WireCatalogue, WireRole } from './catalogue';

/** A held role as issuance decides it (lib/core/issuance/held-roles.ts). */
export interface HeldRoleInput {
  role: RoleDef;
  grantedBy: readonly { ruleId: string }[];
  grant?: { endsAt: Date; reason: string };
}

/** One collator for every comparison: `localeCompare` with options builds one per call (~0.1 ms each). */
const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
const byText = (a: string, b: string): number => collator.compare(a, b);

function wireRole(held: HeldRoleInput, accountRegion: string, ruleIndex: (id: string) => number, now: Date): WireRole {
  const { role, grant } = held;
  return {
    name: role.roleName,
    ...(role.description ? { description: role.description } : {}),
    ...(role.region !== accountRegion ? { region: role.region } : {}),
    maxSession: role.maxSessionDurationSeconds,
    ...(role.delivery === 'saml' ? { saml: 1 as const } : {}),
    ...(role.sessionPolicy || role.managedPolicyArns.length ? { scopedDown: 1 as const } : {}),
    rules: held.grantedBy.map((g) => ruleIndex(g.ruleId)),
    ...(grant ? { grant: { endsAt: grant.endsAt.toISOString(), remaining: remainingText(grant.endsAt, now), reason: grant.reason } } : {}),
  };
}

/** The wire shape of the roles a user holds; `now` words a grant's time left. */
export function encodeCatalogue(held: readonly HeldRoleInput[], now: Date): WireCatalogue {
  const rules: string[] = [];
  const ruleIds = new Map<string, number>();
  const ruleIndex = (id: string) => {
    let i = ruleIds.get(id);
    if (i === undefined) ruleIds.set(id, (i = rules.push(id) - 1));
    return i;
  };
  const byAccount = new Map<string, HeldRoleInput[]>();
  for (const h of held) {
    const list = byAccount.get(h.role.accountId);
    if (list) list.push(h);
    else byAccount.set(h.role.accountId, [h]);
  }
  const accounts = [...byAccount.values()].map((list) => {
    list.sort((a, b) => byText(a.role.roleName, b.role.roleName));
    const first = list[0]!.role;
    return {
      id: first.accountId,
      alias: first.accountAlias,
      ...(first.accountColour ? { colour: first.accountColour } : {}),
      region: first.region,
      ...(first.partition !== 'aws' ? { partition: first.partition } : {}),
      roles: list.map((h) => wireRole(h, first.region, ruleIndex, now)),
    };
  });
  accounts.sort((a, b) => byText(a.alias, b.alias) || a.id.localeCompare(b.id));
  return { rules, accounts };
}

