/**
 * Revoking one user's AWS sessions must find every session of the last 12 hours, however many: the
 * ledger is read page by page (regression of stop 8: it stopped silently after the first 500 rows).
 * Real audit repo, both dialects; the sessions only the oldest rows name sit beyond the second page.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { EXAMPLE_CONFIG_YAML } from '../../core/config/fixtures';
import { parseConfigText } from '../../core/config/parse';
import { describeEachDialect } from '../../db/test-support/databases';
import { LEDGER_PAGE, recentSessions } from './recent-sessions';

const config = parseConfigText(EXAMPLE_CONFIG_YAML);
const at = new Date();
const minutesAgo = (m: number) => new Date(at.getTime() - m * 60_000);
const ADMIN = 'arn:aws:iam::111122223333:role/Admin';
const OPERATOR = 'arn:aws:iam::444455556666:role/Operator';

describeEachDialect('recent sessions of a user', (ctx) => {
  it('reads past the first pages to the end of the 12-hour window, and not beyond it', async () => {
    const { audit } = ctx().repos;
    const issue = (roleArn: string, sourceIdentity: string, when: Date, userId = 'u-bob') =>
      audit.appendAudit({ type: 'issuance', outcome: 'ok', userId, roleArn, at: when, detail: { sourceIdentity } });
    // The oldest sessions, 11 hours ago: the only rows naming Operator and "bob-old".
    await issue(OPERATOR, 'bob-old', minutesAgo(660));
    await issue(ADMIN, 'bob-old', minutesAgo(659));
    // Beyond the window, another user, a denial: none of them count.
    await issue(ADMIN, 'bob-ancient', minutesAgo(13 * 60));
    await issue(ADMIN, 'alice', minutesAgo(5), 'u-alice');
    await audit.appendAudit({ type: 'issuance', outcome: 'denied', userId: 'u-bob', roleArn: OPERATOR, at: minutesAgo(4), detail: { sourceIdentity: 'bob-denied' } });
    // Then more than two pages of newer issuances of one role.
    for (let i = 0; i < LEDGER_PAGE * 2 + 10; i++) await issue(ADMIN, 'bob', new Date(minutesAgo(600).getTime() + i * 1000));

    const sessions = await recentSessions(config.roles, (q) => audit.listAudit(q), 'u-bob', at);
    const found = sessions.map((s) => `${s.role.id} ${s.sourceIdentity}`).sort();
    assert.deepEqual(found, ['111122223333/Admin bob', '111122223333/Admin bob-old', '444455556666/Operator bob-old']);
  });

  it('issue 12: finds sessions started by the SAML console post, which have no issuance row', async () => {
    const { audit } = ctx().repos;
    await audit.appendAudit({ type: 'console', outcome: 'ok', userId: 'u-dora', roleArn: OPERATOR, at: minutesAgo(30), detail: { delivery: 'saml', via: 'saml-post', sourceIdentity: 'dora-console' } });
    // A getSigninToken console row names no SourceIdentity (its issuance row does); a failed post counts nothing.
    await audit.appendAudit({ type: 'console', outcome: 'ok', userId: 'u-dora', roleArn: ADMIN, at: minutesAgo(20), detail: { service: 'home' } });
    await audit.appendAudit({ type: 'console', outcome: 'failed', userId: 'u-dora', roleArn: ADMIN, at: minutesAgo(10), detail: { sourceIdentity: 'dora-failed' } });
    const sessions = await recentSessions(config.roles, (q) => audit.listAudit(q), 'u-dora', at);
    assert.deepEqual(sessions.map((s) => `${s.role.id} ${s.sourceIdentity}`), ['444455556666/Operator dora-console']);
  });
});
