/**
 * The HTTP-Redirect binding (saml-bindings §3.4) for logout messages: DEFLATE + base64 + URL-encoding, and
 * the query-string signature (§3.4.4.1) computed over `SAMLRequest=…[&RelayState=…]&SigAlg=…` exactly as the
 * octets appear in the URL. Incoming messages are verified over the received bytes (never a re-encoding),
 * against the metadata keys only, before the message is inflated or parsed.
 */
import { createSign, verify, type KeyObject } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { ALG } from './algorithms';
import { isBase64Text, MAX_RESPONSE_BYTES } from './gate';
import type { Trace } from './trace';

/** The longest query we look at: a 256 KiB message deflates to less, and base64 + %-encoding add under 2×. */
const MAX_QUERY_CHARS = 2 * Math.ceil(MAX_RESPONSE_BYTES / 3) * 4;
const SIGNED_PARAMS = ['RelayState', 'SigAlg', 'Signature'] as const;
const HASH_OF: Record<string, string> = { [ALG.rsaSha256]: 'sha256', [ALG.rsaSha512]: 'sha512', [ALG.rsaSha1]: 'sha1' };

export type MessageParam = 'SAMLRequest' | 'SAMLResponse';

/** A received redirect-binding query: each value raw (still %-encoded), as signed. */
export interface RedirectQuery {
  message: string;
  relayState?: string;
  sigAlg?: string;
  signature?: string;
}

/** application/x-www-form-urlencoded decoding of one value; undefined when it is not valid %-encoding. */
export function formDecode(raw: string): string | undefined {
  let value: string | undefined;
  try {
    value = decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    // Not %-encoding: no value.
  }
  return value;
}

/** Splits the query into its raw parameters; a repeated or missing message parameter is refused. */
export function readRedirectQuery(query: string, param: MessageParam, trace: Trace): RedirectQuery {
  if (query.length > MAX_QUERY_CHARS) throw trace.fail('SAML_TOO_LARGE', 'size', `query longer than ${MAX_QUERY_CHARS}`);
  const raw = new Map<string, string>();
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    // A bare name (no '=') carries nothing we read.
    if (eq === -1) continue;
    const name = pair.slice(0, eq);
    if (name !== param && !(SIGNED_PARAMS as readonly string[]).includes(name)) continue;
    if (raw.has(name)) throw trace.fail('SAML_MALFORMED', 'query', `${name} given twice`);
    raw.set(name, pair.slice(eq + 1));
  }
  const message = raw.get(param);
  if (!message) throw trace.fail('SAML_MALFORMED', 'query', `no ${param}`);
  trace.pass('query');
  return { message, relayState: raw.get('RelayState'), sigAlg: raw.get('SigAlg'), signature: raw.get('Signature') };
}

/**
 * Verifies the query signature with one of `keys` (the IdP metadata's signing keys). RSA-SHA256 and -SHA512;
 * RSA-SHA1 only when the connection allows SHA-1.
 */
export function verifyRedirectSignature(q: RedirectQuery, param: MessageParam, keys: readonly KeyObject[], allowSha1: boolean, trace: Trace): void {
  if (q.sigAlg === undefined || q.signature === undefined) throw trace.fail('SAML_SIGNATURE_MISSING', 'signature-present', 'no SigAlg/Signature');
  const sigAlg = formDecode(q.sigAlg);
  const hash = HASH_OF[String(sigAlg)];
  if (hash === undefined || (hash === 'sha1' && !allowSha1)) throw trace.fail('SAML_ALGORITHM_FORBIDDEN', 'signature-algorithm', sigAlg || 'none');
  const signature = formDecode(q.signature);
  if (signature === undefined || !isBase64Text(signature) || signature.length % 4 !== 0) throw trace.fail('SAML_SIGNATURE_INVALID', 'signature', 'Signature is not base64');
  const relay = q.relayState === undefined ? '' : `&RelayState=${q.relayState}`;
  const signed = Buffer.from(`${param}=${q.message}${relay}&SigAlg=${q.sigAlg}`);
  const bytes = Buffer.from(signature, 'base64');
  if (!keys.some((key) => verify(hash, signed, key, bytes))) {
    throw trace.fail('SAML_SIGNATURE_INVALID', 'signature', 'query signature does not verify with a metadata certificate');
  }
  trace.pass('signature', `query signature, ${sigAlg}`);
}

/** The message's XML: base64, then raw DEFLATE (RFC 1951) inflated with the response size cap. */
export function inflateRedirectMessage(q: RedirectQuery, trace: Trace): string {
  const b64 = formDecode(q.message);
  if (b64 === undefined || !isBase64Text(b64) || b64.length % 4 !== 0) throw trace.fail('SAML_MALFORMED', 'base64', 'message is not base64');
  let xml: Buffer;
  try {
    xml = inflateRawSync(Buffer.from(b64, 'base64'), { maxOutputLength: MAX_RESPONSE_BYTES });
  } catch (e) {
    // zlib reports maxOutputLength exceeded as a RangeError (ERR_BUFFER_TOO_LARGE).
    const tooLarge = e instanceof RangeError;
    throw trace.fail(tooLarge ? 'SAML_TOO_LARGE' : 'SAML_MALFORMED', 'inflate', tooLarge ? `more than ${MAX_RESPONSE_BYTES} bytes` : 'not DEFLATE data', e);
  }
  trace.pass('size', `${xml.length} bytes`);
  return new TextDecoder('utf-8').decode(xml);
}

/** The %-encoding saml-bindings §3.4.4.1 signs: encodeURIComponent (RFC 3986 unreserved characters kept). */
const enc = (s: string): string => encodeURIComponent(s);

/** An outgoing redirect URL carrying `xml` as `param`, signed RSA-SHA256 with our SP key. */
export function signedRedirectUrl(endpoint: string, param: MessageParam, xml: string, privateKeyPem: string, relayState?: string): string {
  const message = deflateRawSync(Buffer.from(xml)).toString('base64');
  const signedPart = `${param}=${enc(message)}${relayState === undefined ? '' : `&RelayState=${enc(relayState)}`}&SigAlg=${enc(ALG.rsaSha256)}`;
  const signature = createSign('sha256').update(signedPart).sign(privateKeyPem, 'base64');
  return `${endpoint}${endpoint.includes('?') ? '&' : '?'}${signedPart}&Signature=${enc(signature)}`;
}
