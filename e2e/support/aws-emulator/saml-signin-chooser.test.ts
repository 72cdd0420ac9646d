import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT } from './test-helpers';
import { SAML_ROLE, startSamlHarness } from './test-saml-harness';
import { ADMIN, chooser, openConsole, radioValue, twoRoles } from './test-saml-signin';

test('several roles → "Select a role" chooser → pick one → console of that role', async (t) => {
  const h = await startSamlHarness(t, twoRoles);
  const { handle, html } = await chooser(h);
  assert.match(html, /Select a role/);
  assert.match(html, new RegExp(`data-testid="saml-role-${ACCOUNT}-${SAML_ROLE}"`));
  assert.match(html, /data-testid="saml-role-submit"/);
  assert.doesNotMatch(html, /SAMLResponse/, 'the response is not sent back to the browser');
  const role = radioValue(html, `saml-role-${ACCOUNT}-${ADMIN}`);
  const page = await openConsole(await h.postSaml({ handle, role }));
  assert.equal(page.arn, `arn:aws:sts::${ACCOUNT}:assumed-role/${ADMIN}/alice`);
});

test('a chooser handle is single-use, expires, and only offers the listed roles', async (t) => {
  let now = Date.now();
  const h = await startSamlHarness(t, { ...twoRoles, now: () => now });
  const first = await chooser(h);
  const role = radioValue(first.html, `saml-role-${ACCOUNT}-${SAML_ROLE}`);
  assert.equal((await h.postSaml({ handle: first.handle, role })).status, 302);
  const reused = await h.postSaml({ handle: first.handle, role });
  assert.equal(reused.status, 400);
  assert.match(await reused.text(), /data-testid="saml-error"[\s\S]*no longer valid \(used\)/);
  const second = await chooser(h);
  const forged = await h.postSaml({
    handle: second.handle,
    role: `arn:aws:iam::${ACCOUNT}:role/other,x`,
  });
  assert.match(await forged.text(), /not offered/);
  assert.equal(
    (await h.postSaml({ handle: second.handle, role })).status,
    400,
    'burnt by the failed try',
  );
  const third = await chooser(h);
  now += 5 * 60_000 + 1;
  const late = await h.postSaml({ handle: third.handle, role });
  assert.equal(late.status, 400);
  assert.match(await late.text(), /no longer valid \(expired\)/);
  assert.equal((await h.postSaml({ handle: 'forged', role })).status, 400);
});
