/**
 * Issue 13 §3: each preset against responses shaped as its product sends them, through the real pipeline:
 * signed (and for Shibboleth encrypted) by a test IdP, validated by the SP, then mapped by
 * samlIdentityClaims. The yields asserted here are the ones the README's preset table describes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SAML_EMAILS_AUTHORITATIVE, type SamlConnectionConfig } from '../config/schema';
import { GatewayError } from '../errors';
import { samlIdentityClaims } from './claims';
import { b64, connect, context } from './sp/testing/harness';
import { createTestIdp } from './sp/testing/test-idp';
import { SamlValidationError } from './sp/trace';
import type { ValidatedAssertion } from './sp/types';
import { withStatement, type RealShape, type Yield } from './testing/real-shape';
import { CLOUD_SHAPES } from './testing/shapes-cloud';
import { MICROSOFT_SHAPES } from './testing/shapes-microsoft';
import { ONPREM_SHAPES } from './testing/shapes-onprem';

const SHAPES: RealShape[] = [...MICROSOFT_SHAPES, ...CLOUD_SHAPES, ...ONPREM_SHAPES];

function connectionFor(shape: RealShape): SamlConnectionConfig {
  return {
    id: shape.preset, name: shape.title, preset: shape.preset, metadataXml: 'x'.repeat(100), allowIdpInitiated: false, clockSkewSeconds: 60,
    DANGEROUSLY_ALLOW_SHA1: false, attributes: {}, groupNames: {}, emailsAuthoritative: SAML_EMAILS_AUTHORITATIVE[shape.preset], disabled: false, nameIdPolicy: 'omit', forceAuthn: false, sloEndsCliLogins: false,
    ...shape.conn,
  };
}

/** The shape's response, signed as its product signs it, after the SP's checks. */
async function validated(shape: RealShape, mutate?: (xml: string) => string): Promise<ValidatedAssertion> {
  const idp = await createTestIdp(shape.base);
  const { sp, testSp } = await connect(idp);
  const ctx = context();
  ctx.requests.add('_req-real-shape');
  const statement = withStatement(shape);
  const xml = await idp.issue(testSp, {
    inResponseTo: '_req-real-shape',
    user: { nameId: shape.nameId },
    style: shape.style,
    mutateAssertion: (a) => (mutate ?? ((x: string) => x))(statement(a)),
  });
  return sp.validateResponse(b64(xml), ctx);
}

function yieldOf(shape: RealShape, assertion: ValidatedAssertion): Yield {
  const c = samlIdentityClaims(connectionFor(shape), assertion);
  return { groups: c.groups, email: c.email, emailVerified: c.emailVerified, name: c.name };
}

describe('issue 13 §3: presets read what each IdP sends', () => {
  for (const shape of SHAPES) {
    it(`${shape.preset}: ${shape.title}`, async () => {
      const assertion = await validated(shape);
      assert.equal(assertion.nameIdFormat, shape.style.nameIdFormat, 'the NameID format as sent');
      const { expected } = shape;
      if ('refused' in expected) {
        assert.throws(() => yieldOf(shape, assertion), (e: unknown) => e instanceof GatewayError && e.code === expected.refused);
      } else {
        assert.deepEqual(yieldOf(shape, assertion), expected);
      }
    });
  }

  it('pretty-printed values arrive padded and are used trimmed; the shape really is indented', async () => {
    const shib = ONPREM_SHAPES[0] as RealShape;
    const assertion = await validated(shib);
    const raw = assertion.attributes['urn:oid:1.3.6.1.4.1.5923.1.5.1.1'] ?? [];
    assert.deepEqual(raw.map((v) => v.trim()), ['aws-admins', 'staff']);
    assert.ok(raw.every((v) => v !== v.trim()), 'the validated values still carry the pretty-printing whitespace');
  });

  it('a pretty-printed NameID is refused, never trimmed (SAML_NAMEID_INVALID)', async () => {
    const ping = ONPREM_SHAPES.find((s) => s.preset === 'pingfederate') as RealShape;
    const padded = validated(ping, (a) => a.replace('>jdoe</saml:NameID>', '>\n    jdoe\n  </saml:NameID>'));
    await assert.rejects(padded, (e: unknown) => e instanceof SamlValidationError && e.code === 'SAML_NAMEID_INVALID');
  });
});
