/**
 * The IdP "flavours" the demo IdP imitates, and which claims each scope releases (oidc-provider `claims` config).
 * With `conformIdTokenClaims: false` every claim granted through a scope goes into the ID token, as the real
 * IdPs do.
 */
import type { ClaimsScopeConfig } from 'oidc-provider';

import type { Flavour } from './users';

export interface FlavourInfo {
  readonly id: Flavour;
  /** Shown in page titles, e.g. "Okta (demo)". */
  readonly title: string;
  /** Accent colour of the login page. */
  readonly colour: string;
  readonly claims: ClaimsScopeConfig;
}

export const FLAVOURS: readonly FlavourInfo[] = [
  {
    id: 'okta',
    title: 'Okta (demo)',
    colour: '#00297a',
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username', 'department'],
      // Okta's `groups` scope releases the `groups` claim (array of group names).
      groups: ['groups'],
    },
  },
  {
    id: 'entra',
    title: 'Entra ID (demo)',
    colour: '#0078d4',
    claims: {
      // Entra puts oid/tid/ver and the configured groups/roles claims in every ID token, whatever the scopes.
      openid: ['sub', 'oid', 'tid', 'ver', 'groups', 'roles', 'hasgroups'],
      email: ['email'],
      profile: ['name', 'preferred_username'],
      groups: ['groups', 'roles', 'hasgroups'],
    },
  },
  {
    id: 'google',
    title: 'Google (demo)',
    colour: '#1a73e8',
    claims: {
      // Google adds `hd` for Workspace accounts; it has no groups claim at all.
      openid: ['sub', 'hd'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'locale'],
    },
  },
];

export function flavourInfo(id: Flavour): FlavourInfo {
  const info = FLAVOURS.find((f) => f.id === id);
  if (!info) throw new Error(`unknown IdP flavour ${id}`);
  return info;
}
