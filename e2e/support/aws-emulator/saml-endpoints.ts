/**
 * The AWS sign-in SAML endpoints a Recipient may name and the Audience values AWS accepts as its SP
 * entity ID (AWS-FACTS §1.2). The emulator also accepts its own `<publicUrl>/saml` so the local demo's IdP
 * can post there.
 */

const REGION = '(?:[a-z]{2}(?:-[a-z]+)+-\\d+\\.)?';

/** Global/regional sign-in endpoints of the aws, aws-us-gov and aws-cn partitions. */
const AWS_SIGNIN_ENDPOINTS = [
  new RegExp(`^https://${REGION}signin\\.aws\\.amazon\\.com/(?:static/)?saml$`),
  new RegExp(`^https://${REGION}signin\\.amazonaws-us-gov\\.com/saml$`),
  new RegExp(`^https://${REGION}signin\\.amazonaws\\.cn/saml$`),
];

/** AWS's SP entity IDs (metadata `urn:amazon:webservices`, plus the sign-in URL some IdPs emit). */
export const AWS_SAML_AUDIENCES: readonly string[] = [
  'urn:amazon:webservices',
  'urn:amazon:webservices:govcloud',
  'urn:amazon:webservices:cn-north-1',
  'https://signin.aws.amazon.com/saml',
];

/** The emulator's console sign-in endpoint (the stand-in for https://signin.aws.amazon.com/saml). */
export function emulatorSamlEndpoint(publicUrl: string): string {
  return `${publicUrl}/saml`;
}

/** Recipients AssumeRoleWithSAML accepts: any AWS sign-in `/saml` endpoint, or the emulator's own. */
export function isApiRecipient(recipient: string, publicUrl: string): boolean {
  return (
    recipient === emulatorSamlEndpoint(publicUrl) ||
    AWS_SIGNIN_ENDPOINTS.some((re) => re.test(recipient))
  );
}
