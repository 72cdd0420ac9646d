/** Issue 12 §3: disabling a connection ends its sessions; re-enabling it does not revive them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../errors';
import { EXAMPLE_CONFIG_YAML, SAML_ONLY_YAML } from './fixtures';
import { connectionsKept, enabledConnectionIds, enabledSamlConnection } from './live-connections';
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

test('issue 13 §7: an unknown SAML connection id is NOT_FOUND; a disabled one CONNECTION_DISABLED; an enabled one is returned', () => {
  const saml = parseConfigText(SAML_ONLY_YAML);
  const codeOf = (config: Pick<typeof saml, 'samlConnections'>, id: string) => {
    try {
      return enabledSamlConnection(config, id).id;
    } catch (e) {
      assert.ok(e instanceof GatewayError);
      return e.code;
    }
  };
  assert.equal(codeOf(saml, 'adfs'), 'adfs');
  assert.equal(codeOf(saml, 'nope'), 'NOT_FOUND');
  // An OIDC IdP's id is no SAML connection either.
  assert.equal(codeOf(on, 'okta'), 'NOT_FOUND');
  const off = { samlConnections: saml.samlConnections.map((s) => ({ ...s, disabled: true })) };
  assert.equal(codeOf(off, 'adfs'), 'CONNECTION_DISABLED');
});
