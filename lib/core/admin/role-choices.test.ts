import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SHOWN_UNCHECKED, visibleRoles, type RoleOption } from './role-choices';

const roles: RoleOption[] = Array.from({ length: 100 }, (_, i) => ({ id: `1111222233${String(i).padStart(2, '0')}/Role${i}`, label: `team-${i}/Role${i}` }));
const ids = (r: { listed: RoleOption[] }) => r.listed.map((o) => o.id);

test('chosen roles come first and are always listed, whatever the filter', () => {
  const pinned = new Set([roles[70]!.id, roles[5]!.id]);
  const r = visibleRoles(roles, pinned, 'no-such-role');
  assert.deepEqual(ids(r), [roles[5]!.id, roles[70]!.id]);
  assert.equal(r.more, 0);
});

test('without a filter the first SHOWN_UNCHECKED others are listed and the rest counted', () => {
  const r = visibleRoles(roles, new Set([roles[0]!.id]), '');
  assert.equal(r.listed.length, 1 + SHOWN_UNCHECKED);
  assert.deepEqual(ids(r).slice(0, 3), [roles[0]!.id, roles[1]!.id, roles[2]!.id]);
  assert.equal(r.more, 100 - 1 - SHOWN_UNCHECKED);
});

test('every term must match the id or the label, case-insensitively', () => {
  assert.deepEqual(ids(visibleRoles(roles, new Set(), 'TEAM-42 role42')), [roles[42]!.id]);
  assert.deepEqual(ids(visibleRoles(roles, new Set(), '111122223342')), [roles[42]!.id]);
  assert.deepEqual(ids(visibleRoles(roles, new Set(), 'team-42 Role43')), []);
  const nine = visibleRoles(roles, new Set(), 'role9');
  assert.deepEqual(ids(nine), [9, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99].map((i) => roles[i]!.id));
  assert.equal(nine.more, 0);
});
