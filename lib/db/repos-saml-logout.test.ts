/**
 * Issue 13 §5: an IdP's LogoutRequest ends the sessions of its connection and NameID (those SessionIndexes
 * when named), its CLI logins only when the connection says so, and a replayed request ends nothing.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { SamlSessionRef } from '../core/saml/sp/types';
import type { SamlLogout } from './repos';
import { cliLogin } from './test-support/cli-fixtures';
import { describeEachDialect, type TestDatabase } from './test-support/databases';
import { ENTRA_ISSUER, entraClaims, hasCode, later, now } from './test-support/fixtures';

/** A SAML sign-in through connection `connectionId` ('entra', like the CLI fixtures) as `subject`. */
async function samlSession(t: TestDatabase, subject: string, saml: SamlSessionRef, connectionId = 'entra'): Promise<string> {
  const id = randomUUID();
  await t.repos.samlSignIn.acceptSamlSignIn({
    connectionId,
    assertionId: `_${randomUUID()}`,
    replayUntil: later(360_000),
    identity: { issuer: ENTRA_ISSUER, subject },
    session: { id, idpId: connectionId, claims: { ...entraClaims(subject), idpId: connectionId }, expiresAt: later(3_600_000), saml },
    now,
  });
  return id;
}

const logout = (nameId: string, sessionIndexes: string[], endCliLogins = false): SamlLogout => ({
  connectionId: 'entra', requestId: `_${randomUUID()}`, replayUntil: later(360_000), nameId, sessionIndexes, endCliLogins, now,
});
const live = async (t: TestDatabase, id: string) => (await t.repos.sessions.getActiveSession(id, now)) !== null;

describeEachDialect('SAML single logout commit', (ctx) => {
  it('stores the NameID and SessionIndex with the session, and ends only the named SessionIndex', async () => {
    const t = ctx();
    const nameId = `_t${randomUUID()}`;
    const ref = { nameId, nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient', nameQualifier: 'https://idp', spNameQualifier: 'https://sp', sessionIndex: '_s1' };
    const first = await samlSession(t, 'u1', ref);
    const second = await samlSession(t, 'u1', { nameId, sessionIndex: '_s2' });
    const elsewhere = await samlSession(t, 'u1', { nameId, sessionIndex: '_s1' }, 'other');
    assert.deepEqual((await t.repos.sessions.getActiveSession(first, now))?.saml, ref);
    const r = await t.repos.samlLogout.endSamlSessions(logout(nameId, ['_s1']));
    assert.equal(r.sessions, 1);
    assert.deepEqual([await live(t, first), await live(t, second), await live(t, elsewhere)], [false, true, true]);
  });

  it('without SessionIndex ends every session of the NameID on that connection; a replay ends nothing', async () => {
    const t = ctx();
    const nameId = `_t${randomUUID()}`;
    const a = await samlSession(t, 'u2', { nameId, sessionIndex: '_a' });
    const other = await samlSession(t, 'u3', { nameId: `${nameId}x` });
    const request = logout(nameId, []);
    assert.equal((await t.repos.samlLogout.endSamlSessions(request)).sessions, 1);
    assert.deepEqual([await live(t, a), await live(t, other)], [false, true]);
    const b = await samlSession(t, 'u2', { nameId, sessionIndex: '_b' });
    await assert.rejects(t.repos.samlLogout.endSamlSessions(request), hasCode('SAML_REPLAY'));
    assert.equal(await live(t, b), true, 'the replay rolled back');
    assert.equal(await t.repos.samlReplay.isSeen('entra', `logout:${request.requestId}`, now), true);
  });

  it('ends the person’s CLI logins only when the connection says so', async () => {
    const t = ctx();
    const subject = `s${randomUUID()}`;
    const login = await cliLogin(t, { subject });
    const nameId = `_t${randomUUID()}`;
    await samlSession(t, subject, { nameId, sessionIndex: '_c' });
    const kept = await t.repos.samlLogout.endSamlSessions(logout(nameId, ['_c']));
    assert.deepEqual([kept.cliLogins, (await t.repos.cliGrants.getCliGrant(login.issued.grant.id))?.revokedAt], [0, undefined]);
    const ended = await t.repos.samlLogout.endSamlSessions(logout(nameId, ['_c'], true));
    assert.equal(ended.sessions, 0, 'the session had ended already');
    assert.deepEqual(ended.userIds, [login.user.id]);
    assert.equal(ended.cliLogins, 1);
    assert.equal((await t.repos.cliGrants.getCliGrant(login.issued.grant.id))?.revokedReason, 'saml-logout');
    const nobody = await t.repos.samlLogout.endSamlSessions(logout(`_none${randomUUID()}`, [], true));
    assert.deepEqual(nobody, { sessions: 0, userIds: [], cliLogins: 0, deviceApprovals: 0 });
  });
});
