/**
 * Issue 13 §4: refused OIDC sign-ins are `signin failed` rows in the ledger with their code, through the
 * SAML ACS's aggregation (one row per address, code, IdP and minute), so forged callbacks cannot grow it.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseConfigText } from '../../core/config/parse';
import { EXAMPLE_CONFIG_YAML } from '../../core/config/fixtures';
import { describeEachDialect } from '../../db/test-support/databases';
import { countSigninFailures } from '../signin-failure-count';
import { handleAuthRequest } from './auth-route';

const config = parseConfigText(EXAMPLE_CONFIG_YAML);
const minute = new Date('2031-03-04T05:06:00.000Z');

describeEachDialect('OIDC sign-in refusals in the ledger', (ctx) => {
  it('200 forged callbacks from one address are one ledger row per code with the count', async () => {
    const { repos } = ctx();
    let n = 0;
    const now = () => new Date(minute.getTime() + n * 100);
    const deps = {
      config,
      signinFailed: (code: Parameters<ReturnType<typeof countSigninFailures>>[0], idpId: string) =>
        countSigninFailures(repos, now, { ip: '198.51.100.9' }, idpId)(code),
    };
    const tokenRefused = async () =>
      new Response(null, {
        status: 302,
        headers: { Location: 'http://localhost/api/auth/error?error=OAuthCallback' },
      });
    for (; n < 150; n++)
      await handleAuthRequest(
        deps,
        new Request(`http://localhost/api/auth/callback/okta?code=c${n}&state=s`),
        tokenRefused,
      );
    for (; n < 200; n++)
      await handleAuthRequest(
        deps,
        new Request(`http://localhost/api/auth/callback/evil${n}?code=c`),
        async () => assert.fail(),
      );
    assert.equal(
      await repos.signinFailures.rollUpSigninFailures(new Date(minute.getTime() + 60_000)),
      2,
    );
    const rows = (
      await repos.audit.listAudit({ limit: 50, type: 'signin', outcome: 'failed' })
    ).filter((e) => e.at.getTime() === minute.getTime());
    const seen = rows.map((r) => [r.code, r.idpId ?? '', r.ip, r.detail?.count]).sort();
    assert.deepEqual(seen, [
      ['OIDC_IDP_UNKNOWN', '', '198.51.100.9', 50],
      ['OIDC_TOKEN_INVALID', 'okta', '198.51.100.9', 150],
    ]);
  });
});
