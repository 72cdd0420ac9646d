/** Domain types shared by the core, the server glue, the CLI and the UI. */

export type Partition = 'aws' | 'aws-us-gov' | 'aws-cn';

/** Temporary AWS credentials as STS returns them. Never persisted, never logged. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** ISO 8601 */
  expiration: string;
}

/** A role a user may be offered, resolved from config. `id` is stable: `<accountId>/<roleName>`. */
export interface RoleDef {
  id: string;
  accountId: string;
  accountAlias: string;
  partition: Partition;
  region: string;
  roleName: string;
  arn: string;
  maxSessionDurationSeconds: number;
  /** AssumeRoleWithWebIdentity (Rolegate's OIDC issuer) or AssumeRoleWithSAML (Rolegate's SAML IdP). */
  delivery: 'web-identity' | 'saml';
  /** The IAM SAML provider that trusts Rolegate in this account (used by SAML delivery). */
  samlProviderArn: string;
  /** Session tag key → claim name whose value becomes the tag value. */
  sessionTags: Record<string, string>;
  description?: string;
  /** The account's colour (#rrggbb) in the role picker. */
  accountColour?: string;
  /** A scope-down session policy (minified JSON) sent to STS with every issuance. */
  sessionPolicy?: string;
  /** Managed policy ARNs sent to STS as session policies. */
  managedPolicyArns: string[];
  /** Users may ask for this role for a while (an access request, approved by admins: issue 5 §3). */
  requestable: boolean;
}

/** The claims Rolegate keeps from a sign-in: what every authorisation decision is made on. */
export interface IdentityClaims {
  idpId: string;
  issuer: string;
  subject: string;
  email?: string;
  /** False when the IdP says the email is unverified; such an email never matches a rule. */
  emailVerified: boolean;
  name?: string;
  /** Google Workspace hosted domain. */
  hostedDomain?: string;
  groups: string[];
  /** Any other string claims kept for session tags. */
  extra: Record<string, string>;
}
