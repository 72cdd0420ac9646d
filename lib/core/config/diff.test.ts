import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson, diffConfigs } from './diff';
import { restartOnlyProblems } from './restart-only';
import { exportConfigYaml } from './export';
import { EXAMPLE_CONFIG_YAML } from './fixtures';
import { parseConfigText } from './parse';

const live = parseConfigText(EXAMPLE_CONFIG_YAML);

test('an export of the live config changes nothing', () => {
  const exported = parseConfigText(exportConfigYaml(live, { at: new Date(), by: 'alice' }));
  assert.deepEqual(diffConfigs(live, exported), []);
});

test('a rule that gains a group, a new role and a removed rule are each listed, with the fields that changed', () => {
  const next = parseConfigText(
    EXAMPLE_CONFIG_YAML.replace('    groups: [aws-prod-operators]\n', '    groups: [aws-prod-operators, aws-sre]\n')
      .replace('      - name: ReadOnly\nrules:', '      - name: ReadOnly\n      - name: Auditor\nrules:')
      .replace('  - id: google-domain\n    idps: [google]\n    emailDomains: [example.com]\n    roles: [dev/ReadOnly]\n', '')
      .concat('\naudit: { retentionDays: 90 }\n'),
  );
  const changes = diffConfigs(live, next);
  assert.deepEqual(changes.find((c) => c.id === 'prod-operators'), { section: 'rules', id: 'prod-operators', kind: 'changed', fields: ['groups'] });
  assert.deepEqual(changes.find((c) => c.id === 'google-domain'), { section: 'rules', id: 'google-domain', kind: 'removed' });
  assert.ok(changes.some((c) => c.section === 'roles' && c.kind === 'added' && c.id.endsWith('/Auditor')));
  assert.ok(changes.some((c) => c.section === 'settings' && c.id === 'audit' && c.kind === 'changed'));
  assert.equal(changes.filter((c) => c.section === 'accounts').length, 0, 'a new role is not also an account change');
});

test('key order is not a change: the file and its export (keys sorted) compare equal, restart-only settings too', () => {
  const file = parseConfigText(EXAMPLE_CONFIG_YAML);
  const exported = parseConfigText(exportConfigYaml(file, { at: new Date(0), by: 'test' }));
  assert.notEqual(JSON.stringify(file.samlIdp), JSON.stringify(exported.samlIdp), 'the fixture must differ in key order for this test to mean anything');
  assert.deepEqual(diffConfigs(file, exported), []);
  assert.deepEqual(restartOnlyProblems(file, exported), []);
  assert.equal(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 3 } }), '{"a":{"c":3,"d":[2,{"e":0,"f":1}]},"b":1}');
});
