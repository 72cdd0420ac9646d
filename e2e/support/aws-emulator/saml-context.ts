/**
 * The trust-policy context of a SAML assume (IAM User Guide, "Mapping SAML attributes to AWS trust policy
 * context keys"): SAML:aud (= Recipient), SAML:iss, SAML:sub, SAML:sub_type, SAML:namequalifier, SAML:doc,
 * the eduPerson / eduOrg / cn attributes by OID, plus the session keys (tags, source identity).
 */
import { createHash } from 'node:crypto';
import type { ConditionContext } from './policy-condition';
import type { SamlProviderConfig } from './saml-provider-config';
import { sessionContextEntries, type SessionContextInput } from './trust-policy';

const EDU_PERSON = 'urn:oid:1.3.6.1.4.1.5923.1.1.1.';
const EDU_ORG = 'urn:oid:1.3.6.1.4.1.5923.1.2.1.';
const OID_KEYS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    [`${EDU_PERSON}1`]: 'edupersonaffiliation',
    [`${EDU_PERSON}2`]: 'edupersonnickname',
    [`${EDU_PERSON}3`]: 'edupersonorgdn',
    [`${EDU_PERSON}4`]: 'edupersonorgunitdn',
    [`${EDU_PERSON}5`]: 'edupersonprimaryaffiliation',
    [`${EDU_PERSON}6`]: 'edupersonprincipalname',
    [`${EDU_PERSON}7`]: 'edupersonentitlement',
    [`${EDU_PERSON}8`]: 'edupersonprimaryorgunitdn',
    [`${EDU_PERSON}9`]: 'edupersonscopedaffiliation',
    [`${EDU_PERSON}10`]: 'edupersontargetedid',
    [`${EDU_PERSON}11`]: 'edupersonassurance',
    [`${EDU_ORG}2`]: 'eduorghomepageuri',
    [`${EDU_ORG}3`]: 'eduorgidentityauthnpolicyuri',
    [`${EDU_ORG}4`]: 'eduorglegalname',
    [`${EDU_ORG}5`]: 'eduorgsuperioruri',
    [`${EDU_ORG}6`]: 'eduorgwhitepagesuri',
    'urn:oid:2.5.4.3': 'cn',
  }),
);

const FORMAT_PREFIX = 'urn:oasis:names:tc:SAML:2.0:nameid-format:';
export const UNSPECIFIED_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';

/** `persistent` / `transient` for those formats, else the full Format URI (unspecified when absent). */
export function subjectType(format: string | undefined): string {
  if (format === `${FORMAT_PREFIX}persistent`) return 'persistent';
  if (format === `${FORMAT_PREFIX}transient`) return 'transient';
  return format ?? UNSPECIFIED_FORMAT;
}

/** BASE64(SHA1(issuer + accountId + "/" + providerName)), as STS returns it and SAML:namequalifier holds. */
export function nameQualifier(issuer: string, provider: SamlProviderConfig): string {
  return createHash('sha1')
    .update(`${issuer}${provider.account}/${provider.name}`)
    .digest('base64');
}

export interface SamlContextInput extends SessionContextInput {
  provider: SamlProviderConfig;
  issuer: string;
  recipient: string;
  nameId: string;
  nameIdFormat?: string;
  attributes: ReadonlyMap<string, string[]>;
}

export function samlContext(input: SamlContextInput): ConditionContext {
  const entries: [string, string[]][] = [
    ['saml:aud', [input.recipient]],
    ['saml:iss', [input.issuer]],
    ['saml:sub', [input.nameId]],
    ['saml:sub_type', [subjectType(input.nameIdFormat)]],
    ['saml:namequalifier', [nameQualifier(input.issuer, input.provider)]],
    ['saml:doc', [`${input.provider.account}/${input.provider.name}`]],
  ];
  for (const [name, values] of input.attributes) {
    const key = OID_KEYS.get(name);
    if (key !== undefined) entries.push([`saml:${key}`, values]);
  }
  return new Map([...entries, ...sessionContextEntries(input)]);
}
