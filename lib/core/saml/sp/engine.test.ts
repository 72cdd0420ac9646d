import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SamlLib } from 'samlify';
import { codeForEngineError } from './engine';
import { ensureSamlifyHooks, withHandoff } from './samlify-hooks';
import { parseMemoStats, withEngineRun } from './engine-run';
import { bodyOf } from './samlify-base64';
import { parseXml } from './xml';
import type { getContext as GetContext } from 'samlify/types/src/api';

describe('samlify engine glue', () => {
  it('maps samlify 2.13.1 / xml-crypto 6.3.2 failures to codes; unknown failures still reject', () => {
    const cases: Array<[string, string]> = [
      ['ERR_POTENTIAL_WRAPPING_ATTACK', 'SAML_WRAPPING_DETECTED'],
      ['ERROR_UNMATCH_CERTIFICATE_DECLARATION_IN_METADATA', 'SAML_CERT_NOT_TRUSTED'],
      ['FAILED_TO_VERIFY_SIGNATURE', 'SAML_SIGNATURE_INVALID'],
      ['invalid signature: the signature value abc is incorrect', 'SAML_SIGNATURE_INVALID'],
      ['ERR_UNMATCH_ISSUER', 'SAML_ISSUER_MISMATCH'],
      ['ERR_FAILED_STATUS with top tier code: x', 'SAML_STATUS_NOT_SUCCESS'],
      ['ERR_EXPIRED_SESSION', 'SAML_EXPIRED'],
      ['XML parsing error: x', 'SAML_MALFORMED'],
      ['something new in samlify 2.14', 'SAML_SIGNATURE_INVALID'],
    ];
    for (const [message, code] of cases) assert.equal(codeForEngineError(new Error(message)), code, message);
  });

  it('answers samlify\'s schema hook from the handoff, and validates anything else in full', async () => {
    ensureSamlifyHooks();
    const isValidXml = (xml: string) => SamlLib.isValidXml(xml);
    await assert.rejects(isValidXml('<!DOCTYPE x><x/>'), /DOCTYPE/);
    await assert.rejects(isValidXml('<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>'), /root element/);
    const handed = '<anything-our-pipeline-validated/>';
    await withHandoff(handed, async () => assert.equal(await isValidXml(handed), 'validated by the Rolegate pipeline'));
    await assert.rejects(isValidXml(handed), /root element/);
  });

  it('memoizes samlify\'s parses only inside one engine run, seeded with our Document', async () => {
    ensureSamlifyHooks();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the same internal context samlify uses.
    const { getContext } = require('samlify/build/src/api') as { getContext: typeof GetContext };
    const parse = (xml: string) => getContext().dom.parseFromString(xml, 'text/xml');
    const ours = parseXml('<a><b/></a>');
    await withEngineRun('<a><b/></a>', ours, async () => {
      assert.equal(parse('<a><b/></a>'), ours);
      assert.equal(parse('<c/>'), parse('<c/>'));
    });
    await withEngineRun('<a><b/></a>', ours, async () => {
      const canonical = parse('<c x="1"><d></d></c>');
      assert.equal(parse('<c x="1"><d/></c>'), canonical, 'the same tree written with an empty tag: the twin');
      assert.notEqual(parse('<c x="1"><e/></c>'), canonical);
      const html = (xml: string) => getContext().dom.parseFromString(xml, 'text/html');
      assert.notEqual(html('<c x="1"><d/></c>'), canonical, 'never for HTML');
      assert.notEqual(html('<c/>'), html('<c/>'), 'HTML types are parsed apart');
    });
    assert.notEqual(parse('<c/>'), parse('<c/>'), 'no memo outside a run');
    assert.notEqual(parse('<a><b/></a>'), ours);
  });

  it("answers samlify's decode of our body with our string, exactly what decoding yields", async () => {
    ensureSamlifyHooks();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the utility module samlify's flow calls.
    const utility = require('samlify/build/src/utility') as { base64Decode: (m: string, bytes?: boolean) => string | Buffer };
    const decodeAsSamlify = (b: string): string => Buffer.from(b, 'base64').toString();
    for (const xml of ['<a>é 中 😀 &amp;</a>', '<a>\uD800</a>']) {
      const body = bodyOf(xml);
      const ours = parseXml('<a/>');
      const shared = parseMemoStats().bodyShared;
      const inside = await withEngineRun(xml, ours, async () => [utility.base64Decode(body), utility.base64Decode(body, true), utility.base64Decode(bodyOf('<b/>'))], body);
      assert.equal(inside[0], decodeAsSamlify(body));
      assert.ok(Buffer.isBuffer(inside[1]), 'bytes: samlify decodes');
      assert.equal(inside[2], '<b/>', 'another body: samlify decodes');
      const wellFormed = !xml.includes('\uD800');
      assert.equal(parseMemoStats().bodyShared - shared, wellFormed ? 1 : 0, 'a lone surrogate does not survive UTF-8: decoded as before');
      if (wellFormed) assert.equal(inside[0], xml);
      assert.equal(utility.base64Decode(body), decodeAsSamlify(body), 'outside a run: samlify decodes');
    }
  });
});
