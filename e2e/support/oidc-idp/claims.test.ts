import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { serverForSuite } from '../suite-server';
import { discover } from './testkit';
import { signIn, startAuth, startTestIdp } from './testflow';
import { ENTRA_GROUP_IDS, ENTRA_TENANT_ID, findUserByLogin, type Flavour } from './users';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function expectedSub(flavour: Flavour, login: string): string {
  const user = findUserByLogin(flavour, login);
  assert.ok(user);
  return user.sub;
}

describe('demo IdP: discovery, login page and ID token claims', () => {
  const idp = serverForSuite(startTestIdp);

  it('serves one discovery document per issuer, with the issuer equal to its URL', async () => {
    assert.match(idp().url, /^http:\/\/localhost:\d+$/);
    for (const flavour of ['okta', 'entra', 'google'] as const) {
      const issuer = idp().issuers[flavour];
      assert.equal(issuer, `${idp().url}/${flavour}`);
      const d = await discover(issuer);
      assert.equal(d.issuer, issuer);
      assert.ok(d.authorization_endpoint.startsWith(`${issuer}/`));
      assert.ok(d.token_endpoint.startsWith(`${issuer}/`));
      assert.ok(d.end_session_endpoint.startsWith(`${issuer}/`));
      assert.deepEqual(d.code_challenge_methods_supported, ['S256']);
      const keys = (await (await fetch(d.jwks_uri)).json()) as { keys: Array<{ kty: string; alg: string; d?: string }> };
      assert.equal(keys.keys[0]?.alg, 'RS256');
      assert.equal(keys.keys[0]?.d, undefined, 'JWKS must not leak the private key');
    }
  });

  it('shows the flavour-titled login form with the demo note and that issuer\'s users', async () => {
    const cases = [['okta', 'Okta (demo)', 'alice@example.com'], ['entra', 'Entra ID (demo)', 'dana@contoso.example'],
      ['google', 'Google (demo)', 'gina@example.com']] as const;
    for (const [flavour, title, login] of cases) {
      const { nav } = await startAuth(idp(), flavour);
      assert.equal(nav.res.status, 200);
      assert.ok(new URL(nav.url).pathname.startsWith(`/${flavour}/interaction/`));
      const html = await nav.res.text();
      assert.match(html, new RegExp(`<title>[^<]*${title.replace(/[()]/g, '\\$&')}[^<]*</title>`));
      assert.ok(html.includes('Demo IdP — every password is ‘demo’'));
      assert.ok(html.includes(login));
      for (const id of ['idp-login', 'idp-password', 'idp-submit']) assert.ok(html.includes(`data-testid="${id}"`), id);
      assert.ok(html.includes('name="login"') && html.includes('name="password" type="password"'));
    }
  });

  it('Okta: groups (names), department and email in the ID token', async () => {
    const alice = await signIn(idp(), 'okta', 'alice@example.com');
    assert.equal(alice.claims.sub, expectedSub('okta', 'alice@example.com'));
    assert.deepEqual(alice.claims.groups, ['aws-dev-admins', 'aws-readonly']);
    assert.equal(alice.claims.department, 'platform');
    assert.equal(alice.claims.email, 'alice@example.com');
    assert.equal(alice.claims.email_verified, true);
    assert.equal(alice.claims.preferred_username, 'alice@example.com');
    const bob = await signIn(idp(), 'okta', 'BOB@example.com');
    assert.deepEqual(bob.claims.groups, ['aws-prod-operators']);
    const carol = await signIn(idp(), 'okta', 'carol@example.com');
    assert.deepEqual(carol.claims.groups, ['marketing']);
  });

  it('Okta: groups are released only with the groups scope; sub is stable', async () => {
    const first = await signIn(idp(), 'okta', 'alice@example.com', { scope: 'openid email' });
    assert.equal(first.claims.groups, undefined);
    assert.equal(first.claims.email, 'alice@example.com');
    const second = await signIn(idp(), 'okta', 'alice@example.com');
    assert.equal(second.claims.sub, first.claims.sub);
  });

  it('Entra: GUID groups, app roles, tid, oid and preferred_username', async () => {
    const { claims } = await signIn(idp(), 'entra', 'dana@contoso.example');
    assert.equal(claims.sub, expectedSub('entra', 'dana@contoso.example'));
    assert.deepEqual(claims.groups, [ENTRA_GROUP_IDS.awsDevAdmins, ENTRA_GROUP_IDS.awsReadonly]);
    assert.ok((claims.groups as string[]).every((g) => GUID.test(g)));
    assert.deepEqual(claims.roles, ['AWS.DevAdmin', 'AWS.ReadOnly']);
    assert.equal(claims.tid, ENTRA_TENANT_ID);
    assert.match(String(claims.oid), GUID);
    assert.equal(claims.preferred_username, 'dana@contoso.example');
    assert.equal(claims.ver, '2.0');
  });

  it('Entra: the overage user has no groups but _claim_names/_claim_sources pointing at Graph', async () => {
    const { claims } = await signIn(idp(), 'entra', 'erin@contoso.example');
    assert.equal(claims.groups, undefined);
    assert.deepEqual(claims._claim_names, { groups: 'src1' });
    assert.deepEqual(claims._claim_sources, {
      src1: { endpoint: `https://graph.microsoft.com/v1.0/users/${String(claims.oid)}/getMemberObjects` },
    });
    assert.deepEqual(claims.roles, ['AWS.ReadOnly']);
    const frank = await signIn(idp(), 'entra', 'frank@contoso.example');
    assert.equal(frank.claims.groups, undefined);
    assert.equal(frank.claims.hasgroups, true);
  });

  it('Okta: olga\'s groups arrive as a distributed claim (issue 13 §4), nothing inline', async () => {
    const { claims } = await signIn(idp(), 'okta', 'olga@example.com');
    assert.equal(claims.groups, undefined);
    assert.deepEqual(claims._claim_names, { groups: 'src1' });
    assert.deepEqual(claims._claim_sources, { src1: { endpoint: 'https://example.okta.com/api/v1/users/00u5o6l7g8a9o0v1e2r3/groups' } });
  });

  it('Entra: groups and roles come even without the groups scope, as Entra does', async () => {
    const { claims } = await signIn(idp(), 'entra', 'dana@contoso.example', { scope: 'openid profile' });
    assert.equal((claims.groups as string[]).length, 2);
    assert.equal(claims.email, undefined);
  });

  it('Google: hd and email_verified, never groups', async () => {
    const gina = await signIn(idp(), 'google', 'gina@example.com');
    assert.equal(gina.claims.sub, expectedSub('google', 'gina@example.com'));
    assert.match(String(gina.claims.sub), /^\d{21}$/);
    assert.equal(gina.claims.hd, 'example.com');
    assert.equal(gina.claims.email_verified, true);
    assert.equal(gina.claims.email, 'gina@example.com');
    assert.equal(gina.claims.groups, undefined);
    const oscar = await signIn(idp(), 'google', 'oscar@other.example');
    assert.equal(oscar.claims.hd, 'other.example');
    const pat = await signIn(idp(), 'google', 'pat@personal.example');
    assert.equal(pat.claims.hd, undefined);
  });
});
