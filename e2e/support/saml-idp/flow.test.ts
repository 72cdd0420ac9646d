import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { serverForSuite } from '../suite-server';
import { SHAPE_IDS, SHAPES, type ShapeId } from './shapes';
import {
  attributes, elements, formOf, getPage, postForm, postOf, spInitiated, startTestIdp, submitLogin, TEST_SP, testSp, text,
  verifiedSignatures,
} from './testkit';
import { ENTRA_GROUP_IDS } from '../oidc-idp/users';
import { ATTR, ENTRA_MARKETING_GROUP_ID } from './users';

const GROUPS_ATTR: Record<ShapeId, string> = { adfs: ATTR.adfsGroup, okta: 'groups', entra: ATTR.entraGroups, shibboleth: ATTR.isMemberOf };
const SIGNED: Record<ShapeId, string[]> = { adfs: ['Assertion'], okta: ['Response', 'Assertion'], entra: ['Assertion'], shibboleth: ['Response'] };

describe('SAML IdP: browser flows', () => {
  const idp = serverForSuite(startTestIdp);

  it('shows a shape-titled login form with the test ids and that shape\'s demo users', async () => {
    for (const shape of SHAPE_IDS) {
      const { loginPage } = await spInitiated(idp(), shape, { password: 'wrong' });
      assert.equal(loginPage.status, 200);
      const title = SHAPES[shape].title.replace(/[()]/g, '\\$&');
      assert.match(loginPage.html, new RegExp(`<title>[^<]*${title}[^<]*</title>`));
      for (const id of ['saml-idp-login', 'saml-idp-password', 'saml-idp-submit', 'saml-idp-users']) {
        assert.ok(loginPage.html.includes(`data-testid="${id}"`), id);
      }
      assert.ok(loginPage.html.includes('sam@example.com') && loginPage.html.includes('nora@example.com'));
      assert.ok(loginPage.html.includes(TEST_SP.entityId));
    }
  });

  for (const shape of SHAPE_IDS) {
    it(`${shape}: SP-initiated sign-in yields a signed response for the request, SP and ACS`, async () => {
      const ep = idp().shapes[shape];
      const sp = testSp(ep.metadataXml);
      const flow = await spInitiated(idp(), shape, { relayState: 'back/to?x=1&y=2', testSp: sp });
      assert.ok(flow.post, `no SAMLResponse (status ${flow.result.status})`);
      const { xml } = flow.post;
      assert.equal(flow.post.action, TEST_SP.acsUrl);
      assert.equal(flow.post.relayState, 'back/to?x=1&y=2');
      assert.deepEqual(verifiedSignatures(xml, ep.certPem), SIGNED[shape]);
      const [response] = elements(xml, 'Response', 'urn:oasis:names:tc:SAML:2.0:protocol');
      assert.equal(response?.getAttribute('InResponseTo'), flow.requestId);
      assert.equal(response?.getAttribute('Destination'), TEST_SP.acsUrl);
      const [confirmation] = elements(xml, 'SubjectConfirmationData');
      assert.equal(confirmation?.getAttribute('InResponseTo'), flow.requestId);
      assert.equal(confirmation?.getAttribute('Recipient'), TEST_SP.acsUrl);
      const lifetime = Date.parse(confirmation?.getAttribute('NotOnOrAfter') ?? '') - Date.parse(response?.getAttribute('IssueInstant') ?? '');
      assert.equal(lifetime, 5 * 60_000);
      assert.equal(text(xml, 'Audience'), TEST_SP.entityId);
      assert.deepEqual(elements(xml, 'Issuer').map((e) => e.textContent), [ep.entityId, ep.entityId]);
      assert.ok(attributes(xml)[GROUPS_ATTR[shape]]?.length === 2, 'sam has two groups');
      // The response is also accepted by samlify's own SP-side parser (signature, issuer, validity window).
      const parsed = await sp.sp.parseLoginResponse(sp.idp, 'post', { body: { SAMLResponse: flow.post.samlResponse } });
      assert.equal(parsed.extract.audience, TEST_SP.entityId);
    });
  }

  it('releases each user\'s groups in the shape\'s representation', async () => {
    const sid = async (shape: ShapeId, login: string): Promise<string[] | undefined> =>
      attributes((await spInitiated(idp(), shape, { login })).post?.xml ?? '')[GROUPS_ATTR[shape]];
    assert.deepEqual(await sid('adfs', 'sam@example.com'), ['aws-dev-admins', 'aws-readonly']);
    assert.deepEqual(await sid('okta', 'SID@example.com'), ['aws-prod-operators']);
    assert.deepEqual(await sid('entra', 'sid@example.com'), [ENTRA_GROUP_IDS.awsProdOperators]);
    assert.deepEqual(await sid('entra', 'nora@example.com'), [ENTRA_MARKETING_GROUP_ID]);
    assert.deepEqual(await sid('shibboleth', 'nora@example.com'), ['marketing']);
    const okta = attributes((await spInitiated(idp(), 'okta')).post?.xml ?? '');
    assert.deepEqual([okta.email, okta.firstName, okta.lastName], [['sam@example.com'], ['Sam'], ['Sample']]);
    const entra = attributes((await spInitiated(idp(), 'entra')).post?.xml ?? '');
    assert.match(entra[ATTR.objectidentifier]?.[0] ?? '', /^[0-9a-f-]{36}$/);
    const adfs = await spInitiated(idp(), 'adfs');
    assert.deepEqual(attributes(adfs.post?.xml ?? '')[ATTR.windowsaccountname], ['EXAMPLE\\sam']);
  });

  it('IdP-initiated sign-in yields an unsolicited response (no InResponseTo)', async () => {
    for (const shape of SHAPE_IDS) {
      const ep = idp().shapes[shape];
      const url = `${ep.idpInitUrl}?sp=${encodeURIComponent(TEST_SP.entityId)}&RelayState=console`;
      const loginPage = await getPage(url);
      assert.equal(loginPage.status, 200);
      const post = postOf(await submitLogin(loginPage, 'sid@example.com'));
      assert.ok(post);
      assert.equal(post.relayState, 'console');
      assert.ok(!post.xml.includes('InResponseTo'), shape);
      assert.deepEqual(verifiedSignatures(post.xml, ep.certPem), SIGNED[shape]);
      assert.equal(elements(post.xml, 'SubjectConfirmationData')[0]?.getAttribute('Recipient'), TEST_SP.acsUrl);
    }
  });

  it('accepts AuthnRequests over the HTTP-POST binding too', async () => {
    const { sp, idp: entity } = testSp(idp().shapes.shibboleth.metadataXml);
    const request = sp.createLoginRequest(entity, 'post', { relayState: 'p' });
    const loginPage = await postForm(idp().shapes.shibboleth.ssoUrl, { SAMLRequest: request.context, RelayState: 'p' });
    assert.equal(loginPage.status, 200);
    assert.equal(formOf(loginPage.html).action, '/shibboleth/login');
    const post = postOf(await submitLogin(loginPage, 'sam@example.com'));
    assert.ok(post?.xml.includes(`InResponseTo="${request.id}"`));
  });
});
