/**
 * Issue 15 §4 in the terminal: `rolegate roles` lists favourites, then recently used roles, first (the
 * lists the web picker shows, kept on the server), and `rolegate star` / `unstar` set the same star.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { EXIT } from './errors';
import { withQuickRolesFirst } from './quick-roles';
import { DEFAULT_ROLES } from './test-support/fake-state';
import { runInProcess } from './test-support/harness';
import { cliTestbed } from './test-support/testbed';

const t = cliTestbed({
  reset: ({ fake }) =>
    Object.assign(fake.state, { favourites: [], recent: [], servesFavourites: true }),
});

/** The PROFILE and TOP columns of `rolegate roles`. */
async function listed(): Promise<string[]> {
  const r = await runInProcess(['roles'], t.sb);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line) => {
      const cells = line.split(/\s+/);
      return cells.length > 5 ? `${cells[0]} ${cells[5]}` : `${cells[0]}`;
    });
}

describe('rolegate roles: favourites and recent first', () => {
  it('lists in the server order when nothing is starred or used', async () => {
    assert.deepEqual(await listed(), ['dev-Admin', 'dev-ReadOnly', 'prod-Operator']);
  });

  it('puts favourites (in the order starred), then recent roles, on top and marks them', async () => {
    t.fake.state.favourites = ['444455556666/Operator'];
    t.fake.state.recent = ['111122223333/ReadOnly', '444455556666/Operator'];
    assert.deepEqual(await listed(), [
      'prod-Operator favourite',
      'dev-ReadOnly recent',
      'dev-Admin',
    ]);
  });

  it('a server older than favourites (404) still lists the roles, in its order', async () => {
    t.fake.state.servesFavourites = false;
    t.fake.state.favourites = ['444455556666/Operator'];
    assert.deepEqual(await listed(), ['dev-Admin', 'dev-ReadOnly', 'prod-Operator']);
  });

  it('--json adds the favourites and recent role ids to the roles document', async () => {
    t.fake.state.favourites = ['111122223333/Admin'];
    const r = await runInProcess(['roles', '--json'], t.sb);
    const body = JSON.parse(r.stdout) as {
      roles: unknown[];
      favourites: string[];
      recent: string[];
    };
    assert.equal(body.roles.length, 3);
    assert.deepEqual([body.favourites, body.recent], [['111122223333/Admin'], []]);
  });

  it('ids the server answers that are no longer listed are left out, and none is listed twice', () => {
    const rows = withQuickRolesFirst(DEFAULT_ROLES, {
      favourites: ['gone/Role', '111122223333/Admin', '111122223333/Admin'],
      recent: ['111122223333/Admin'],
    });
    assert.deepEqual(
      rows.map((r) => `${r.role.profile}:${r.mark ?? ''}`),
      ['dev-Admin:favourite', 'dev-ReadOnly:', 'prod-Operator:'],
    );
  });
});

describe('rolegate star / unstar', () => {
  it('stars a role by profile name on the server, then unstars it', async () => {
    const starred = await runInProcess(['star', '--role', 'prod-Operator'], t.sb);
    assert.equal(starred.code, EXIT.OK, starred.stderr);
    assert.equal(
      starred.stderr,
      'Starred 444455556666/Operator. Favourites: 444455556666/Operator.\n',
    );
    assert.deepEqual(t.fake.state.favourites, ['444455556666/Operator']);
    assert.equal(t.fake.state.count('PUT /api/v1/favourites'), 1);
    assert.equal((await listed())[0], 'prod-Operator favourite');

    const unstarred = await runInProcess(['unstar', '--role', 'prod/Operator'], t.sb);
    assert.equal(unstarred.code, EXIT.OK, unstarred.stderr);
    assert.equal(unstarred.stderr, 'Unstarred prod/Operator. Favourites: none.\n');
    assert.equal(t.fake.state.count('DELETE /api/v1/favourites'), 1);
  });

  it('refuses a role the person does not hold (exit 5), and a missing --role (exit 64), changing nothing', async () => {
    const unknown = await runInProcess(['star', '--role', 'prod-Nope'], t.sb);
    assert.equal(unknown.code, EXIT.FORBIDDEN);
    assert.match(unknown.stderr, /you have no role "prod-Nope"/);
    const refused = await runInProcess(['star', '--role', 'prod/Nope'], t.sb);
    assert.equal(refused.code, EXIT.FORBIDDEN);
    assert.match(
      refused.stderr,
      /only a role you can assume now can be starred \[POLICY_NO_ROLE, HTTP 403\]/,
    );
    assert.equal((await runInProcess(['star'], t.sb)).code, EXIT.USAGE);
    assert.deepEqual(t.fake.state.favourites, []);
  });
});
