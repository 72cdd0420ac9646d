import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDialect } from './test-support/databases';

describeEachDialect('settings repo: lock-down', (ctx) => {
  it('is off until set; set returns before and after; the state round-trips', async () => {
    const { settings } = ctx().repos;
    assert.deepEqual(await settings.getLockdown(), { enabled: false });
    const since = new Date('2031-02-01T10:00:00.000Z');
    const on = await settings.setLockdown({ enabled: true, reason: 'incident 7', since, by: 'u-admin' }, since);
    assert.deepEqual(on, { before: { enabled: false }, after: { enabled: true, reason: 'incident 7', since, by: 'u-admin' } });
    assert.deepEqual(await settings.getLockdown(), { enabled: true, reason: 'incident 7', since, by: 'u-admin' });
    const off = await settings.setLockdown({ enabled: false, by: 'u-admin2' }, new Date());
    assert.equal(off.before.enabled, true);
    assert.deepEqual(await settings.getLockdown(), { enabled: false, since: undefined, by: 'u-admin2' });
  });

  it('fails closed: an unreadable stored state counts as locked', async () => {
    const { db, repos } = ctx();
    await db.setting.update({ where: { key: 'lockdown' }, data: { value: '{"enabled":"nope"' } });
    const state = await repos.settings.getLockdown();
    assert.equal(state.enabled, true);
    await db.setting.update({ where: { key: 'lockdown' }, data: { value: JSON.stringify({ enabled: false, extra: 1 }) } });
    assert.equal((await repos.settings.getLockdown()).enabled, true, 'unknown fields are not trusted either');
  });
});
