/**
 * Verifies AWS Signature Version 4 `Authorization` headers by recomputing the signature with
 * @smithy/signature-v4 (the SDK's own signer) over the received method, path, query, signed headers,
 * body and X-Amz-Date, then comparing in constant time.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import { AwsError } from './aws-error';
import { NodeSha256 } from './sha256';

export interface ReceivedRequest {
  method: string;
  /** Decoded path, e.g. `/`. */
  path: string;
  query: Record<string, string | string[]>;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface ParsedAuthorization {
  accessKeyId: string;
  /** YYYYMMDD from the credential scope. */
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const incomplete = (message: string): AwsError => new AwsError('IncompleteSignature', message);

export function parseAuthorization(header: string): ParsedAuthorization {
  const match = /^AWS4-HMAC-SHA256\s+(.+)$/.exec(header.trim());
  if (!match?.[1])
    throw incomplete(
      `Authorization header requires the AWS4-HMAC-SHA256 algorithm. Authorization=${header}`,
    );
  const fields = new Map<string, string>();
  for (const part of match[1].split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || !signedHeaders || !signature) {
    throw incomplete(
      "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.",
    );
  }
  const [accessKeyId, scopeDate, region, service, terminator, ...rest] = credential.split('/');
  if (
    !accessKeyId ||
    !scopeDate ||
    !region ||
    !service ||
    terminator !== 'aws4_request' ||
    rest.length > 0
  ) {
    throw incomplete(
      `Credential must have the form AKID/YYYYMMDD/region/service/aws4_request. Credential=${credential}`,
    );
  }
  return {
    accessKeyId,
    scopeDate,
    region,
    service,
    signedHeaders: signedHeaders.split(';'),
    signature,
  };
}

/** `20240101T120000Z` → epoch ms, or undefined when malformed. */
export function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/** Recomputes the signature the client should have sent for `req` with `secretAccessKey`. */
export async function expectedSignature(
  req: ReceivedRequest,
  auth: ParsedAuthorization,
  secretAccessKey: string,
  signingDateMs: number,
): Promise<string | undefined> {
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = headerValue(req.headers, name);
    if (value === undefined) return undefined;
    headers[name] = value;
  }
  const signsToken = auth.signedHeaders.includes('x-amz-security-token');
  const signer = new SignatureV4({
    service: auth.service,
    region: auth.region,
    credentials: {
      accessKeyId: auth.accessKeyId,
      secretAccessKey,
      sessionToken: signsToken ? headers['x-amz-security-token'] : undefined,
    },
    sha256: NodeSha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: req.method,
      protocol: 'http:',
      hostname: 'localhost',
      path: req.path,
      query: req.query,
      headers,
      body: req.body,
    },
    { signingDate: new Date(signingDateMs), signableHeaders: new Set(auth.signedHeaders) },
  );
  const authorization = signed.headers['authorization'] ?? '';
  return /Signature=([0-9a-f]+)$/.exec(authorization)?.[1];
}
