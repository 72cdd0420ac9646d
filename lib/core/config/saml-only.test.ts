import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configEditSchema, editConfig, type ConfigEdit } from './edit';
import { exportConfigYaml } from './export';
import { ConfigError, parseConfigText, type RolegateConfig } from './parse';
import { SAML_ONLY_YAML } from './fixtures';

function problemsOf(text: string): string[] {
  try {
    parseConfigText(text, 'rolegate.yaml');
  } catch (e) {
    assert.ok(e instanceof ConfigError);
    return e.problems.map((p) => `${p.path}: ${p.message}`);
  }
  assert.fail('expected the config to be rejected');
}

test('issue 13 §1: a SAML-only config (idps omitted or empty) is valid', () => {
  const omitted = parseConfigText(SAML_ONLY_YAML);
  assert.deepEqual(omitted.idps, []);
  assert.deepEqual(omitted.samlConnections.map((c) => c.id), ['adfs']);
  assert.deepEqual(parseConfigText(`idps: []\n${SAML_ONLY_YAML}`).idps, []);
});

test('issue 13 §1: a config with neither an OIDC IdP nor a SAML connection is refused: nobody could sign in', () => {
  const noConnections = SAML_ONLY_YAML.replace(/samlConnections:\n(    .*\n|  - .*\n)*/, '').replace(/rules:\n.*\n/, '').replace(/admins:\n.*\n/, '');
  assert.deepEqual(problemsOf(noConnections), ['idps: nobody could sign in: add an OIDC IdP (idps) or a SAML connection (samlConnections)']);
  assert.deepEqual(problemsOf(`idps: []\nsamlConnections: []\n${noConnections}`), ['idps: nobody could sign in: add an OIDC IdP (idps) or a SAML connection (samlConnections)']);
});

const METADATA = `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com/saml"><!-- ${'x'.repeat(80)} --></EntityDescriptor>`;
const samlOnly = parseConfigText(SAML_ONLY_YAML);
const edit = (config: RolegateConfig, e: unknown) => parseConfigText(editConfig(config, configEditSchema.parse(e) as ConfigEdit));
const generic = (attributes?: Record<string, string[]>) => ({ op: 'putSamlConnection', connection: { id: 'corp', name: 'Corp IdP', preset: 'generic', metadataXml: METADATA, ...(attributes ? { attributes } : {}) } });

test('issue 13 §1: the admin edit adds a generic SAML connection with its attribute names (several per kind)', () => {
  const added = edit(samlOnly, generic({ groups: ['memberOf', 'groups'], email: ['mail'], name: [] }));
  assert.deepEqual(added.samlConnections.find((c) => c.id === 'corp')?.attributes, { groups: ['memberOf', 'groups'], email: ['mail'] });
  // Without attribute names a generic connection is still refused, with the reason.
  assert.throws(() => edit(samlOnly, generic()), (e: unknown) => e instanceof ConfigError && e.problems.some((p) => p.message === 'a generic connection must name its groups or email attribute'));
  assert.throws(() => edit(samlOnly, generic({ groups: [], email: [] })), (e: unknown) => e instanceof ConfigError && e.problems.some((p) => p.path === 'samlConnections[1].attributes'));
});

test('issue 13 §1: an edit that gives attribute names replaces the stored ones; one that does not keeps them', () => {
  const added = edit(samlOnly, generic({ groups: ['memberOf'], email: ['mail'] }));
  const replaced = edit(added, generic({ email: ['upn'] }));
  assert.deepEqual(replaced.samlConnections.find((c) => c.id === 'corp')?.attributes, { email: ['upn'] });
  const kept = edit(added, { op: 'putSamlConnection', connection: { id: 'corp', name: 'Renamed', preset: 'generic', metadataXml: METADATA } });
  assert.deepEqual(kept.samlConnections.find((c) => c.id === 'corp')?.attributes, { groups: ['memberOf'], email: ['mail'] });
  // A preset's defaults apply again once its names are cleared.
  const adfs = edit(samlOnly, { op: 'putSamlConnection', connection: { id: 'adfs', name: 'ADFS', preset: 'adfs', metadataUrl: 'https://adfs.example.com/md', attributes: { groups: [], email: [], name: [] } } });
  assert.deepEqual(adfs.samlConnections[0]?.attributes, {});
});

test('issue 13 §1: a SAML-only config takes admin edits, exports and re-imports; it may gain an OIDC IdP', () => {
  const text = exportConfigYaml(samlOnly, { at: new Date(0), by: 'test' });
  assert.deepEqual(parseConfigText(text).idps, []);
  const disabled = edit(samlOnly, { op: 'setDisabled', section: 'samlConnections', id: 'adfs', disabled: true });
  assert.equal(disabled.samlConnections[0]?.disabled, true);
  const withOidc = edit(samlOnly, { op: 'putOidcIdp', idp: { id: 'okta', name: 'Okta', preset: 'okta', issuer: 'https://example.okta.com', clientId: 'c1' } });
  assert.deepEqual(withOidc.idps.map((i) => i.id), ['okta']);
});

test('issue 13 §1: bad attribute names in an edit are refused by the edit schema (a 400, never a 500)', () => {
  const bad = (attributes: unknown) => configEditSchema.safeParse({ ...generic(), connection: { ...generic().connection, attributes } });
  assert.equal(bad({ groups: ['memberOf'] }).success, true);
  for (const attributes of [{ groups: 'memberOf' }, { groups: [''] }, { groups: ['x'.repeat(257)] }, { roles: ['memberOf'] }, { email: ['mail\u0000'] }]) {
    assert.equal(bad(attributes).success, false, JSON.stringify(attributes));
  }
});
