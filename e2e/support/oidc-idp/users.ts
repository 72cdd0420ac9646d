/**
 * Demo users of the demo / test OIDC identity provider, one list per IdP flavour.
 *
 * DEMO ONLY: every user's password is `demo` (DEMO_PASSWORD). These accounts exist solely for `npm run demo` and
 * the tests; never reuse this module or its password for anything reachable by other people.
 *
 * `sub` values are fixed so that a user keeps the same subject per issuer across restarts, shaped like the real
 * IdP's identifiers (Okta `00u…` ids, Entra pairwise base64url subs + GUID `oid`, Google numeric ids).
 */
export type Flavour = 'okta' | 'entra' | 'google';

export type ClaimValue = string | number | boolean | readonly string[] | { readonly [key: string]: ClaimValue };

export interface DemoUser {
  readonly flavour: Flavour;
  /** What is typed in the login field (case-insensitive). */
  readonly login: string;
  readonly sub: string;
  /** One line shown next to the user on the IdP's login page. */
  readonly summary: string;
  /** Claims besides `sub`; which of them reach the ID token depends on the flavour's scope → claims mapping. */
  readonly claims: Readonly<Record<string, ClaimValue>>;
}

/** DEMO ONLY: the password of every demo user. */
export const DEMO_PASSWORD = 'demo';

/** The Entra tenant id (`tid`) of the demo Entra issuer. */
export const ENTRA_TENANT_ID = '9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f';

/** Entra security-group object ids, as they appear in the Entra `groups` claim. */
export const ENTRA_GROUP_IDS = {
  awsDevAdmins: '3b0c2d1e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
  awsReadonly: '6e5d4c3b-2a19-4f08-9e7d-6c5b4a392817',
  awsProdOperators: 'c7d8e9f0-a1b2-4c3d-9e4f-5a6b7c8d9e0f',
} as const;

function graphOverage(oid: string): Record<string, ClaimValue> {
  return {
    _claim_names: { groups: 'src1' },
    _claim_sources: { src1: { endpoint: `https://graph.microsoft.com/v1.0/users/${oid}/getMemberObjects` } },
  };
}

const OKTA: readonly DemoUser[] = [
  {
    flavour: 'okta', login: 'alice@example.com', sub: '00u1a2l3i4c5e6d7e8m9',
    summary: 'groups aws-dev-admins, aws-readonly; department platform',
    claims: {
      name: 'Alice Anders', given_name: 'Alice', family_name: 'Anders', preferred_username: 'alice@example.com',
      email: 'alice@example.com', email_verified: true, department: 'platform',
      groups: ['aws-dev-admins', 'aws-readonly'],
    },
  },
  {
    flavour: 'okta', login: 'bob@example.com', sub: '00u2b3o4b5d6e7m8o9k0',
    summary: 'group aws-prod-operators',
    claims: {
      name: 'Bob Baker', given_name: 'Bob', family_name: 'Baker', preferred_username: 'bob@example.com',
      email: 'bob@example.com', email_verified: true, department: 'operations',
      groups: ['aws-prod-operators'],
    },
  },
  {
    flavour: 'okta', login: 'carol@example.com', sub: '00u3c4a5r6o7l8d9e0m1',
    summary: 'no AWS groups (group marketing)',
    claims: {
      name: 'Carol Chen', given_name: 'Carol', family_name: 'Chen', preferred_username: 'carol@example.com',
      email: 'carol@example.com', email_verified: true, department: 'marketing',
      groups: ['marketing'],
    },
  },
  {
    // Issue 12 §1: a user who typed alice's address into their profile. No email_verified claim at all (the
    // case Rolegate used to count as verified): they must get none of alice's rights nor her AWS identity.
    flavour: 'okta', login: 'ursula@example.com', sub: '00u4u5r6s7u8l9a0u1r2',
    summary: 'email alice@example.com, NOT verified; group aws-readonly',
    claims: {
      name: 'Ursula Unverified', given_name: 'Ursula', family_name: 'Unverified', preferred_username: 'ursula@example.com',
      email: 'alice@example.com', department: 'platform',
      groups: ['aws-readonly'],
    },
  },
  {
    // Issue 13 §4: an IdP that moves a long groups list out of the token (a distributed claim, OIDC Core
    // §5.6.2). Rolegate must refuse it as an overage rather than sign her in with no groups.
    flavour: 'okta', login: 'olga@example.com', sub: '00u5o6l7g8a9o0v1e2r3',
    summary: 'groups as a distributed claim (_claim_names/_claim_sources): an overage',
    claims: {
      name: 'Olga Overage', given_name: 'Olga', family_name: 'Overage', preferred_username: 'olga@example.com',
      email: 'olga@example.com', email_verified: true, department: 'platform',
      _claim_names: { groups: 'src1' },
      _claim_sources: { src1: { endpoint: 'https://example.okta.com/api/v1/users/00u5o6l7g8a9o0v1e2r3/groups' } },
    },
  },
];

const DANA_OID = 'd1d2d3d4-0000-4000-8000-00000000da4a';
const ERIN_OID = 'e1e2e3e4-0000-4000-8000-0000000e7140';
const FRANK_OID = 'f1f2f3f4-0000-4000-8000-0000000f7a4c';

function entraUser(login: string, name: string, oid: string, sub: string, extra: Record<string, ClaimValue>, summary: string): DemoUser {
  return {
    flavour: 'entra', login, sub, summary,
    claims: { name, preferred_username: login, email: login, oid, tid: ENTRA_TENANT_ID, ver: '2.0', ...extra },
  };
}

const ENTRA: readonly DemoUser[] = [
  entraUser('dana@contoso.example', 'Dana Diaz', DANA_OID, 'kX3v9Qd1Rk0aN2tYp8WmZc4Lq7HsJ6uBfE5gTyVoAiM', {
    groups: [ENTRA_GROUP_IDS.awsDevAdmins, ENTRA_GROUP_IDS.awsReadonly],
    roles: ['AWS.DevAdmin', 'AWS.ReadOnly'],
  }, 'groups (object ids) aws-dev-admins, aws-readonly; app roles AWS.DevAdmin, AWS.ReadOnly'),
  entraUser('erin@contoso.example', 'Erin Evans', ERIN_OID, 'pR7nC2wQ5zL8yT1kV4mB9xH3jF6dS0aGeUoIiNcWlYq', {
    ...graphOverage(ERIN_OID),
    roles: ['AWS.ReadOnly'],
  }, 'groups overage (_claim_names/_claim_sources → Graph); app role AWS.ReadOnly'),
  entraUser('frank@contoso.example', 'Frank Fischer', FRANK_OID, 'Zt4Hq8Nw2Jc6Vb0Xm3Lp7Rk1Sd5Fg9AeYuIoEiUaWnQ', {
    hasgroups: true,
  }, 'groups overage, implicit-flow style (hasgroups: true)'),
];

function googleUser(login: string, name: string, sub: string, hd: string | undefined, summary: string): DemoUser {
  const [given = name, family = ''] = name.split(' ');
  return {
    flavour: 'google', login, sub, summary,
    claims: {
      name, given_name: given, family_name: family, locale: 'en',
      email: login, email_verified: true, ...(hd ? { hd } : {}),
    },
  };
}

const GOOGLE: readonly DemoUser[] = [
  googleUser('gina@example.com', 'Gina Garcia', '104857392018475620193', 'example.com', 'Workspace user, hd example.com'),
  googleUser('oscar@other.example', 'Oscar Olsen', '117384920573619284057', 'other.example', 'Workspace user, hd other.example'),
  googleUser('pat@personal.example', 'Pat Park', '109283746501928374650', undefined, 'consumer account, no hd'),
];

export const DEMO_USERS: readonly DemoUser[] = [...OKTA, ...ENTRA, ...GOOGLE];

export function usersFor(flavour: Flavour): DemoUser[] {
  return DEMO_USERS.filter((u) => u.flavour === flavour);
}

export function findUserByLogin(flavour: Flavour, login: string): DemoUser | undefined {
  const wanted = login.trim().toLowerCase();
  return DEMO_USERS.find((u) => u.flavour === flavour && u.login === wanted);
}

export function findUserBySub(flavour: Flavour, sub: string): DemoUser | undefined {
  return DEMO_USERS.find((u) => u.flavour === flavour && u.sub === sub);
}
