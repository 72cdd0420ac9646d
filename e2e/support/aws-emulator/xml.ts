/**
 * STS query-protocol response builders (namespace https://sts.amazonaws.com/doc/2011-06-15/).
 * Every value goes through escapeXml; element names are fixed by the callers.
 */
import type { AwsError } from './aws-error';
import type { IssuedCredential } from './credential-store';

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

/** An XML node: a text value (escaped), nested nodes, or undefined (omitted). */
export type XmlValue = string | number | XmlNode | undefined;
export interface XmlNode {
  [element: string]: XmlValue;
}

/** Serialises nested nodes in insertion order; undefined values are left out, like AWS omits them. */
export function toXml(node: XmlNode): string {
  let out = '';
  for (const [name, value] of Object.entries(node)) {
    if (value === undefined) continue;
    const inner = typeof value === 'object' ? toXml(value) : escapeXml(String(value));
    out += `<${name}>${inner}</${name}>`;
  }
  return out;
}

/** `<{Action}Response><{Action}Result>…</{Action}Result><ResponseMetadata>…` */
export function stsResponse(action: string, result: XmlNode, requestId: string): string {
  return (
    `<${action}Response xmlns="${STS_NAMESPACE}">` +
    `<${action}Result>${toXml(result)}</${action}Result>` +
    `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata>` +
    `</${action}Response>\n`
  );
}

/** `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>` */
export function stsErrorResponse(err: AwsError, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${STS_NAMESPACE}">` +
    toXml({ Error: { Type: err.type, Code: err.code, Message: err.message } }) +
    `<RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>\n`
  );
}

/** ISO 8601 without milliseconds, as STS writes timestamps. */
export function awsTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `<Credentials>` of an assume call's result. */
export function credentialsNode(cred: IssuedCredential): XmlNode {
  return {
    AccessKeyId: cred.accessKeyId,
    SecretAccessKey: cred.secretAccessKey,
    SessionToken: cred.sessionToken,
    Expiration: awsTimestamp(cred.expiration),
  };
}

/** `<AssumedRoleUser>` of an assume call's result. */
export function assumedRoleUserNode(cred: IssuedCredential): XmlNode {
  return { AssumedRoleId: cred.assumedRoleId, Arn: cred.assumedRoleArn };
}
