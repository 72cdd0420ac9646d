import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffConfigs } from './diff';
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
