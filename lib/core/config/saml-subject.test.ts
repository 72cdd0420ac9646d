/**
 * Issue 13 §2 in the config: a SAML connection's subjectAttribute, nameIdPolicy and forceAuthn — their
 * defaults, the refusals (a transient policy without a subject attribute, a name the namespaced subject
 * could not split back), the admin edit (the form shows them: absent is the default) and export → import.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configEditSchema, editConfig, type ConfigEdit } from './edit';
import { exportConfigYaml } from './export';
import { SAML_ONLY_YAML } from './fixtures';
import { ConfigError, parseConfigText } from './parse';

const EPPN = 'urn:oid:1.3.6.1.4.1.5923.1.1.1.6';
const withConnection = (extra: string) =>
  SAML_ONLY_YAML.replace('    name: Corporate ADFS\n', `    name: Corporate ADFS\n${extra}`);
const refused = (yaml: string, message: RegExp) =>
  assert.throws(() => parseConfigText(yaml), (e: unknown) => e instanceof ConfigError && message.test(e.message));

test('defaults: the NameID is the subject, the AuthnRequest names no Format, no ForceAuthn', () => {
  const conn = parseConfigText(SAML_ONLY_YAML).samlConnections[0];
  assert.deepEqual([conn?.subjectAttribute, conn?.nameIdPolicy, conn?.forceAuthn], [undefined, 'omit', false]);
});

test('a subject attribute, each NameID policy and ForceAuthn are accepted', () => {
  for (const policy of ['persistent', 'emailAddress', 'unspecified', 'omit']) {
    assert.equal(parseConfigText(withConnection(`    nameIdPolicy: ${policy}\n`)).samlConnections[0]?.nameIdPolicy, policy);
  }
  const conn = parseConfigText(withConnection(`    subjectAttribute: "${EPPN}"\n    nameIdPolicy: transient\n    forceAuthn: true\n`)).samlConnections[0];
  assert.deepEqual([conn?.subjectAttribute, conn?.nameIdPolicy, conn?.forceAuthn], [EPPN, 'transient', true]);
});

test('refused: a transient policy without a subject attribute, with a message that says what to set', () => {
  refused(withConnection('    nameIdPolicy: transient\n'), /samlConnections\[0\]\.nameIdPolicy: a transient NameID is new at every sign-in: name the stable subjectAttribute/);
});

test('refused: a subject attribute that is empty, spaced, holds "=" or a control character, or is too long; an unknown policy', () => {
  for (const bad of ['""', '"employee id"', '"a=b"', '"a\\tb"', `"${'x'.repeat(257)}"`]) {
    refused(withConnection(`    subjectAttribute: ${bad}\n`), /subjectAttribute: an attribute name/);
  }
  refused(withConnection('    nameIdPolicy: kerberos\n'), /nameIdPolicy/);
  refused(withConnection('    forceAuthn: "yes"\n'), /forceAuthn/);
});

test('export → import keeps the three settings', () => {
  const config = parseConfigText(withConnection(`    subjectAttribute: objectGUID\n    nameIdPolicy: persistent\n    forceAuthn: true\n`));
  const yaml = exportConfigYaml(config, { at: new Date('2031-01-01T00:00:00Z'), by: 'alice@example.com' });
  assert.match(yaml, /subjectAttribute: objectGUID/);
  assert.deepEqual(parseConfigText(yaml, 'export.yaml').samlConnections, config.samlConnections);
});

test('the admin edit sets them, and an edit without them goes back to the defaults', () => {
  const live = parseConfigText(SAML_ONLY_YAML);
  const put = (over: Record<string, unknown>) =>
    configEditSchema.parse({ op: 'putSamlConnection', connection: { id: 'adfs', name: 'ADFS', preset: 'adfs', metadataUrl: 'https://adfs.example.com/md', ...over } }) as ConfigEdit;
  const set = parseConfigText(editConfig(live, put({ subjectAttribute: EPPN, nameIdPolicy: 'transient', forceAuthn: true })));
  const conn = set.samlConnections[0];
  assert.deepEqual([conn?.subjectAttribute, conn?.nameIdPolicy, conn?.forceAuthn], [EPPN, 'transient', true]);
  const back = parseConfigText(editConfig(set, put({}))).samlConnections[0];
  assert.deepEqual([back?.subjectAttribute, back?.nameIdPolicy, back?.forceAuthn], [undefined, 'omit', false]);
  // Dropping the subject attribute of a transient connection is refused, not saved half-way.
  assert.throws(() => parseConfigText(editConfig(set, put({ nameIdPolicy: 'transient' }))), (e: unknown) => e instanceof ConfigError && /transient/.test(e.message));
  assert.equal(configEditSchema.safeParse({ op: 'putSamlConnection', connection: { id: 'a', name: 'A', preset: 'adfs', nameIdPolicy: 'x509' } }).success, false);
  assert.equal(configEditSchema.safeParse({ op: 'putSamlConnection', connection: { id: 'a', name: 'A', preset: 'adfs', subjectAttribute: 'a\u0000' } }).success, false);
});
