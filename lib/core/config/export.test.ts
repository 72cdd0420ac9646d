import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportConfigYaml } from './export';
import { EXAMPLE_CONFIG_YAML } from './fixtures';
import { parseConfigText, type RolegateConfig } from './parse';

const header = { at: new Date('2031-01-01T00:00:00Z'), by: 'alice@example.com' };
const comparable = (c: RolegateConfig) => ({ ...c, roles: [...c.roles.entries()] });

test('export → parse gives the same config, roles and rules included; exporting again is byte-identical', () => {
  const config = parseConfigText(`${EXAMPLE_CONFIG_YAML}\naudit: { retentionDays: 90 }\n`);
  const yaml = exportConfigYaml(config, header);
  const again = parseConfigText(yaml, 'export.yaml');
  assert.deepEqual(comparable(again), comparable(config));
  assert.equal(exportConfigYaml(again, header), yaml);
  assert.match(yaml, /^# Rolegate config exported 2031-01-01T00:00:00.000Z by alice@example.com\./);
  assert.ok(!/^roles:/m.test(yaml), 'the derived role table is not part of the file');
});

test('issue 12: { idp, email } admins and a SAML connection’s emailsAuthoritative survive export → import', () => {
  const saml = `samlConnections:\n  - { id: corp, preset: generic, name: Corp, metadataUrl: https://idp.corp.example/metadata, attributes: { email: [mail] } }\n`;
  const config = parseConfigText(`${EXAMPLE_CONFIG_YAML}\n${saml}admins: { emails: [{ idp: okta, email: root@example.com }], breakGlassEmails: [{ idp: corp, email: ops@example.com }] }\n`);
  const yaml = exportConfigYaml(config, header);
  assert.match(yaml, /emailsAuthoritative: false/, 'the preset default is written out');
  const again = parseConfigText(yaml, 'export.yaml');
  assert.deepEqual(comparable(again), comparable(config));
  assert.deepEqual(again.admins.breakGlassEmails, [{ idp: 'corp', email: 'ops@example.com' }]);
});

test('the export holds no secret-looking keys, and a header cannot be broken by a newline in a name', () => {
  const yaml = exportConfigYaml(parseConfigText(EXAMPLE_CONFIG_YAML), { ...header, by: 'eve\nroles: evil' });
  assert.ok(!/secret|password|privateKey|clientSecret/i.test(yaml.split('\n').slice(2).join('\n')));
  assert.ok(!/^roles: evil/m.test(yaml));
});
