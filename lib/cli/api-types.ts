/**
 * Runtime checks of the server's answers (the CLI never trusts a shape it did not check), one
 * parser per /api/v1 response.
 */
import type { Credentials } from '../core/types';
import { failure } from './errors';
import { Fields } from './fields';

/** RFC 8628 §3.2 device authorization response. */
export interface DeviceCode {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete?: string;
  expiresInSeconds: number;
  /** §3.2: "If no value is provided, clients MUST use 5 as the default." */
  intervalSeconds: number;
}

export function parseDeviceCode(body: unknown): DeviceCode {
  const f = Fields.of('device authorization response', body);
  return {
    deviceCode: f.str('device_code'),
    userCode: f.str('user_code'),
    verificationUri: f.str('verification_uri'),
    verificationUriComplete: f.optStr('verification_uri_complete'),
    expiresInSeconds: f.num('expires_in'),
    intervalSeconds: Math.max(1, f.optNum('interval') ?? 5),
  };
}

export interface TokenPair {
  accessToken: string;
  expiresInSeconds: number;
  refreshToken: string;
  refreshExpiresInSeconds?: number;
}

export function parseTokenPair(body: unknown): TokenPair {
  const f = Fields.of('token response', body);
  if (f.str('token_type').toLowerCase() !== 'bearer')
    throw failure('token response: not a Bearer token');
  return {
    accessToken: f.str('access_token'),
    expiresInSeconds: f.num('expires_in'),
    refreshToken: f.str('refresh_token'),
    refreshExpiresInSeconds: f.optNum('refresh_expires_in'),
  };
}

/** A role as `GET /api/v1/roles` lists it. */
export interface RoleSummary {
  id: string;
  accountId: string;
  accountAlias: string;
  roleName: string;
  arn: string;
  region: string;
  delivery: string;
  profile: string;
}

export function parseRoles(body: unknown): RoleSummary[] {
  return Fields.of('roles response', body)
    .list('roles')
    .map((item) => {
      const f = Fields.of('role', item);
      return {
        id: f.str('id'),
        accountId: f.str('accountId'),
        accountAlias: f.str('accountAlias'),
        roleName: f.str('roleName'),
        arn: f.str('arn'),
        region: f.str('region'),
        delivery: f.str('delivery'),
        profile: f.str('profile'),
      };
    });
}

/** The role an issuance was for, as `POST /api/v1/credentials` reports it. */
export interface IssuedRole {
  id: string;
  arn: string;
  region: string;
  accountAlias: string;
  roleName: string;
}

export function parseIssued(body: unknown): { credentials: Credentials; role: IssuedRole } {
  const f = Fields.of('credentials response', body);
  const c = f.sub('credentials');
  const r = f.sub('role');
  return {
    credentials: {
      accessKeyId: c.str('accessKeyId'),
      secretAccessKey: c.str('secretAccessKey'),
      sessionToken: c.str('sessionToken'),
      expiration: c.str('expiration'),
    },
    role: {
      id: r.str('id'),
      arn: r.str('arn'),
      region: r.str('region'),
      accountAlias: r.str('accountAlias'),
      roleName: r.str('roleName'),
    },
  };
}

export interface Whoami {
  userId: string;
  /** Null on the wire for identities without one (e.g. a SAML NameID-only user). */
  email?: string;
  name?: string;
  idpName: string;
  via?: string;
  expiresAt?: string;
}

export function parseWhoami(body: unknown): Whoami {
  const f = Fields.of('whoami response', body);
  const user = f.sub('user');
  return {
    userId: user.str('id'),
    email: user.optStr('email'),
    name: user.optStr('name'),
    idpName: f.sub('idp').str('name'),
    via: f.optStr('via'),
    expiresAt: f.optStr('expiresAt'),
  };
}

export function parseConsoleUrl(body: unknown): string {
  return Fields.of('console response', body).str('url');
}

/** `/api/v1/favourites`: the caller's starred roles and recently used roles (issue 15 §4), as role ids. */
export interface QuickRoles {
  favourites: string[];
  recent: string[];
}

export function parseQuickRoles(body: unknown): QuickRoles {
  const f = Fields.of('favourites response', body);
  const ids = (key: string) =>
    f.list(key).map((id) => {
      if (typeof id !== 'string' || id === '') throw failure(`favourites response: "${key}" holds a non-id`);
      return id;
    });
  return { favourites: ids('favourites'), recent: ids('recent') };
}
