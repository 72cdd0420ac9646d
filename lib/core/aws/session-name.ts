/**
 * The one AWS identity of a person: the value Rolegate sends as RoleSessionName and SourceIdentity. Both
 * land in CloudTrail next to every API call of the session, SourceIdentity survives role chaining, and
 * revoking one user's sessions denies on it (./revocation-policy.ts) — so two different people must never
 * get the same value, and the value must never come from a claim the IdP did not vouch for.
 *
 * Who is "one person" (STYLE rule 14): an identity is (IdP, stable subject). The same address verified at
 * two IdPs is two identities — a second IdP may be weaker (a consumer Google account, a test tenant) and
 * must not be able to act or be revoked as the first one's user — so the value always names the IdP.
 * Within one IdP, a verified email is the person the IdP vouches for: admins and grants are matched on
 * (IdP, verified email) too, so two accounts of one IdP with the same verified mailbox are one person
 * for Rolegate everywhere, including here.
 *
 * The value is one of three disjoint forms (AWS pattern `[\w+=,.@-]{2,64}`, ASCII `\w`; [STS]
 * `roleSessionNameType`, `sourceIdentityType`; AWS-FACTS §1.1). Let `k` be the first character that is
 * not in `[a-z0-9-]` (the IdP id's alphabet, config `ID`):
 * - exact, `k` is `=`: `<idp>=<email>` for a verified email made only of `[\w+=.-]@[\w.-]`, when it fits.
 *   Injective: the IdP id holds no `=`, so the first `=` splits the two back apart;
 * - stable id, no `k`: `<idp>-<user id>` when there is no usable verified email and the Rolegate user id
 *   is a UUID (fixed 36 characters, so the split is known). Never the raw subject or an unverified claim;
 * - hashed, `k` is `+`: `<readable part>+<hash>` for everything else (non-ASCII, full-width, too long,
 *   other user id shapes). The readable part keeps the IdP and the ASCII-safe characters; the hash is 96
 *   bits of SHA-256 over the exact (kind, IdP, original) tuple — no Unicode folding, no case change, no
 *   cut before hashing — so `山田@example.jp` and `佐藤@example.jp`, `ａｌｉｃｅ@…` and `alice@…`, and two
 *   long emails differing only at the end all differ.
 * Every value is also a valid session tag value (no `,`, see {@link emailTagValueFor}).
 */
import { createHash } from 'node:crypto';
import type { IdentityClaims } from '../types';
import { SESSION_TAG_VALUE } from './patterns';

export const MAX_LENGTH = 64;
const HASH_HEX = 24;
const IDP_ID = /^[a-z0-9][a-z0-9-]*$/;
/** An email AWS can carry as is, in the exact form: ASCII, one `@`, no `,` (kept for the hashed form). */
const EXACT_EMAIL = /^[\w+=.-]+@[\w.-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Runs of characters outside the hashed form's readable alphabet (AWS's pattern minus `,`). */
const UNREADABLE_RUN = /[^\w+=.@-]+/g;

/** What the AWS identity is derived from: the sign-in's IdP, its email (if verified) and the user id. */
export type AwsIdentitySource = Pick<IdentityClaims, 'idpId' | 'email' | 'emailVerified'> & { userId: string };

/** The email when (and only when) the IdP verified it. */
export function verifiedEmailOf(claims: Pick<IdentityClaims, 'email' | 'emailVerified'>): string | undefined {
  return claims.emailVerified === true && claims.email ? claims.email : undefined;
}

function hashed(kind: 'email' | 'user', idpId: string, value: string): string {
  // JSON of a fixed-shape array is an injective encoding of the tuple.
  const hash = createHash('sha256').update(JSON.stringify([kind, idpId, value])).digest('hex').slice(0, HASH_HEX);
  const idpPart = IDP_ID.test(idpId) ? idpId : 'idp';
  const readable = `${idpPart}+${value.replace(UNREADABLE_RUN, '-')}`.slice(0, MAX_LENGTH - HASH_HEX - 1);
  return `${readable}+${hash}`;
}

/**
 * The person's AWS identity value (see the module comment for the forms and why they never collide).
 * Always matches `ROLE_SESSION_NAME`, `SOURCE_IDENTITY` and `SESSION_TAG_VALUE` (./patterns) and never
 * starts with `aws:` (no form contains `:`).
 */
export function awsIdentityFor(who: AwsIdentitySource): string {
  const email = verifiedEmailOf(who);
  const idpOk = IDP_ID.test(who.idpId);
  if (email !== undefined) {
    const exact = `${who.idpId}=${email}`;
    if (idpOk && EXACT_EMAIL.test(email) && exact.length <= MAX_LENGTH) return exact;
    return hashed('email', who.idpId, email);
  }
  const stable = `${who.idpId}-${who.userId}`;
  if (idpOk && UUID.test(who.userId) && stable.length <= MAX_LENGTH) return stable;
  return hashed('user', who.idpId, who.userId);
}

/**
 * RoleSessionName for a sign-in: {@link awsIdentityFor}. Spec: STS AssumeRoleWithWebIdentity
 * `RoleSessionName`; SAML attribute `https://aws.amazon.com/SAML/Attributes/RoleSessionName` [UG
 * id_roles_providers_create_saml_assertions]. It is part of `aws:userid`, which bucket policies match on,
 * so it is as unique as SourceIdentity.
 */
export function roleSessionNameFor(who: AwsIdentitySource): string {
  return awsIdentityFor(who);
}

/**
 * SourceIdentity for a sign-in: {@link awsIdentityFor}. Immutable across role chaining, so it pins the
 * person to everything done downstream; a per-user revocation denies exactly this value. Spec: STS
 * `SourceIdentity` [UG id_credentials_temp_control-access_monitor].
 */
export function sourceIdentityFor(who: AwsIdentitySource): string {
  return awsIdentityFor(who);
}

/**
 * The `email` session tag: the verified email itself when AWS's tag value rule can carry it (tags allow
 * Unicode letters), else the person's {@link awsIdentityFor} value. An unverified email never becomes a
 * tag: ABAC conditions on `aws:PrincipalTag/email` would otherwise trust what the user typed.
 */
export function emailTagValueFor(who: AwsIdentitySource): string {
  const email = verifiedEmailOf(who);
  return email !== undefined && SESSION_TAG_VALUE.test(email) ? email : awsIdentityFor(who);
}
