/**
 * The Rolegate config (YAML or JSON): IdPs, AWS accounts and roles, mapping rules. Secrets never live here;
 * they come from the environment (lib/config/env.ts) or, for OIDC client secrets entered by admins, from
 * sealed storage (lib/server/client-secrets.ts). Every version — the file, an import, an admin edit — is
 * parsed by `parseConfigText` and kept as a revision (lib/server/live-config.ts).
 */
import { z } from 'zod';
import { NAMEID_POLICIES } from '../saml/name-id';

const ACCOUNT_ID = /^\d{12}$/;
/** IAM role name: 1–64 chars of [\w+=,.@-] (IAM CreateRole). */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
/** Session tag key (STS Tag.Key). */
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

const idpBase = {
  id: z.string().regex(ID, 'lower-case letters, digits and dashes, starting with a letter or digit'),
  name: z.string().min(1).max(80),
  issuer: z.url().refine((u) => !u.endsWith('/') || new URL(u).pathname !== '/', {
    message: 'write the issuer exactly as the IdP publishes it (no trailing slash unless the IdP uses one)',
  }),
  clientId: z.string().min(1),
  /** Extra OAuth scopes beyond `openid email profile`. */
  scopes: z.array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/)).default([]),
  /** A disabled connection offers no sign-in, and sessions that came through it hold no roles. */
  disabled: z.boolean().default(false),
};

const oidcIdp = z.discriminatedUnion('preset', [
  z.object({ ...idpBase, preset: z.literal('okta'), groupsClaim: z.string().default('groups') }).strict(),
  z.object({
    ...idpBase,
    preset: z.literal('google'),
    /** Google Workspace domains allowed to sign in (checked against the `hd` claim). Required. */
    allowedDomains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)).min(1),
  }).strict(),
  z.object({
    ...idpBase,
    preset: z.literal('entra'),
    groupsClaim: z.string().default('groups'),
    rolesClaim: z.string().default('roles'),
    /** Entra sends group object ids; map them to names for rules. */
    groupNames: z.record(z.string(), z.string()).default({}),
  }).strict(),
  z.object({
    ...idpBase,
    preset: z.literal('generic'),
    groupsClaim: z.string().default('groups'),
    emailClaim: z.string().default('email'),
    nameClaim: z.string().default('name'),
  }).strict(),
]);

const role = z.object({
  name: z.string().regex(ROLE_NAME, 'IAM role names are 1–64 characters of letters, digits and +=,.@_-'),
  description: z.string().max(200).optional(),
  region: z.string().regex(REGION).optional(),
  maxSessionDuration: z.number().int().min(900).max(43200).default(3600),
  /** How credentials are obtained: AssumeRoleWithWebIdentity (Rolegate's OIDC issuer) or AssumeRoleWithSAML. */
  delivery: z.enum(['web-identity', 'saml']).default('web-identity'),
  sessionTags: z
    .record(z.string().regex(TAG_KEY, 'not a valid session tag key'), z.string().min(1))
    .default({})
    .refine((t) => Object.keys(t).length <= 50, 'at most 50 session tags')
    .refine((t) => new Set(Object.keys(t).map((k) => k.toLowerCase())).size === Object.keys(t).length, {
      message: 'session tag keys are case-insensitive: two keys differ only in case',
    }),
  /**
   * A scope-down session policy passed to STS with every issuance (JSON object or its text): the session
   * can do at most what both the role and this policy allow. Checked in role-policy.ts (≤ 2,048 characters).
   */
  sessionPolicy: z.union([z.record(z.string(), z.unknown()), z.string().min(1)]).optional(),
  /** Up to 10 managed policy ARNs (AWS-managed or of the role's account) passed to STS as session policies. */
  managedPolicyArns: z.array(z.string()).max(10, 'at most 10 managed policy ARNs (STS)').optional(),
  /** Users who do not hold the role may request it for a few hours; admins approve (`grants.request*`). */
  requestable: z.boolean().default(false),
}).strict();

export const SAML_PRESETS = ['adfs', 'okta', 'entra', 'shibboleth', 'google', 'pingfederate', 'keycloak', 'onelogin', 'jumpcloud', 'generic'] as const;

/**
 * Whether a SAML connection's email attribute is, by default, the IdP's verified word on the person's
 * mailbox: yes only where the IdP's own directory owns the address and a user cannot set it.
 * - adfs, pingfederate: federation servers in front of the company's AD/LDAP, whose admins set `mail`
 *   (a PingFederate that brokers other IdPs as a federation hub should turn this off).
 * - okta, onelogin, jumpcloud: the company's cloud directory; admins set the primary/company email.
 * - shibboleth: the institution's directory releases `mail` of its own accounts.
 * - google: Workspace primary emails are addresses of the company's own verified domains.
 * - keycloak: no. Realms commonly allow self-registration, identity brokering (social logins) and editing
 *   the email in the account console, and "Verify email" is off by default; a SAML assertion carries no
 *   emailVerified flag.
 * - entra: no. Its email attributes are user- or tenant-editable and unverified ("nOAuth").
 * - generic: unknown until its admin says so.
 * Editable per connection (`emailsAuthoritative`), except that Entra's can never be turned on
 * (lib/core/config/parse.ts).
 */
export const SAML_EMAILS_AUTHORITATIVE: Readonly<Record<(typeof SAML_PRESETS)[number], boolean>> = {
  adfs: true, okta: true, entra: false, shibboleth: true, google: true,
  pingfederate: true, keycloak: false, onelogin: true, jumpcloud: true, generic: false,
};

const attributeNames = z.array(z.string().min(1).max(256)).min(1);
/** `=` is excluded so the namespaced subject `attr:<name>=<value>` (lib/core/saml/subject.ts) splits back. */
const SUBJECT_ATTRIBUTE = /^[^\s=\u0000-\u001f\u007f]{1,256}$/;
const samlConnection = z.object({
  // `/saml/logout` is Rolegate's own sign-out route: a connection of that id could not be reached.
  id: idpBase.id.refine((id) => id !== 'logout', { message: '"logout" is reserved (/saml/logout is the sign-out route)' }),
  name: idpBase.name,
  /** Attribute-name defaults per vendor (lib/core/saml/attribute-presets.ts); `attributes` overrides them. */
  preset: z.enum(SAML_PRESETS),
  /** The IdP's metadata: fetched from a URL (https) or pasted. Exactly one. */
  metadataUrl: z.url().optional(),
  metadataXml: z.string().min(100).max(1_000_000).optional(),
  /** IdP-initiated (unsolicited) sign-in. Off by default: SP-initiated requests are matched by InResponseTo. */
  allowIdpInitiated: z.boolean().default(false),
  clockSkewSeconds: z.number().int().min(0).max(300).default(60),
  /** Accept RSA-SHA1 signatures and SHA-1 digests from this IdP. Broken crypto: only for legacy IdPs. */
  DANGEROUSLY_ALLOW_SHA1: z.boolean().default(false),
  attributes: z.object({ groups: attributeNames.optional(), email: attributeNames.optional(), name: attributeNames.optional() }).strict().default({}),
  /** Entra sends group object ids: map them to names for rules. */
  groupNames: z.record(z.string(), z.string()).default({}),
  /**
   * The IdP's emails are verified (its directory owns them): only then does an email from this connection
   * make an admin, match a grant or an email rule, or name the person in AWS. Default per preset
   * (SAML_EMAILS_AUTHORITATIVE).
   */
  emailsAuthoritative: z.boolean().optional(),
  /**
   * The attribute whose single value is the person's stable subject (ePPN `urn:oid:1.3.6.1.4.1.5923.1.1.1.6`,
   * objectGUID, an employee id…). Absent: the NameID is the subject, and a transient one is refused.
   */
  subjectAttribute: z.string().regex(SUBJECT_ATTRIBUTE, 'an attribute name: 1–256 characters, no spaces, control characters or "="').optional(),
  /** The AuthnRequest's NameIDPolicy Format (lib/core/saml/name-id.ts); `omit`: the IdP's configured one. */
  nameIdPolicy: z.enum(NAMEID_POLICIES).default('omit'),
  /** Ask the IdP to authenticate the person again even when it has a session (saml-core §3.4.1 ForceAuthn). */
  forceAuthn: z.boolean().default(false),
  /**
   * Single logout (issue 13 §5): an IdP's LogoutRequest also ends the person's CLI logins through this
   * connection, not only their portal sessions. Off by default: a browser logout rarely means "and my laptop's CLI".
   */
  sloEndsCliLogins: z.boolean().default(false),
  disabled: idpBase.disabled,
}).strict().refine((c) => (c.metadataUrl === undefined) !== (c.metadataXml === undefined), {
  message: 'give exactly one of metadataUrl or metadataXml',
}).transform((c) => ({ ...c, emailsAuthoritative: c.emailsAuthoritative ?? SAML_EMAILS_AUTHORITATIVE[c.preset] }));

const account = z.object({
  id: z.string().regex(ACCOUNT_ID, 'an AWS account id is 12 digits'),
  alias: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  partition: z.enum(['aws', 'aws-us-gov', 'aws-cn']).default('aws'),
  region: z.string().regex(REGION, 'not an AWS region name'),
  /** A colour for the account in the role picker and admin pages, `#rrggbb`. */
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb').optional(),
  /** Name of the IAM SAML provider holding Rolegate's IdP metadata in this account (SAML delivery). */
  samlProvider: z.string().regex(/^[\w.-]{1,128}$/, 'IAM SAML provider names are 1–128 of letters, digits and ._-').default('rolegate'),
  /** A disabled account's roles stay in the file (rules may name them) but nobody can assume them. */
  disabled: z.boolean().default(false),
  roles: z.array(role).min(1),
}).strict();

const glob = z.string().min(1).max(256);

/**
 * A person named by their email as verified by one IdP or SAML connection (`{ idp: okta, email: a@x }`).
 * An email alone names nobody: any IdP can assert any address, so a bare string is refused with a message
 * saying to name the IdP (issue 12 §1).
 */
export const idpEmail = z.object({
  idp: z.string().regex(ID, 'an IdP or SAML connection id'),
  email: z.email().transform((e) => e.toLowerCase()),
}, {
  error: (iss) => (typeof iss.input === 'string' ? `name the IdP that verifies this email: write { idp: <IdP id>, email: ${iss.input.slice(0, 100)} }` : undefined),
}).strict();
export type IdpEmail = z.output<typeof idpEmail>;
const rule = z.object({
  id: z.string().regex(ID),
  description: z.string().max(200).optional(),
  /** IdP ids this rule applies to; omitted = every IdP. */
  idps: z.array(z.string()).optional(),
  groups: z.array(glob).default([]),
  emails: z.array(z.email().transform((e) => e.toLowerCase())).default([]),
  emailDomains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)).default([]),
  /** `<account alias or id>/<role name>`. */
  roles: z.array(z.string().regex(/^[a-z0-9-]+\/[\w+=,.@-]+$/)).min(1),
  /** A disabled rule grants nothing; it is kept so that it can be switched back on. */
  disabled: z.boolean().default(false),
}).strict().refine((r) => r.groups.length + r.emails.length + r.emailDomains.length > 0, {
  message: 'a rule must match at least one group, email or email domain',
});

export const configSchema = z.object({
  /** Corporate SAML 2.0 IdPs (Rolegate is their service provider). Ids share the namespace of `idps`. */
  samlConnections: z.array(samlConnection).default([]),
  /** Rolegate as the SAML IdP that IAM trusts (roles with `delivery: saml`). */
  samlIdp: z.object({
    /** Defaults to `<publicUrl>/aws/saml`. Must equal the entityID in the metadata uploaded to IAM. */
    entityId: z.url().optional(),
    /** Upper bound of a signing certificate's validity; rotation fits two periods + overlap in it (key-lifetime.ts). */
    certValidityDays: z.number().int().min(30).max(3650).default(365),
    assertionLifetimeSeconds: z.number().int().min(60).max(300).default(300),
  }).strict().default({ certValidityDays: 365, assertionLifetimeSeconds: 300 }),
  /** Rolegate's public origin; also the OIDC issuer AWS trusts. https in production. */
  publicUrl: z.url(),
  issuer: z.object({
    audience: z.string().min(1).max(255).default('sts.amazonaws.com'),
    tokenLifetimeSeconds: z.number().int().min(60).max(300).default(300),
    keyRotationDays: z.number().int().min(1).max(365).default(90),
  }).strict().default({ audience: 'sts.amazonaws.com', tokenLifetimeSeconds: 300, keyRotationDays: 90 }),
  session: z.object({
    maxAgeSeconds: z.number().int().min(300).max(86400).default(28800),
  }).strict().default({ maxAgeSeconds: 28800 }),
  /**
   * The CLI's device-flow login (RFC 8628): access token lifetime, the absolute lifetime of a login (its
   * refresh tokens rotate but never outlive it), how long a device code waits for approval, and the
   * minimum polling interval the CLI is told.
   */
  cli: z.object({
    accessTokenMinutes: z.number().int().min(1).max(60).default(15),
    refreshMaxHours: z.number().int().min(1).max(168).default(12),
    deviceCodeMinutes: z.number().int().min(1).max(30).default(10),
    pollIntervalSeconds: z.number().int().min(1).max(60).default(5),
  }).strict().default({ accessTokenMinutes: 15, refreshMaxHours: 12, deviceCodeMinutes: 10, pollIntervalSeconds: 5 }),
  /** Time-limited grants (issue 5 §3): the longest grant an admin may request, in days (1–30). */
  grants: z.object({
    maxDays: z.number().int().min(1).max(30).default(30),
    /** Approvals an access request needs (by admins other than the requester): at least one, always. */
    requestApprovals: z.number().int().min(1).max(5).default(1),
    /** The longest access a user may request, in hours. */
    requestMaxHours: z.number().int().min(1).max(720).default(8),
  }).strict().default({ maxDays: 30, requestApprovals: 1, requestMaxHours: 8 }),
  /**
   * The audit ledger (issue 5 §4): rows older than `retentionDays` are deleted by a daily sweep. At least
   * 30 days — the database refuses to delete younger rows anyway (migration 0004).
   */
  audit: z.object({
    retentionDays: z.number().int().min(30).max(3650).default(400),
  }).strict().default({ retentionDays: 400 }),
  aws: z.object({
    /** Override of the federation endpoint (getSigninToken/login), e.g. for a test emulator. */
    federationUrl: z.url().optional(),
    /** Override of the console base URL the user lands on. */
    consoleUrl: z.url().optional(),
    /** Override of AWS's SAML sign-in endpoint (Recipient of Rolegate's assertions), e.g. for a test emulator. */
    samlSigninUrl: z.url().optional(),
    /** Override of the IAM endpoint (revoking issued sessions with PutRolePolicy), e.g. for a test emulator. */
    iamUrl: z.url().optional(),
  }).strict().default({}),
  /**
   * OIDC IdPs. Optional: a SAML-only site has none (issue 13 §1). Someone must be able to sign in, so
   * parse.ts refuses a config with neither an OIDC IdP nor a SAML connection.
   */
  idps: z.array(oidcIdp).default([]),
  accounts: z.array(account).min(1),
  rules: z.array(rule).default([]),
  /**
   * Who may use the admin pages: bootstrap admins by verified email at a named IdP, and members of a group
   * at a given IdP or SAML connection. Nobody is an admin by default.
   */
  admins: z.object({
    emails: z.array(idpEmail).default([]),
    groups: z.array(z.object({ idp: z.string().regex(ID), group: z.string().min(1).max(256) }).strict()).default([]),
    /**
     * Break-glass admins (verified email at a named IdP): the one exception to a lock-down, so the people
     * who respond to an incident can still reach AWS while everyone else is cut off.
     */
    breakGlassEmails: z.array(idpEmail).default([]),
  }).strict().default({ emails: [], groups: [], breakGlassEmails: [] }),
  /** Allows http:// public and issuer URLs. Only for local demos and tests: AWS requires https. */
  DANGEROUSLY_ALLOW_HTTP: z.boolean().default(false),
}).strict();

export type RolegateConfigInput = z.input<typeof configSchema>;
export type RolegateConfigParsed = z.output<typeof configSchema>;
export type IdpConfig = RolegateConfigParsed['idps'][number];
export type RuleConfig = RolegateConfigParsed['rules'][number];
export type AccountConfig = RolegateConfigParsed['accounts'][number];
export type SamlConnectionConfig = RolegateConfigParsed['samlConnections'][number];
