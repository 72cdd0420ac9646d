/** Issue 15 §4: the picker's wire shape — compact, sorted on the server, and decoded back to the same view. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfigText } from '../config/parse';
import { decodeCatalogue } from './catalogue';
import { encodeCatalogue, type HeldRoleInput } from './encode';

const config = parseConfigText(`
publicUrl: https://rolegate.example.com
idps: [{ id: okta, name: Okta, preset: okta, issuer: "https://okta.example.com", clientId: c }]
accounts:
  - id: "444455556666"
    alias: prod
    region: us-east-1
    colour: "#c62828"
    roles:
      - { name: Operator, description: Operate production, maxSessionDuration: 3600 }
      - { name: ReadOnly, maxSessionDuration: 7200, delivery: saml, region: eu-west-1 }
  - id: "111122223333"
    alias: dev
    region: eu-west-1
    partition: aws-us-gov
    roles:
      - { name: admin, maxSessionDuration: 3600, sessionPolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}' }
      - { name: Beta, maxSessionDuration: 3600 }
rules:
  - { id: all, groups: [g], roles: [prod/Operator, prod/ReadOnly, dev/admin, dev/Beta] }
`);
const role = (id: string) => {
  const r = config.roles.get(id);
  if (!r) throw new Error(`no role ${id}`);
  return r;
};
const NOW = new Date('2026-05-01T10:00:00Z');
const held: HeldRoleInput[] = [
  { role: role('444455556666/ReadOnly'), grantedBy: [{ ruleId: 'readonly' }, { ruleId: 'all' }] },
  { role: role('111122223333/Beta'), grantedBy: [{ ruleId: 'all' }] },
  { role: role('444455556666/Operator'), grantedBy: [{ ruleId: 'grant:g1' }], grant: { endsAt: new Date('2026-05-01T12:05:00Z'), reason: 'INC-42' } },
  { role: role('111122223333/admin'), grantedBy: [{ ruleId: 'all' }] },
];

test('the wire shape: accounts by alias, roles by name (case-insensitive), defaults omitted, rule ids numbered once', () => {
  const wire = encodeCatalogue(held, NOW);
  assert.deepEqual([...wire.rules].sort(), ['all', 'grant:g1', 'readonly']);
  const n = (id: string) => wire.rules.indexOf(id);
  assert.deepEqual(wire.accounts.map((a) => [a.alias, a.roles.map((r) => r.name)]), [['dev', ['admin', 'Beta']], ['prod', ['Operator', 'ReadOnly']]]);
  const [dev, prod] = wire.accounts;
  assert.deepEqual(dev, {
    id: '111122223333', alias: 'dev', region: 'eu-west-1', partition: 'aws-us-gov',
    roles: [{ name: 'admin', maxSession: 3600, scopedDown: 1, rules: [n('all')] }, { name: 'Beta', maxSession: 3600, rules: [n('all')] }],
  });
  assert.deepEqual(prod?.roles, [
    { name: 'Operator', description: 'Operate production', maxSession: 3600, rules: [n('grant:g1')], grant: { endsAt: '2026-05-01T12:05:00.000Z', remaining: '2 h 5 min left', reason: 'INC-42' } },
    { name: 'ReadOnly', region: 'eu-west-1', maxSession: 7200, saml: 1, rules: [n('readonly'), n('all')] },
  ]);
  assert.equal(prod?.colour, '#c62828');
  assert.equal(prod?.region, 'us-east-1');
  assert.ok(!JSON.stringify(wire).includes('arn:'), 'no ARN reaches the browser');
});

test('decoding gives every role back as the picker shows it, in the same order', () => {
  const groups = decodeCatalogue(encodeCatalogue(held, NOW));
  assert.deepEqual(groups.map((g) => [g.accountId, g.accountAlias, g.accountColour]), [['111122223333', 'dev', undefined], ['444455556666', 'prod', '#c62828']]);
  for (const g of groups) {
    for (const view of g.roles) {
      const def = role(view.id);
      assert.equal(view.roleName, def.roleName);
      assert.equal(view.accountId, def.accountId);
      assert.equal(view.accountAlias, def.accountAlias);
      assert.equal(view.accountColour, def.accountColour);
      assert.equal(view.region, def.region);
      assert.equal(view.partition, def.partition);
      assert.equal(view.delivery, def.delivery);
      assert.equal(view.maxSessionDurationSeconds, def.maxSessionDurationSeconds);
      assert.equal(view.description, def.description);
      assert.equal(view.scopedDown, def.sessionPolicy ? true : undefined);
    }
  }
  const readOnly = groups[1]?.roles[1];
  assert.deepEqual(readOnly?.grantedBy, ['readonly', 'all']);
  assert.equal(groups[1]?.roles[0]?.grant?.reason, 'INC-42');
  assert.equal(readOnly?.grant, undefined);
});

test('no held role: an empty catalogue', () => {
  assert.deepEqual(encodeCatalogue([], NOW), { rules: [], accounts: [] });
  assert.deepEqual(decodeCatalogue({ rules: [], accounts: [] }), []);
});

test('the same alias in two accounts is ordered by account id', () => {
  const twin = { ...role('111122223333/Beta'), id: '000011112222/Beta', accountId: '000011112222' };
  const wire = encodeCatalogue([{ role: role('111122223333/Beta'), grantedBy: [] }, { role: twin, grantedBy: [] }], NOW);
  assert.deepEqual(wire.accounts.map((a) => a.id), ['000011112222', '111122223333']);
});
