import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDialect } from './test-support/databases';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const OKTA = 'https://acme.okta.com';
const ENTRA = 'https://login.microsoftonline.com/tenant-id/v2.0';

describeEachDialect('users repo', (ctx) => {
  it('creates a user on first sign-in: random UUID id, dates to the millisecond, absent fields absent', async () => {
    const at = new Date('2030-01-02T03:04:05.678Z');
    const user = await ctx().repos.users.upsertUserOnLogin(
      { issuer: OKTA, subject: '00u-first' },
      at,
    );
    assert.match(user.id, UUID);
    assert.deepEqual(user, {
      id: user.id,
      issuer: OKTA,
      subject: '00u-first',
      email: undefined,
      emailVerified: undefined,
      name: undefined,
      createdAt: at,
      lastLoginAt: at,
    });
  });

  it('issue 12 §1: whether the email was verified is kept with it and refreshed at each sign-in', async () => {
    const { users } = ctx().repos;
    const a = await users.upsertUserOnLogin({ issuer: OKTA, subject: '00u-mal', email: 'alice@acme.test', emailVerified: false });
    assert.deepEqual([a.email, a.emailVerified], ['alice@acme.test', false]);
    const b = await users.upsertUserOnLogin({ issuer: OKTA, subject: '00u-mal', email: 'mal@acme.test', emailVerified: true });
    assert.deepEqual([b.email, b.emailVerified], ['mal@acme.test', true]);
    const c = await users.upsertUserOnLogin({ issuer: OKTA, subject: '00u-mal' });
    assert.deepEqual([c.email, c.emailVerified], [undefined, undefined], 'no email, nothing to verify');
    assert.equal((await users.findUser(a.id))?.emailVerified, undefined);
  });

  it('the same (issuer, subject) again is the same user, with email, name and lastLoginAt refreshed', async () => {
    const { users } = ctx().repos;
    const first = new Date('2030-02-01T00:00:00.001Z');
    const again = new Date('2030-02-03T00:00:00.999Z');
    const a = await users.upsertUserOnLogin(
      { issuer: OKTA, subject: '00u-ann', email: 'ann@acme.test', name: 'Ann' },
      first,
    );
    const b = await users.upsertUserOnLogin(
      { issuer: OKTA, subject: '00u-ann', email: 'ann.lee@acme.test', name: 'Ann Lee' },
      again,
    );
    assert.equal(b.id, a.id);
    assert.deepEqual(
      [b.email, b.name, b.createdAt, b.lastLoginAt],
      ['ann.lee@acme.test', 'Ann Lee', first, again],
    );
    // An email the IdP stopped sending is not kept from an older sign-in.
    const c = await users.upsertUserOnLogin({ issuer: OKTA, subject: '00u-ann' }, again);
    assert.equal(c.id, a.id);
    assert.equal(c.email, undefined);
  });

  it('the same subject from a different issuer is a different user (subjects are only unique per issuer)', async () => {
    const { users } = ctx().repos;
    const okta = await users.upsertUserOnLogin({ issuer: OKTA, subject: 'shared-sub' });
    const entra = await users.upsertUserOnLogin({ issuer: ENTRA, subject: 'shared-sub' });
    assert.notEqual(okta.id, entra.id);
  });

  it('the same email under a different subject is a different user (never keyed by email)', async () => {
    const { users } = ctx().repos;
    const a = await users.upsertUserOnLogin({
      issuer: OKTA,
      subject: '00u-x',
      email: 'same@acme.test',
    });
    const b = await users.upsertUserOnLogin({
      issuer: OKTA,
      subject: '00u-y',
      email: 'same@acme.test',
    });
    assert.notEqual(a.id, b.id);
  });

  it('simultaneous first sign-ins of one person create exactly one user', async () => {
    const { users } = ctx().repos;
    const identity = { issuer: ENTRA, subject: 'race-sub', email: 'race@acme.test' };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => users.upsertUserOnLogin(identity)),
    );
    assert.equal(new Set(results.map((u) => u.id)).size, 1);
  });
});
