import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeResponse, isBase64Text, MAX_RESPONSE_BYTES, rejectDoctype } from './gate';
import { SamlValidationError, Trace } from './trace';

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof SamlValidationError);
    return e.code;
  }
  return 'accepted';
}

describe('gate', () => {
  it('decodes wrapped base64 and refuses anything else', () => {
    const b64 = Buffer.from('<a/>').toString('base64');
    assert.equal(decodeResponse(`${b64.slice(0, 4)}\r\n${b64.slice(4)}`, new Trace()), '<a/>');
    assert.equal(code(() => decodeResponse('not base64!', new Trace())), 'SAML_MALFORMED');
    assert.equal(code(() => decodeResponse('', new Trace())), 'SAML_MALFORMED');
  });

  it('refuses more than 256 KB before decoding', () => {
    const big = Buffer.alloc(MAX_RESPONSE_BYTES + 1, 'a').toString('base64');
    assert.equal(code(() => decodeResponse(big, new Trace())), 'SAML_TOO_LARGE');
    assert.equal(code(() => decodeResponse('A'.repeat(2_000_000), new Trace())), 'SAML_TOO_LARGE');
  });

  it('refuses DOCTYPE and ENTITY in any spelling', () => {
    for (const x of ['<!DOCTYPE a>', '<!doctype a>', '<! DOCTYPE a>', '<!ENTITY x "y">']) {
      assert.equal(code(() => rejectDoctype(`${x}<a/>`, new Trace())), 'SAML_DOCTYPE_FORBIDDEN', x);
    }
  });

  it('checks the base64 alphabet exactly like /^[A-Za-z0-9+/]+={0,2}$/', () => {
    const re = /^[A-Za-z0-9+/]+={0,2}$/;
    const edge = ['', '=', '==', 'A', 'A=', 'A==', 'A===', '=A', 'AB=C', 'AB==', 'AB+/', 'AB-_', 'AB CD', 'AB\nCD', 'ABé', 'AB\u0000', 'AB==\n', '\uD83D\uDE00'];
    const alphabet = 'AZaz09+/=-_ \n\u00e9\u0100\uD83D';
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    const random = Array.from({ length: 5000 }, () => Array.from({ length: rnd(9) }, () => alphabet[rnd(alphabet.length)]).join(''));
    for (const s of [...edge, ...random]) assert.equal(isBase64Text(s), re.test(s), JSON.stringify(s));
  });
});
