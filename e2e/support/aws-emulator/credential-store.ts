/**
 * In-memory store of the temporary credentials the emulator issued, keyed by access key ID.
 * `RevocationCheck` is the hook for session revocation (AWS-FACTS §1.5: deny when the credential's issue
 * time is before a per-role cutoff); the default revokes nothing.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

export interface SessionTag {
  key: string;
  value: string;
}

export interface IssuedCredential {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch milliseconds. */
  expiration: number;
  /** Epoch milliseconds (`aws:TokenIssueTime`). */
  issuedAt: number;
  accountId: string;
  roleName: string;
  sessionName: string;
  assumedRoleArn: string;
  /** `AROA…:<sessionName>` */
  assumedRoleId: string;
  sourceIdentity?: string;
  tags: SessionTag[];
  transitiveTagKeys: string[];
  /** The IAM OIDC or SAML provider ARN. */
  provider: string;
  /** OIDC: the matched `aud`; SAML: the SubjectConfirmationData Recipient. */
  audience: string;
  /** OIDC: `sub`; SAML: the NameID. */
  subject: string;
  /** The inline session policy of the assume call (scope-down), as sent. */
  sessionPolicy?: string;
  /** The managed policy ARNs of the assume call. */
  policyArns?: string[];
}

export type CredentialStatus = 'live' | 'expired' | 'revoked';

/** Returns true when the credential must be treated as revoked (e.g. issuedAt < the role's cutoff). */
export type RevocationCheck = (credential: IssuedCredential) => boolean;

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SECRET_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A role's unique ID is stable across sessions, like IAM's `AROA` + 17 characters. */
export function roleUniqueId(accountId: string, roleName: string): string {
  const digest = createHash('sha256').update(`${accountId}/${roleName}`).digest();
  let id = 'AROA';
  for (let i = 0; i < 17; i++) id += UPPER_ALNUM[(digest[i] ?? 0) % UPPER_ALNUM.length];
  return id;
}

export type CredentialIdentity = Omit<
  IssuedCredential,
  'accessKeyId' | 'secretAccessKey' | 'sessionToken' | 'assumedRoleArn' | 'assumedRoleId'
>;

export class CredentialStore {
  private readonly byAccessKeyId = new Map<string, IssuedCredential>();

  constructor(private readonly isRevoked: RevocationCheck = () => false) {}

  /** Mints `ASIA…` keys, a 40-character secret and an opaque session token, and remembers them. */
  issue(identity: CredentialIdentity): IssuedCredential {
    let accessKeyId: string;
    do accessKeyId = `ASIA${randomString(UPPER_ALNUM, 16)}`;
    while (this.byAccessKeyId.has(accessKeyId));
    const credential: IssuedCredential = {
      ...identity,
      accessKeyId,
      secretAccessKey: randomString(SECRET_CHARS, 40),
      // Real tokens are long opaque base64 blobs of no fixed size (AWS-FACTS §1.4).
      sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(300).toString('base64')}`,
      assumedRoleArn: `arn:aws:sts::${identity.accountId}:assumed-role/${identity.roleName}/${identity.sessionName}`,
      assumedRoleId: `${roleUniqueId(identity.accountId, identity.roleName)}:${identity.sessionName}`,
    };
    this.byAccessKeyId.set(accessKeyId, credential);
    return credential;
  }

  get(accessKeyId: string): IssuedCredential | undefined {
    return this.byAccessKeyId.get(accessKeyId);
  }

  status(credential: IssuedCredential, nowMs: number): CredentialStatus {
    if (this.isRevoked(credential)) return 'revoked';
    return nowMs >= credential.expiration ? 'expired' : 'live';
  }

  /** Every credential issued so far, oldest first (for tests and a future revocation feature). */
  all(): IssuedCredential[] {
    return [...this.byAccessKeyId.values()];
  }
}
