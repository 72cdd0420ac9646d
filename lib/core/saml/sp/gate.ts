/**
 * The checks that run before any XML parser sees the message: size, base64, DOCTYPE.
 * A DOCTYPE is refused on the raw text (AWS-FACTS §2: XXE, entity expansion, DOCTYPE parser differential,
 * ruby-saml CVE-2025-25291/2); SAML never needs one (saml-bindings §3.5.4 carries a bare protocol message).
 */
import { parseXml } from './xml';
import type { Trace } from './trace';

/** The largest decoded response we parse: 256 KiB. Real responses are 3–20 KB. */
export const MAX_RESPONSE_BYTES = 256 * 1024;
const MAX_BASE64_CHARS = Math.ceil(MAX_RESPONSE_BYTES / 3) * 4;
/**
 * Stateless between calls (no `stream` option), so one instance serves every request. The defaults are the
 * behaviour we want: a leading BOM is dropped, and a malformed byte becomes U+FFFD (the signature then fails).
 */
const UTF8 = new TextDecoder('utf-8');

/** 1 for the characters of the standard base64 alphabet (RFC 4648 §4), indexed by char code. */
const BASE64_ALPHABET = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') BASE64_ALPHABET[c.charCodeAt(0)] = 1;

/** Exactly `/^[A-Za-z0-9+/]+={0,2}$/.test(s)`, as one pass over the char codes (the regex was 20 µs a response). */
export function isBase64Text(s: string): boolean {
  let i = 0;
  // Past the end charCodeAt is NaN, which indexes nothing: the walk stops there without a length test.
  while (BASE64_ALPHABET[s.charCodeAt(i)] === 1) i++;
  if (i === 0 || s.length - i > 2) return false;
  for (let j = i; j < s.length; j++) if (s.charCodeAt(j) !== 0x3d) return false;
  return true;
}

/** Decodes the form value strictly: standard alphabet, whitespace (line wrapping) ignored, size capped first. */
export function decodeResponse(samlResponseBase64: string, trace: Trace): string {
  // Checked on the raw length first so an oversized body costs no further work; 2× allows CRLF wrapping.
  if (samlResponseBase64.length > MAX_BASE64_CHARS * 2) {
    throw trace.fail('SAML_TOO_LARGE', 'size', `more than ${MAX_RESPONSE_BYTES} bytes`);
  }
  const compact = samlResponseBase64.replace(/[\r\n\t ]/g, '');
  if (compact.length > MAX_BASE64_CHARS) throw trace.fail('SAML_TOO_LARGE', 'size', `more than ${MAX_RESPONSE_BYTES} bytes`);
  // isBase64Text is false for the empty string.
  if (compact.length % 4 !== 0 || !isBase64Text(compact)) {
    throw trace.fail('SAML_MALFORMED', 'base64', 'SAMLResponse is not base64');
  }
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > MAX_RESPONSE_BYTES) throw trace.fail('SAML_TOO_LARGE', 'size', `more than ${MAX_RESPONSE_BYTES} bytes`);
  trace.pass('size', `${bytes.length} bytes`);
  return UTF8.decode(bytes);
}

/** Refuses DOCTYPE and ENTITY declarations in any case, before parsing (XML 1.0 §2.8). */
export function rejectDoctype(xml: string, trace: Trace, check = 'doctype'): void {
  if (/<!\s*(DOCTYPE|ENTITY)/i.test(xml)) throw trace.fail('SAML_DOCTYPE_FORBIDDEN', check, 'DOCTYPE/ENTITY declaration present');
  trace.pass(check);
}

/** Parses once; every check before the signatures reads this result. */
export function parseOnce(xml: string, trace: Trace, check = 'well-formed'): Document {
  try {
    const doc = parseXml(xml);
    trace.pass(check);
    return doc;
  } catch (e) {
    throw trace.fail('SAML_MALFORMED', check, 'not well-formed XML', e);
  }
}
