/**
 * State of the fake Rolegate server (fake-server.ts): issued tokens with rotation and family
 * revocation, the device-code script, the roles and request counters the tests assert on.
 */
import { randomBytes } from 'node:crypto';

export type DeviceOutcome =
  'authorization_pending' | 'slow_down' | 'access_denied' | 'expired_token' | 'approve';

export interface FakeRole {
  id: string;
  accountId: string;
  accountAlias: string;
  roleName: string;
  arn: string;
  region: string;
  partition: 'aws';
  delivery: 'web-identity' | 'saml';
  maxSessionDurationSeconds: number;
  profile: string;
}

export function fakeRole(
  accountId: string,
  alias: string,
  roleName: string,
  region = 'eu-west-1',
): FakeRole {
  return {
    id: `${accountId}/${roleName}`,
    accountId,
    accountAlias: alias,
    roleName,
    arn: `arn:aws:iam::${accountId}:role/${roleName}`,
    region,
    partition: 'aws',
    delivery: 'web-identity',
    maxSessionDurationSeconds: 3600,
    profile: `${alias}-${roleName}`,
  };
}

export const DEFAULT_ROLES: FakeRole[] = [
  fakeRole('111122223333', 'dev', 'Admin'),
  fakeRole('111122223333', 'dev', 'ReadOnly'),
  fakeRole('444455556666', 'prod', 'Operator', 'us-west-2'),
];

export interface TokenPairBody {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
  refresh_expires_in: number;
}

export class FakeState {
  /** Requests by "METHOD /path". */
  readonly counts = new Map<string, number>();
  roles: FakeRole[] = [...DEFAULT_ROLES];
  deviceScript: DeviceOutcome[] = ['approve'];
  /** Seconds; undefined leaves `interval` out of the response. */
  deviceInterval: number | undefined = 1;
  deviceExpiresIn = 600;
  accessTtlSeconds = 900;
  credentialsTtlSeconds = 3600;
  /** Delay before answering POST /credentials (makes concurrent callers overlap). */
  credentialsDelayMs = 0;
  /** When set, POST /credentials answers with this status and error code. */
  credentialsError?: { status: number; code: string; message: string };
  issued = 0;
  /** GET/PUT/DELETE /favourites: role ids starred, and recently used ones (most recent first). */
  favourites: string[] = [];
  recent: string[] = [];
  /** False: a server older than favourites, whose /favourites is a 404. */
  servesFavourites = true;
  whoami: {
    user: { id: string; email: string | null; name: string | null };
    [k: string]: unknown;
  } = {
    user: { id: 'u1', email: 'alice@example.com', name: 'Alice' },
    idp: { id: 'okta', name: 'Okta' },
    via: 'device',
    expiresAt: '2030-01-01T00:00:00Z',
  };
  private readonly access = new Map<string, number>();
  private readonly refresh = new Map<string, 'live' | 'used'>();

  count(route: string): number {
    return this.counts.get(route) ?? 0;
  }

  /** A fresh token pair, as the device or refresh grant returns it. */
  issueTokens(now = Date.now()): TokenPairBody {
    const accessToken = `at-${randomBytes(12).toString('hex')}`;
    const refreshToken = `rt-${randomBytes(12).toString('hex')}`;
    this.access.set(accessToken, now + this.accessTtlSeconds * 1000);
    this.refresh.set(refreshToken, 'live');
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: this.accessTtlSeconds,
      refresh_token: refreshToken,
      refresh_expires_in: 43_200,
    };
  }

  isValidAccess(token: string | undefined): boolean {
    const expiresAt = token === undefined ? undefined : this.access.get(token);
    return expiresAt !== undefined && expiresAt > Date.now();
  }

  /** Rotation: a live token is spent; a spent one revokes everything (reuse detection). */
  redeemRefresh(token: string): TokenPairBody | undefined {
    const state = this.refresh.get(token);
    if (state !== 'live') {
      if (state === 'used') this.revokeAll();
      return undefined;
    }
    this.refresh.set(token, 'used');
    return this.issueTokens();
  }

  /** Every access token stops working (as if 15 minutes had passed). */
  expireAccessTokens(): void {
    this.access.clear();
  }

  /** Logout / admin revocation / family revoked: nothing issued so far works any more. */
  revokeAll(): void {
    this.access.clear();
    this.refresh.clear();
  }

  findRole(ref: string): FakeRole | undefined {
    return this.roles.find(
      (r) => r.id === ref || r.arn === ref || `${r.accountAlias}/${r.roleName}` === ref,
    );
  }

  nextAccessKeyId(): string {
    this.issued += 1;
    return `ASIAFAKE${String(this.issued).padStart(12, '0')}`;
  }
}
