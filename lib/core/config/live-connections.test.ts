/** Issue 12 §3: disabling a connection ends its sessions; re-enabling it does not revive them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXAMPLE_CONFIG_YAML } from './fixtures';
import { connectionsKept, enabledConnectionIds } from './live-connections';
import { parseConfigText } from './parse';

const on = parseConfigText(EXAMPLE_CONFIG_YAML);
const ids = enabledConnectionIds(on);
const first = ids[0] as string;
const withDisabled = (id: string) => ({ ...on, idps: on.idps.map((i) => (i.id === id ? { ...i, disabled: true } : i)), samlConnections: on.samlConnections.map((s) => (s.id === id ? { ...s, disabled: true } : s)) });

test('an unchanged config keeps every enabled connection', () => {
  assert.ok(ids.length >= 1);
  assert.deepEqual(connectionsKept(on, on), ids);
  assert.deepEqual(connectionsKept(undefined, on), ids);
});

test('a disabled or removed connection keeps nothing, and neither does one switched back on', () => {
  const off = withDisabled(first);
  assert.ok(!connectionsKept(on, off).includes(first), 'disabled');
  assert.ok(!connectionsKept(off, on).includes(first), 're-enabled');
  const removed = { ...on, idps: on.idps.filter((i) => i.id !== first), samlConnections: on.samlConnections.filter((s) => s.id !== first) };
  assert.ok(!connectionsKept(on, removed).includes(first), 'removed');
  assert.deepEqual(connectionsKept(on, off), ids.filter((id) => id !== first), 'the others keep theirs');
});
