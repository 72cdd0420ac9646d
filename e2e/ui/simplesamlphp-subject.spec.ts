/**
 * Issue 13 §2 against a real IdP: SimpleSAMLphp 1.19 sends a transient NameID (a new value at every
 * sign-in) whatever NameIDPolicy Format the AuthnRequest asks for — it honours one only when its admin
 * sets NameIDFormat on our SP's metadata or adds a NameID authproc (modules/saml/lib/IdP/SAML2.php,
 * buildAssertion) — and never refuses a policy. Without a subject attribute Rolegate refuses the sign-in
 * (SAML_SUBJECT_TRANSIENT), the diagnostics page says what to set, and the ledger gets a `signin failed`
 * row; with eduPersonPrincipalName as the subject one person signing in twice is one user. ForceAuthn
 * makes SimpleSAMLphp ask for the password again although its session is still there.
 */
import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import { parse } from 'yaml';
import { exportConfig } from '../fixtures/config';
import { sample, scrape } from '../fixtures/metrics';
import { putSamlConnection, rolegateSp, signInSsp, SSP_SUBJECT_ATTRIBUTE, sspAdminSession, useSimpleSamlPhp, sspLogin } from '../fixtures/simplesamlphp';
import { SSP_MAIL_DOMAIN } from '../support/simplesamlphp/users';

const CONNECTION = 'ssp-subject';
const SP = rolegateSp(CONNECTION);

const ssp = useSimpleSamlPhp([SP]);

function connection(extra: Record<string, unknown>): Record<string, unknown> {
  return { id: CONNECTION, name: 'SimpleSAMLphp (subject)', preset: 'shibboleth', metadataUrl: ssp.metadataUrl, ...extra };
}

interface LedgerRow {
  at: string;
  userId?: string;
  subject?: string;
  code?: string;
}

/** This test's sign-in rows (the spec also runs in the saml-only project, on the same ledger). */
async function signins(admin: Page, outcome: 'ok' | 'failed', since: Date): Promise<LedgerRow[]> {
  const res = await admin.request.get(`/api/admin/audit/export?format=json&type=signin&outcome=${outcome}&idp=${CONNECTION}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { events: LedgerRow[] }).events.filter((r) => new Date(r.at) >= since);
}

/** The NameIDFormats of our SP metadata for the connection, in order (the format's last URN part). */
async function spNameIdFormats(page: Page): Promise<string[]> {
  const xml = await (await page.request.get(`/saml/${CONNECTION}/metadata`)).text();
  return [...xml.matchAll(/NameIDFormat>urn:oasis:names:tc:SAML:\d\.\d:nameid-format:(\w+)</g)].map((m) => m[1] ?? '');
}

test('issue 13 §2: a transient NameID is refused with a hint for the admin; with a subject attribute one person is one user', async ({ browser }) => {
  test.setTimeout(120_000);
  const { admin, restore } = await sspAdminSession(browser);
  const since = new Date();
  const failedBefore = await scrape(admin.request);
  try {
    // Whatever the policy asks for, SimpleSAMLphp sends a transient NameID (and refuses none): refused.
    for (const nameIdPolicy of ['omit', 'emailAddress', 'unspecified', 'persistent']) {
      await putSamlConnection(admin, connection({ nameIdPolicy }));
      const refused = await signInSsp(browser, ssp, CONNECTION, 'stella');
      await expect(refused, nameIdPolicy).toHaveURL(/\/error\?error=SAML_SUBJECT_TRANSIENT$/);
      await expect(refused.getByTestId('error-code')).toHaveText('SAML_SUBJECT_TRANSIENT');
      await expect(refused.getByTestId('error-message')).toContainText('one-time identifier');
      await refused.context().close();
    }
    expect(await spNameIdFormats(admin)).toEqual(['persistent', 'emailAddress', 'unspecified']);

    // The diagnostics say what to configure, naming the attributes that arrived but none of their values.
    await admin.goto('/admin/saml');
    const trace = admin.getByTestId(`traces-${CONNECTION}`).getByTestId('trace').first();
    await expect(trace.getByTestId('trace-code')).toHaveText('SAML_SUBJECT_TRANSIENT');
    const hint = trace.getByTestId('trace-hint');
    await expect(hint).toContainText('this IdP sends transient NameIDs');
    await expect(hint).toContainText('set subjectAttribute');
    await expect(hint).toContainText(/single-valued attributes it sent: .*eduPersonPrincipalName/);
    await expect(hint).not.toContainText('eduPersonAffiliation');
    await expect(trace).not.toContainText(SSP_MAIL_DOMAIN);

    // The admin follows the hint in the connection form: ePPN as the subject, back to the default policy,
    // and ForceAuthn — the second sign-in in the same browser asks for the password again.
    await admin.goto(`/admin/connections?edit=${CONNECTION}#saml-form`);
    const form = admin.getByTestId('saml-form');
    await expect(form.getByTestId('saml-form-nameid-policy')).toHaveValue('persistent');
    await form.getByTestId('saml-form-subject-attribute').fill(SSP_SUBJECT_ATTRIBUTE);
    await form.getByTestId('saml-form-nameid-policy').selectOption('omit');
    await form.getByTestId('saml-form-force-authn').check();
    await form.getByTestId('saml-form-submit').click();
    await expect(form.getByTestId('saml-form-done')).toBeVisible();
    await admin.goto(`/admin/connections?edit=${CONNECTION}#saml-form`);
    await expect(form.getByTestId('saml-form-subject-attribute')).toHaveValue(SSP_SUBJECT_ATTRIBUTE);
    await expect(form.getByTestId('saml-form-force-authn')).toBeChecked();
    const exported = parse(await exportConfig(admin)) as { samlConnections: Array<Record<string, unknown>> };
    const saved = exported.samlConnections.find((c) => c.id === CONNECTION);
    expect([saved?.subjectAttribute, saved?.nameIdPolicy, saved?.forceAuthn]).toEqual([SSP_SUBJECT_ATTRIBUTE, 'omit', true]);
    expect(await spNameIdFormats(admin), 'the SP metadata now accepts transient NameIDs').toEqual(['persistent', 'emailAddress', 'unspecified', 'transient']);
    const stella = await signInSsp(browser, ssp, CONNECTION, 'stella');
    await expect(stella).toHaveURL(/\/roles$/);
    await stella.goto(`/saml/${CONNECTION}/login`);
    await sspLogin(stella, ssp, 'stella');
    await expect(stella).toHaveURL(/\/roles$/);

    const ok = await signins(admin, 'ok', since);
    expect(ok).toHaveLength(2);
    expect(new Set(ok.map((r) => r.userId)).size, 'one user across two transient NameIDs').toBe(1);
    expect(ok.map((r) => r.subject)).toEqual([`attr:${SSP_SUBJECT_ATTRIBUTE}=stella@${SSP_MAIL_DOMAIN}`, `attr:${SSP_SUBJECT_ATTRIBUTE}=stella@${SSP_MAIL_DOMAIN}`]);
    await admin.goto('/admin/saml');
    await expect(admin.getByTestId(`traces-${CONNECTION}`).getByTestId('trace-outcome').first()).toHaveText('ok');

    // Each refusal was counted as a failed sign-in (the ledger gets the per-minute count at the next
    // roll-up: lib/server/saml/acs-accept.test.ts checks those rows on both databases).
    const refusals = `rolegate_signins_total{idp="${CONNECTION}",outcome="failed",code="SAML_SUBJECT_TRANSIENT"}`;
    expect(sample(await scrape(admin.request), refusals)).toBeGreaterThanOrEqual(sample(failedBefore, refusals) + 4);
  } catch (err) {
    console.error(`SimpleSAMLphp log:\n${ssp.log().slice(-5000)}`);
    throw err;
  } finally {
    await restore();
  }
});
