import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { EXAMPLE_CONFIG_YAML } from '../core/config/fixtures';
import { parseConfigText } from '../core/config/parse';
import type { IdentityClaims } from '../core/types';
import { describeEachDialect, type TestDatabase } from '../db/test-support/databases';
import { hasCode } from '../db/test-support/fixtures';
import { currentQuickRoles, parseRoleRef, RECENT_SHOWN, starRole, unstarRole, type QuickRoleDeps } from './quick-roles';

const config = parseConfigText(EXAMPLE_CONFIG_YAML);
const now = new Date('2030-06-01T12:00:00.000Z');
const ADMIN = '111122223333/Admin';
const DEV_RO = '111122223333/ReadOnly';
const PROD_RO = '444455556666/ReadOnly';
const OPERATOR = '444455556666/Operator';
const arn = (id: string) => config.roles.get(id)?.arn ?? '';

const claims = (groups: string[]): IdentityClaims => ({ idpId: 'okta', issuer: 'https://example.okta.com', subject: randomUUID(), emailVerified: false, groups, extra: {} });
const deps = (t: TestDatabase): QuickRoleDeps => ({ repos: t.repos, issuance: { config, grants: async () => [], now: () => now } });

async function person(t: TestDatabase, groups: string[]) {
  const c = claims(groups);
  const user = await t.repos.users.upsertUserOnLogin({ issuer: c.issuer, subject: c.subject });
  return { userId: user.id, claims: c };
}

const issued = (t: TestDatabase, userId: string, roleId: string, agoMs: number, type: 'issuance' | 'console' = 'issuance') =>
  t.repos.audit.appendAudit({ type, outcome: 'ok', userId, roleArn: arn(roleId), at: new Date(now.getTime() - agoMs) });

describeEachDialect('quick roles: favourites and recent, decided on the roles held now', (ctx) => {
  it("stars a held role; another user's stars are invisible to them and theirs to her", async () => {
    const t = ctx();
    const [ann, bob] = [await person(t, ['aws-dev-admins']), await person(t, ['aws-prod-operators'])];
    assert.deepEqual(await starRole(deps(t), ann, ADMIN), { favourites: [ADMIN], recent: [] });
    await starRole(deps(t), bob, OPERATOR);
    assert.deepEqual((await currentQuickRoles(deps(t), bob)).favourites, [OPERATOR]);
    assert.deepEqual((await currentQuickRoles(deps(t), ann)).favourites, [ADMIN]);
    assert.deepEqual((await unstarRole(deps(t), bob, ADMIN)).favourites, [OPERATOR], "bob's unstar of ann's role changes nothing");
    assert.deepEqual((await currentQuickRoles(deps(t), ann)).favourites, [ADMIN]);
  });

  it('refuses a star for a role not held, unknown or lost, with POLICY_NO_ROLE, and stores nothing', async () => {
    const t = ctx();
    const ann = await person(t, ['aws-dev-admins']);
    await assert.rejects(starRole(deps(t), ann, OPERATOR), hasCode('POLICY_NO_ROLE'));
    await assert.rejects(starRole(deps(t), ann, '999999999999/Nope'), hasCode('POLICY_NO_ROLE'));
    const nobody = await person(t, []);
    await assert.rejects(starRole(deps(t), nobody, DEV_RO), hasCode('POLICY_NO_ROLE'));
    assert.deepEqual(await t.repos.favourites.listFavourites(ann.userId), []);
    assert.deepEqual(await t.repos.favourites.listFavourites(nobody.userId), []);
  });

  it('a role the person lost leaves both lists (the star is kept and comes back with the role)', async () => {
    const t = ctx();
    const ann = await person(t, ['aws-dev-admins']);
    await starRole(deps(t), ann, ADMIN);
    await issued(t, ann.userId, DEV_RO, 60_000);
    assert.deepEqual(await currentQuickRoles(deps(t), ann), { favourites: [ADMIN], recent: [DEV_RO] });
    const demoted = { ...ann, claims: { ...ann.claims, groups: [] } };
    assert.deepEqual(await currentQuickRoles(deps(t), demoted), { favourites: [], recent: [] });
    assert.deepEqual(await currentQuickRoles(deps(t), ann), { favourites: [ADMIN], recent: [DEV_RO] });
  });

  it(`ranks recent roles by frecency, leaves favourites out, shows at most ${RECENT_SHOWN}`, async () => {
    const t = ctx();
    const ann = await person(t, ['aws-dev-admins']);
    await issued(t, ann.userId, PROD_RO, 60_000);
    for (const ago of [2 * 86_400_000, 3 * 3_600_000, 5 * 3_600_000]) await issued(t, ann.userId, DEV_RO, ago);
    await issued(t, ann.userId, ADMIN, 10_000, 'console');
    assert.deepEqual((await currentQuickRoles(deps(t), ann)).recent, [DEV_RO, PROD_RO], 'a console row is not a second use; ADMIN never issued');
    await starRole(deps(t), ann, DEV_RO);
    assert.deepEqual(await currentQuickRoles(deps(t), ann), { favourites: [DEV_RO], recent: [PROD_RO] });
  });

  it('never lists a role from an issuance of a role the person does not hold now', async () => {
    const t = ctx();
    const ann = await person(t, ['aws-dev-admins']);
    await issued(t, ann.userId, OPERATOR, 1_000);
    assert.deepEqual((await currentQuickRoles(deps(t), ann)).recent, []);
  });
});

it('parseRoleRef resolves an ARN or alias/name to the id and refuses a missing, short or control-character ref', () => {
  const url = (q: string) => new URL(`https://rolegate.test/api/v1/favourites${q}`);
  assert.equal(parseRoleRef(url(`?roleId=${encodeURIComponent(arn(ADMIN))}`), config.roles), ADMIN);
  assert.equal(parseRoleRef(url('?roleId=dev%2FAdmin'), config.roles), ADMIN);
  assert.equal(parseRoleRef(url('?roleId=unknown%2FRole'), config.roles), 'unknown/Role', 'an unknown ref passes through for the policy to refuse');
  assert.throws(() => parseRoleRef(url(''), config.roles), hasCode('BAD_REQUEST'));
  assert.throws(() => parseRoleRef(url('?roleId=ab'), config.roles), hasCode('BAD_REQUEST'));
  assert.throws(() => parseRoleRef(url(`?roleId=${'x'.repeat(201)}`), config.roles), hasCode('BAD_REQUEST'));
  assert.throws(() => parseRoleRef(url('?roleId=dev%2FAd%00min'), config.roles), hasCode('INPUT_CONTROL_CHARACTER'));
});
