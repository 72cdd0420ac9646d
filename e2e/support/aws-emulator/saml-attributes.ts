/**
 * The AWS attributes of a SAML assertion (AWS-FACTS §1.2): Role (pairs `role ARN,provider ARN`, either
 * order), RoleSessionName (required), SessionDuration (console only), PrincipalTag:{Key},
 * TransitiveTagKeys and SourceIdentity. Bad values are InvalidIdentityToken with AWS's messages.
 */
import { AwsError } from './aws-error';
import { parseSessionTags, TAGS_CLAIM, type SessionTags } from './session-claims';
import { ROLE_ARN } from './sts-params';

const BASE = 'https://aws.amazon.com/SAML/Attributes/';
export const SAML_ATTRIBUTES = {
  role: `${BASE}Role`,
  roleSessionName: `${BASE}RoleSessionName`,
  sessionDuration: `${BASE}SessionDuration`,
  sourceIdentity: `${BASE}SourceIdentity`,
  transitiveTagKeys: `${BASE}TransitiveTagKeys`,
  principalTagPrefix: `${BASE}PrincipalTag:`,
} as const;
const PROVIDER_ARN = /^arn:aws:iam::\d{12}:saml-provider\/[\w.-]{1,128}$/;

export type SamlAttributes = ReadonlyMap<string, string[]>;

export interface RolePair {
  roleArn: string;
  providerArn: string;
  accountId: string;
  roleName: string;
}

const invalid = (message: string): AwsError => new AwsError('InvalidIdentityToken', message);

function rolePair(value: string): RolePair {
  const parts = value.split(',').map((p) => p.trim());
  const role = parts.map((p) => ROLE_ARN.exec(p)).find((m) => m !== null);
  const providerArn = parts.find((p) => PROVIDER_ARN.test(p));
  if (parts.length !== 2 || !role?.[1] || !role[2] || providerArn === undefined) {
    throw invalid(`Invalid SAML response: malformed Role attribute value "${value}"`);
  }
  return { roleArn: role[0], providerArn, accountId: role[1], roleName: role[2] };
}

/** Every pair the Role attribute offers; a missing attribute is an invalid response. */
export function rolePairs(attrs: SamlAttributes): RolePair[] {
  const values = attrs.get(SAML_ATTRIBUTES.role) ?? [];
  if (values.length === 0) {
    throw invalid(`Invalid SAML response: no ${SAML_ATTRIBUTES.role} attribute`);
  }
  return values.map(rolePair);
}

export function roleSessionName(attrs: SamlAttributes): string {
  const values = attrs.get(SAML_ATTRIBUTES.roleSessionName) ?? [];
  if (values.length === 0) throw invalid('RoleSessionName is required in AuthnResponse');
  const [name] = values;
  if (values.length > 1 || !name || !/^[\w+=,.@-]{2,64}$/.test(name)) {
    throw invalid('RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}');
  }
  return name;
}

/** SessionDuration in seconds (900-43200), or undefined when absent. Console sign-in only. */
export function sessionDuration(attrs: SamlAttributes): number | undefined {
  const values = attrs.get(SAML_ATTRIBUTES.sessionDuration);
  if (values === undefined) return undefined;
  const [raw] = values;
  const seconds = values.length === 1 && raw && /^\d{3,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(seconds >= 900 && seconds <= 43200)) {
    throw invalid('Invalid SAML response: SessionDuration must be an integer from 900 to 43200');
  }
  return seconds;
}

export function sourceIdentity(attrs: SamlAttributes): string | undefined {
  const values = attrs.get(SAML_ATTRIBUTES.sourceIdentity);
  if (values === undefined) return undefined;
  const [value] = values;
  if (
    values.length !== 1 ||
    !value ||
    !/^[\w+=,.@-]{2,64}$/.test(value) ||
    value.toLowerCase().startsWith('aws:')
  ) {
    throw invalid('Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:"');
  }
  return value;
}

/** PrincipalTag:{Key} (one value each) and TransitiveTagKeys, validated like web identity tags. */
export function samlSessionTags(attrs: SamlAttributes): SessionTags {
  const prefix = SAML_ATTRIBUTES.principalTagPrefix;
  const entries = [...attrs]
    .filter(([name]) => name.startsWith(prefix))
    .map(([name, values]) => [name.slice(prefix.length), values] as const);
  const transitive = attrs.get(SAML_ATTRIBUTES.transitiveTagKeys);
  if (entries.length === 0 && transitive === undefined) {
    return { tags: [], transitiveTagKeys: [] };
  }
  // Same rules as the web identity token's tags claim (keys, values, limits, case-insensitivity).
  return parseSessionTags({
    [TAGS_CLAIM]: {
      principal_tags: Object.fromEntries(entries),
      transitive_tag_keys: transitive ?? [],
    },
  });
}
