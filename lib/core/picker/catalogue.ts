/**
 * The role picker's catalogue: what the /roles page sends to the browser (the wire shape) and what the
 * picker works with there (the view). Issue 15 §4: with 2,000 roles the full role objects made 850 KB of
 * embedded page data. The wire shape says each account's alias, colour and usual region once, omits
 * defaults, numbers the granting rule ids instead of repeating them, and is sorted on the server, so the
 * browser neither sorts nor receives anything it does not show (no ARNs, SAML provider ARNs or tags).
 * This module is the browser's half (types and decoding); encode.ts is the server's.
 */
import type { Partition } from '../types';

/** One held role on the wire. Absent flags are false; an absent region is the account's. */
export interface WireRole {
  name: string;
  description?: string;
  region?: string;
  maxSession: number;
  saml?: 1;
  scopedDown?: 1;
  /** Indexes into {@link WireCatalogue.rules}. */
  rules: number[];
  grant?: { endsAt: string; remaining: string; reason: string };
}

export interface WireAccount {
  id: string;
  alias: string;
  colour?: string;
  /** The region of the account's first role; roles elsewhere carry their own. */
  region: string;
  /** Absent for the commercial partition. */
  partition?: Exclude<Partition, 'aws'>;
  roles: WireRole[];
}

/** Accounts sorted by alias (then id), roles by name inside each. */
export interface WireCatalogue {
  rules: string[];
  accounts: WireAccount[];
}

/** What the role picker needs to know about one role the signed-in user may assume. */
export interface RoleView {
  /** `<account id>/<role name>`, the id issuance takes. */
  id: string;
  accountId: string;
  accountAlias: string;
  /** The account's colour (#rrggbb) from the config. */
  accountColour?: string;
  /** The role's sessions are scoped down by a session policy or managed policy ARNs. */
  scopedDown?: boolean;
  roleName: string;
  region: string;
  partition: Partition;
  description?: string;
  maxSessionDurationSeconds: number;
  /** How Rolegate obtains the role's credentials: its OIDC issuer or its SAML IdP. */
  delivery: 'web-identity' | 'saml';
  /** Ids of the policy rules (or `grant:<id>`) that granted this role. */
  grantedBy: string[];
  /** Set only when the role is held through a time-limited grant: its end (ISO), time left and reason. */
  grant?: { endsAt: string; remaining: string; reason: string };
}

export interface AccountGroup {
  accountId: string;
  accountAlias: string;
  accountColour?: string;
  roles: RoleView[];
}

/** The view of a catalogue, in its order: one group per account. */
export function decodeCatalogue(wire: WireCatalogue): AccountGroup[] {
  return wire.accounts.map((a) => ({
    accountId: a.id,
    accountAlias: a.alias,
    ...(a.colour ? { accountColour: a.colour } : {}),
    roles: a.roles.map((r) => ({
      id: `${a.id}/${r.name}`,
      accountId: a.id,
      accountAlias: a.alias,
      ...(a.colour ? { accountColour: a.colour } : {}),
      ...(r.scopedDown ? { scopedDown: true } : {}),
      roleName: r.name,
      region: r.region ?? a.region,
      partition: a.partition ?? 'aws',
      ...(r.description ? { description: r.description } : {}),
      maxSessionDurationSeconds: r.maxSession,
      delivery: r.saml ? 'saml' : 'web-identity',
      grantedBy: r.rules.map((i) => wire.rules[i] ?? ''),
      ...(r.grant ? { grant: r.grant } : {}),
    })),
  }));
}
