/**
 * Deriving RoleSessionName and SourceIdentity from who signed in. Both land in CloudTrail next to
 * every API call the session makes, so they should read as the person (their email) yet always
 * satisfy AWS's pattern: 2–64 of `[\w+=,.@-]` ([STS] `roleSessionNameType`, `sourceIdentityType`;
 * AWS-FACTS §1.1).
 */

const MAX_LENGTH = 64;
const MIN_LENGTH = 2;
/**
 * One or more characters AWS does not accept, replaced by a single `-`. No `u`-mode `\w` widening.
 */
const DISALLOWED_RUN = /[^\w+=,.@-]+/g;
const PAD = '_';

/**
 * Turns any text into a value matching `^[\w+=,.@-]{2,64}$`: accents are dropped (`é` → `e`), every
 * run of other disallowed characters becomes one `-`, the result is cut to 64 characters and padded
 * with `_` to at least 2. As `:` is disallowed, the result can never start with the reserved `aws:`
 * prefix.
 */
function sanitize(text: string): string {
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '');
  const replaced = folded.replace(DISALLOWED_RUN, '-');
  return replaced.slice(0, MAX_LENGTH).padEnd(MIN_LENGTH, PAD);
}

function source(email: string | undefined, fallbackSubject: string): string {
  const trimmed = email?.trim();
  return trimmed ? trimmed : fallbackSubject.trim();
}

/**
 * RoleSessionName for a sign-in: the email when there is one, else `fallbackSubject` (e.g. the IdP
 * `sub`). Always matches `ROLE_SESSION_NAME` (./patterns); `alice@example.com` stays as is, `José
 * Ruiz` → `Jose-Ruiz`. Spec: STS AssumeRoleWithWebIdentity `RoleSessionName`; SAML attribute
 * `https://aws.amazon.com/SAML/Attributes/RoleSessionName` [UG
 * id_roles_providers_create_saml_assertions].
 */
export function roleSessionNameFor(email: string | undefined, fallbackSubject: string): string {
  return sanitize(source(email, fallbackSubject));
}

/**
 * SourceIdentity for a sign-in, derived like {@link roleSessionNameFor}. Always matches
 * `SOURCE_IDENTITY` (./patterns) and never starts with `aws:` (AWS reserves it; `:` is replaced).
 * SourceIdentity is immutable across role chaining, so it pins the person to everything done
 * downstream. Spec: STS `SourceIdentity` [UG id_credentials_temp_control-access_monitor].
 */
export function sourceIdentityFor(email: string | undefined, fallbackSubject: string): string {
  return sanitize(source(email, fallbackSubject));
}
