/**
 * Issue 13 §6: a real SAML IdP in our tests. Debian's SimpleSAMLphp 1.19 (installed by .ci/setup.sh) is
 * an upstream IdP with its own defaults — transient NameID, signed assertion in an unsigned response,
 * pretty-printed XML, attributes named as configured (uid, mail, isMemberOf…) — and people sign in
 * through its own login form. The connection is added by the admin API (Shibboleth preset: isMemberOf
 * carries groups, mail the email; eduPersonPrincipalName is the subject, since a transient NameID is
 * refused: simplesamlphp-subject.spec.ts) and the demo's config is put back at the end.
 */
import { expect } from '@playwright/test';
import { test } from '../fixtures/test';
import { visibleRoles } from '../fixtures/signin';
import { putSamlConnection, rolegateSp, signInSsp, SSP_SUBJECT_ATTRIBUTE, sspAdminSession, useSimpleSamlPhp, sspLogin, waitForRolegate } from '../fixtures/simplesamlphp';

const CONNECTION = 'simplesamlphp';
const SP = rolegateSp(CONNECTION);

const ssp = useSimpleSamlPhp([SP]);

function connection(allowIdpInitiated: boolean): Record<string, unknown> {
  return { id: CONNECTION, name: 'SimpleSAMLphp', preset: 'shibboleth', metadataUrl: ssp.metadataUrl, allowIdpInitiated, subjectAttribute: SSP_SUBJECT_ATTRIBUTE };
}

test('issue 13 §6: people sign in through SimpleSAMLphp; groups map to roles, no groups is no roles, IdP-initiated only when allowed', async ({ browser }) => {
  const { admin: alice, restore } = await sspAdminSession(browser);
  try {
    await putSamlConnection(alice, connection(false));

    // isMemberOf aws-dev-admins → the demo's dev-admins rule; aws-readonly → the readonly rule.
    const stella = await signInSsp(browser, ssp, CONNECTION, 'stella');
    await expect(stella).toHaveURL(/\/roles$/);
    expect(await visibleRoles(stella)).toEqual(['dev-Admin', 'dev-Developer']);
    const rory = await signInSsp(browser, ssp, CONNECTION, 'rory');
    await expect(rory).toHaveURL(/\/roles$/);
    expect(await visibleRoles(rory)).toEqual(['dev-ReadOnly', 'prod-ReadOnly']);

    // No isMemberOf at all: the no-roles page, and it lists no groups.
    const nadia = await signInSsp(browser, ssp, CONNECTION, 'nadia');
    await expect(nadia.getByTestId('no-roles')).toBeVisible();
    await expect(nadia.getByTestId('no-roles-groups').getByRole('listitem')).toHaveCount(0);

    // IdP-initiated (SimpleSAMLphp's unsolicited SSO): refused while the connection does not allow it…
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(ssp.idpInitiatedUrl(SP.entityId));
    await sspLogin(visitor, ssp, 'stella');
    await expect(visitor.getByTestId('error-code')).toHaveText('SAML_UNSOLICITED');
    // …and accepted once it does (SimpleSAMLphp's session is still there: no second password).
    await putSamlConnection(alice, connection(true));
    await visitor.goto(ssp.idpInitiatedUrl(SP.entityId));
    await waitForRolegate(visitor);
    await expect(visitor).toHaveURL(/\/roles$/);
    expect(await visibleRoles(visitor)).toEqual(['dev-Admin', 'dev-Developer']);
  } catch (err) {
    console.error(`SimpleSAMLphp log:\n${ssp.log().slice(-5000)}`);
    throw err;
  } finally {
    await restore();
  }
});
