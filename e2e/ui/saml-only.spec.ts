/**
 * Issue 13 §1 and §7, as people see them: a site whose config has no OIDC IdP at all works end to end
 * (sign-in page, next-auth with zero providers, the admin pages, sign-out); an unknown connection is
 * NOT_FOUND; an unreachable metadata URL says SAML_METADATA_UNAVAILABLE; the no-roles page names the
 * groups that arrived. The demo's config is put back at the end (by a SAML admin: the OIDC admin's
 * session ends with the SAML-only config).
 */
import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import { exportConfig, liveRevision, restoreConfig } from '../fixtures/config';
import { SAML_IDS, samlOnly } from '../fixtures/saml-only';
import { signInSaml, signInToRoles, visibleRoles } from '../fixtures/signin';

/** A port in this run's range where nothing listens. */
const DEAD_METADATA_URL = `http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 9}/metadata`;

async function postEdit(admin: Page, edit: unknown): Promise<void> {
  const res = await admin.request.post('/api/admin/config/edit', { data: { basedOn: await liveRevision(admin), edit }, headers: { Origin: new URL(admin.url()).origin } });
  expect(res.status(), await res.text()).toBe(200);
}

test('issue 13: a SAML-only config works end to end; unknown and unreachable connections say so; no roles lists the groups', async ({ browser }) => {
  const alice = await (await browser.newContext()).newPage();
  await signInToRoles(alice, 'okta', 'alice@example.com');
  const yaml = await exportConfig(alice);
  await restoreConfig(alice, samlOnly(yaml));
  const sam = await (await browser.newContext()).newPage();
  try {
    // Only the SAML connections are offered, and next-auth with no provider answers normally.
    await sam.goto('/signin');
    const buttons = sam.locator('[data-testid^="signin-"]');
    await expect(buttons).toHaveCount(SAML_IDS.length);
    for (const id of SAML_IDS) await expect(sam.getByTestId(`signin-${id}`)).toBeVisible();
    const providers = await sam.request.get('/api/auth/providers');
    expect(providers.status()).toBe(200);
    expect(await providers.json()).toEqual({});
    expect((await sam.request.get('/api/auth/session')).status()).toBe(200);

    await signInSaml(sam, 'adfs', 'sam@example.com');
    await expect(sam).toHaveURL(/\/roles$/);
    expect(await visibleRoles(sam)).toContain('dev-Admin');
    await sam.goto('/admin/connections');
    await expect(sam.getByTestId('oidc-idps-none')).toBeVisible();
    for (const page of ['/admin/config', '/admin/grants', '/admin/audit', '/admin/rules']) {
      expect((await sam.request.get(page)).status(), page).toBe(200);
    }

    // §7: a connection id nobody configured is NOT_FOUND, not "disabled by an administrator".
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto('/saml/no-such-connection/login');
    await expect(visitor.getByTestId('error-code')).toHaveText('NOT_FOUND');

    // §7: an IdP whose metadata URL does not answer: the person is told so, not INTERNAL.
    await postEdit(sam, { op: 'putSamlConnection', connection: { id: 'gone', name: 'Gone IdP', preset: 'okta', metadataUrl: DEAD_METADATA_URL } });
    await visitor.goto('/signin');
    await visitor.getByTestId('signin-gone').click();
    await expect(visitor.getByTestId('error-code')).toHaveText('SAML_METADATA_UNAVAILABLE');
    // …nor one that answers with something else than metadata (here: a web page, as a proxy's error page).
    await postEdit(sam, { op: 'putSamlConnection', connection: { id: 'not-metadata', name: 'Misconfigured IdP', preset: 'okta', metadataUrl: `${new URL(sam.url()).origin}/signin` } });
    await visitor.goto('/saml/not-metadata/login');
    await expect(visitor.getByTestId('error-code')).toHaveText('SAML_METADATA_UNAVAILABLE');

    // §7: no roles: the page says which groups arrived.
    const nora = await (await browser.newContext()).newPage();
    await signInSaml(nora, 'shibboleth', 'nora@example.com');
    await expect(nora.getByTestId('no-roles')).toBeVisible();
    await expect(nora.getByTestId('no-roles-groups').getByRole('listitem')).toHaveText(['marketing', 'urn:mace:example.com:entitlement:marketing']);

    await sam.goto('/roles');
    await sam.getByTestId('sign-out').click();
    await expect(sam).toHaveURL(/\/signin/);
    await signInSaml(sam, 'adfs', 'sam@example.com');
  } finally {
    await restoreConfig(sam, yaml);
  }
});
