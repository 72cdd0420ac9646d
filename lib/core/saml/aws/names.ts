/**
 * The fixed names Rolegate uses when it is the SAML IdP that IAM trusts: XML namespaces, SAML URIs,
 * AWS's attribute names and AWS's SP entity ids per partition. Sources: SAML 2.0 core
 * (saml-core-2.0-os) and metadata (saml-metadata-2.0-os); AWS-FACTS §1.2 ([UG
 * id_roles_providers_create_saml_assertions]).
 */
import type { Partition } from '../../types';

/** Namespace URI per prefix used in the documents we build (SAML core §2–3, metadata §2, XMLDSig). */
export const NS = {
  samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
  saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
  md: 'urn:oasis:names:tc:SAML:2.0:metadata',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
} as const;

/** A prefix of {@link NS}. */
export type NsPrefix = keyof typeof NS;

/** SAML URIs (saml-core-2.0-os §3.2.2.2 status, §3.4.1 cm:bearer, §8.3.7 persistent; bindings §3.4/3.5). */
export const SAML = {
  version: '2.0',
  statusSuccess: 'urn:oasis:names:tc:SAML:2.0:status:Success',
  bearer: 'urn:oasis:names:tc:SAML:2.0:cm:bearer',
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  entityFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity',
  attrNameFormatUri: 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri',
  authnContextUnspecified: 'urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified',
  bindingPost: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
  bindingRedirect: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
} as const;

const AWS_ATTR = 'https://aws.amazon.com/SAML/Attributes/';

/**
 * AWS's SAML attribute names. Case-sensitive; the same names are used in every partition (AWS-FACTS
 * §1.2; [UG id_roles_providers_create_saml_assertions], [UG id_session-tags]).
 */
export const AWS_ATTRIBUTE = {
  role: `${AWS_ATTR}Role`,
  roleSessionName: `${AWS_ATTR}RoleSessionName`,
  sessionDuration: `${AWS_ATTR}SessionDuration`,
  principalTagPrefix: `${AWS_ATTR}PrincipalTag:`,
  transitiveTagKeys: `${AWS_ATTR}TransitiveTagKeys`,
  sourceIdentity: `${AWS_ATTR}SourceIdentity`,
} as const;

/**
 * The `<Audience>` per partition: the entityID of AWS's own SP metadata. `urn:amazon:webservices` is
 * the one in https://signin.aws.amazon.com/static/saml-metadata.xml (AWS-FACTS §1.2). GovCloud and
 * China use their own SP entity ids: `urn:amazon:webservices:govcloud` (AWS GovCloud (US) User Guide,
 * IAM page: "Application SAML audience") and `urn:amazon:webservices:cn-north-1` (the
 * `loginToRp` value ADFS deployments and saml2aws `--aws-urn` use for aws-cn).
 */
export const AWS_AUDIENCE: Readonly<Record<Partition, string>> = {
  aws: 'urn:amazon:webservices',
  'aws-us-gov': 'urn:amazon:webservices:govcloud',
  'aws-cn': 'urn:amazon:webservices:cn-north-1',
};

/**
 * The partition an AWS sign-in host belongs to (`signin.aws.amazon.com`,
 * `<region>.signin.aws.amazon.com`, `signin.amazonaws-us-gov.com`, `signin.amazonaws.cn`, each also
 * with a region label in front; AWS-FACTS §1.2), or undefined for any other host (the local AWS
 * emulator).
 */
export function signinHostPartition(host: string): Partition | undefined {
  const h = host.toLowerCase();
  if (/^(?:[a-z0-9-]+\.)?signin\.aws\.amazon\.com$/.test(h)) return 'aws';
  if (/^(?:[a-z0-9-]+\.)?signin\.amazonaws-us-gov\.com$/.test(h)) return 'aws-us-gov';
  if (/^(?:[a-z0-9-]+\.)?signin\.amazonaws\.cn$/.test(h)) return 'aws-cn';
  return undefined;
}
