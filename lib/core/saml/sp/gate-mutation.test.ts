/**
 * Issue 12 §8: the pre-parse gate's limits and trace, pinned at their edges so a loosened size check, a
 * lax base64 rule or a renamed trace check fails a test (the mutation run of gate.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeResponse, MAX_RESPONSE_BYTES, parseOnce, rejectDoctype } from './gate';
import { SamlValidationError, Trace } from './trace';

const TOO_LARGE = { check: 'size', ok: false, detail: `more than ${MAX_RESPONSE_BYTES} bytes` };
/** Base64 characters of the largest response: ceil(262144 / 3) × 4. */
const MAX_CHARS = Math.ceil(MAX_RESPONSE_BYTES / 3) * 4;

function refusal(f: () => unknown): SamlValidationError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof SamlValidationError, String(e));
    return e;
  }
  assert.fail('accepted');
}

/** `s` wrapped with CRLF every 76 characters and padded with spaces to exactly `length`. */
function wrapped(s: string, length: number): string {
  const lines = s.match(/.{1,76}/g)?.join('\r\n') ?? '';
  assert.ok(lines.length <= length);
  return lines + ' '.repeat(length - lines.length);
}

describe('issue 12 §8: the size gate', () => {
  it('accepts a response of exactly 256 KiB, wrapped up to twice its base64 length', () => {
    const b64 = Buffer.alloc(MAX_RESPONSE_BYTES, 'a').toString('base64');
    assert.equal(b64.length, MAX_CHARS);
    const trace = new Trace();
    const xml = decodeResponse(wrapped(b64, MAX_CHARS * 2), trace);
    assert.equal(xml.length, MAX_RESPONSE_BYTES);
    assert.deepEqual(trace.entries, [{ check: 'size', ok: true, detail: `${MAX_RESPONSE_BYTES} bytes` }]);
  });

  it('refuses one raw character more than twice the base64 limit before stripping whitespace', () => {
    const err = refusal(() => decodeResponse(' '.repeat(MAX_CHARS * 2 + 1), new Trace()));
    assert.equal(err.code, 'SAML_TOO_LARGE');
    assert.deepEqual(err.trace, [TOO_LARGE]);
  });

  it('refuses more base64 characters than 256 KiB needs before reading the alphabet', () => {
    const err = refusal(() => decodeResponse('!'.repeat(MAX_CHARS + 4), new Trace()));
    assert.equal(err.code, 'SAML_TOO_LARGE');
    assert.deepEqual(err.trace, [TOO_LARGE]);
  });

  it('refuses 256 KiB + 1 byte, whose base64 is no longer than that of 256 KiB', () => {
    const b64 = Buffer.alloc(MAX_RESPONSE_BYTES + 1, 'a').toString('base64');
    assert.equal(b64.length, MAX_CHARS);
    const err = refusal(() => decodeResponse(b64, new Trace()));
    assert.equal(err.code, 'SAML_TOO_LARGE');
    assert.deepEqual(err.trace, [TOO_LARGE]);
  });
});

describe('issue 12 §8: strict base64', () => {
  it('ignores CR, LF, tab and space line wrapping', () => {
    for (const ws of ['\r', '\n', '\t', ' ', '\r\n \t']) {
      assert.equal(decodeResponse(`PGEv${ws}Pg==`, new Trace()), '<a/>', JSON.stringify(ws));
    }
  });

  it('refuses a length that is not a multiple of 4, and whitespace only', () => {
    for (const s of ['PGEvPg=', 'PGE', 'AAAAA', ' \r\n']) {
      const err = refusal(() => decodeResponse(s, new Trace()));
      assert.equal(err.code, 'SAML_MALFORMED', s);
      assert.deepEqual(err.trace, [{ check: 'base64', ok: false, detail: 'SAMLResponse is not base64' }]);
    }
  });

  it('decodes UTF-8 leniently: a BOM is dropped and a bad byte becomes U+FFFD (the signature then fails)', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<a/>')]).toString('base64');
    assert.equal(decodeResponse(bom, new Trace()), '<a/>');
    const bad = Buffer.from([0x3c, 0x61, 0xff, 0x2f, 0x3e]).toString('base64');
    assert.equal(decodeResponse(bad, new Trace()), '<a\uFFFD/>');
  });
});

describe('issue 12 §8: DOCTYPE refusal and the one parse, as traced', () => {
  it('names the check that refused a DOCTYPE, and records the pass otherwise', () => {
    const err = refusal(() => rejectDoctype('<!DOCTYPE a><a/>', new Trace()));
    assert.deepEqual(err.trace, [{ check: 'doctype', ok: false, detail: 'DOCTYPE/ENTITY declaration present' }]);
    const trace = new Trace();
    rejectDoctype('<a/>', trace);
    rejectDoctype('<b/>', trace, 'decrypted-doctype');
    assert.deepEqual(trace.entries, [{ check: 'doctype', ok: true }, { check: 'decrypted-doctype', ok: true }]);
  });

  it('refuses XML that does not parse as SAML_MALFORMED at well-formed, with the parser error as cause', () => {
    const err = refusal(() => parseOnce('<a><b></a>', new Trace()));
    assert.equal(err.code, 'SAML_MALFORMED');
    assert.deepEqual(err.trace, [{ check: 'well-formed', ok: false, detail: 'not well-formed XML' }]);
    assert.ok(err.cause instanceof Error);
    const trace = new Trace();
    assert.equal(parseOnce('<a/>', trace).documentElement.localName, 'a');
    parseOnce('<b/>', trace, 'decrypted-well-formed');
    assert.deepEqual(trace.entries, [{ check: 'well-formed', ok: true }, { check: 'decrypted-well-formed', ok: true }]);
  });
});
