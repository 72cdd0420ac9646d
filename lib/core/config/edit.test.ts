import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../errors';
import { diffConfigs } from './diff';
import { configEditSchema, editConfig, type ConfigEdit } from './edit';
import { EXAMPLE_CONFIG_YAML } from './fixtures';
import { ConfigError, parseConfigText } from './parse';

const live = parseConfigText(EXAMPLE_CONFIG_YAML);
const METADATA = `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com/saml"><!-- ${'x'.repeat(80)} --></EntityDescriptor>`;
const apply = (edit: unknown) => parseConfigText(editConfig(live, configEditSchema.parse(edit) as ConfigEdit));
const changes = (edit: unknown) => diffConfigs(live, apply(edit));

test('disabling and enabling each kind of entry changes exactly that entry', () => {
  assert.deepEqual(changes({ op: 'setDisabled', section: 'rules', id: 'dev-admins', disabled: true }), [{ section: 'rules', id: 'dev-admins', kind: 'changed', fields: ['disabled'] }]);
  assert.deepEqual(changes({ op: 'setDisabled', section: 'idps', id: 'google', disabled: true }), [{ section: 'idps', id: 'google', kind: 'changed', fields: ['disabled'] }]);
  const acct = changes({ op: 'setDisabled', section: 'accounts', id: '444455556666', disabled: true });
  assert.deepEqual(acct.map((c) => `${c.kind} ${c.section}/${c.id}`), ['changed accounts/444455556666', 'removed roles/444455556666/Operator', 'removed roles/444455556666/ReadOnly']);
  assert.deepEqual(changes({ op: 'setDisabled', section: 'rules', id: 'dev-admins', disabled: false }), []);
});

test('rules: add, replace by id, delete', () => {
  const rule = { id: 'auditors', groups: ['auditors'], roles: ['prod/ReadOnly'] };
  assert.deepEqual(changes({ op: 'putRule', rule }), [{ section: 'rules', id: 'auditors', kind: 'added' }]);
  const replaced = apply({ op: 'putRule', rule: { ...rule, id: 'dev-admins' } }).rules.find((r) => r.id === 'dev-admins');
  assert.deepEqual([replaced?.groups, replaced?.roles, replaced?.idps], [['auditors'], ['444455556666/ReadOnly'], undefined]);
  assert.deepEqual(changes({ op: 'deleteRule', id: 'google-domain' }), [{ section: 'rules', id: 'google-domain', kind: 'removed' }]);
});

test('accounts: alias, region and colour; null removes the colour', () => {
  const edited = apply({ op: 'updateAccount', id: '111122223333', alias: 'sandbox', region: 'eu-central-1', colour: '#aa3300' }).accounts[0];
  assert.deepEqual([edited?.alias, edited?.region, edited?.colour], ['sandbox', 'eu-central-1', '#aa3300']);
  const withColour = parseConfigText(editConfig(live, { op: 'updateAccount', id: '111122223333', colour: '#aa3300' }));
  assert.equal(parseConfigText(editConfig(withColour, { op: 'updateAccount', id: '111122223333', colour: null })).accounts[0]?.colour, undefined);
});

test('SAML connections: add with pasted metadata; an edit switching to a URL keeps the settings the form does not show', () => {
  const added = apply({ op: 'putSamlConnection', connection: { id: 'corp', name: 'Corp ADFS', preset: 'adfs', metadataXml: METADATA } });
  assert.equal(added.samlConnections[0]?.metadataXml, METADATA);
  const withSkew = parseConfigText(editConfig(added, { op: 'setDisabled', section: 'samlConnections', id: 'corp', disabled: true }).replace('clockSkewSeconds: 60', 'clockSkewSeconds: 120'));
  const moved = parseConfigText(editConfig(withSkew, { op: 'putSamlConnection', connection: { id: 'corp', name: 'Corp', preset: 'adfs', metadataUrl: 'https://idp.example.com/metadata', allowIdpInitiated: false, forceAuthn: false } }));
  const conn = moved.samlConnections[0];
  assert.deepEqual([conn?.metadataUrl, conn?.metadataXml, conn?.clockSkewSeconds, conn?.disabled], ['https://idp.example.com/metadata', undefined, 120, true]);
});

test('issue 12 §1: a SAML connection edit sets emailsAuthoritative, or leaves it to the preset; never on for Entra', () => {
  const put = (over: Record<string, unknown>) => ({ op: 'putSamlConnection', connection: { id: 'corp', name: 'Corp', preset: 'adfs', metadataXml: METADATA, ...over } });
  const off = apply(put({ emailsAuthoritative: false }));
  assert.equal(off.samlConnections[0]?.emailsAuthoritative, false);
  const back = parseConfigText(editConfig(off, configEditSchema.parse(put({})) as ConfigEdit));
  assert.equal(back.samlConnections[0]?.emailsAuthoritative, true, 'preset default again');
  const toEntra = parseConfigText(editConfig(back, configEditSchema.parse(put({ preset: 'entra' })) as ConfigEdit));
  assert.equal(toEntra.samlConnections[0]?.emailsAuthoritative, false, 'a preset change re-derives the default');
  assert.throws(() => apply(put({ preset: 'entra', emailsAuthoritative: true })), (e: unknown) => e instanceof ConfigError && /Entra does not verify/.test(e.message));
});

test('rejects: an unknown entry is NOT_FOUND; a bad op is a schema error; an invalid result fails validation', () => {
  assert.throws(() => editConfig(live, { op: 'deleteRule', id: 'nope' }), (e: unknown) => e instanceof GatewayError && e.code === 'NOT_FOUND');
  assert.throws(() => editConfig(live, { op: 'setDisabled', section: 'accounts', id: '999999999999', disabled: true }), (e: unknown) => e instanceof GatewayError && e.code === 'NOT_FOUND');
  assert.equal(configEditSchema.safeParse({ op: 'dropTable' }).success, false);
  assert.equal(configEditSchema.safeParse({ op: 'putRule', rule: { id: 'x', roles: [] } }).success, false);
  assert.equal(configEditSchema.safeParse({ op: 'setDisabled', section: 'roles', id: 'x', disabled: true }).success, false);
  assert.throws(() => apply({ op: 'putRule', rule: { id: 'x', groups: ['g'], roles: ['nope/Nope'] } }), (e: unknown) => e instanceof ConfigError && /unknown role/.test(e.message));
  assert.throws(() => apply({ op: 'updateAccount', id: '111122223333', alias: 'prod' }), (e: unknown) => e instanceof ConfigError && /duplicate account alias/.test(e.message));
  assert.throws(() => apply({ op: 'updateAccount', id: '111122223333', colour: 'red' }), (e: unknown) => e instanceof ConfigError && /colour/.test(e.message));
  assert.throws(() => apply({ op: 'putSamlConnection', connection: { id: 'okta', name: 'Clash', preset: 'okta', metadataXml: METADATA } }), (e: unknown) => e instanceof ConfigError && /duplicate IdP/.test(e.message));
});

const ROLE = { name: 'Billing', maxSessionDuration: 3600, delivery: 'web-identity' as const, sessionTags: {}, requestable: false };

test('accounts and roles: add an account with its first role, add and replace a role, delete a role', () => {
  const added = apply({ op: 'addAccount', account: { id: '999988887777', alias: 'finance', region: 'eu-west-2' }, role: ROLE });
  assert.equal(added.roles.get('999988887777/Billing')?.arn, 'arn:aws:iam::999988887777:role/Billing');
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
  const role = apply({ op: 'putRole', accountId: '111122223333', role: { ...ROLE, name: 'Admin', delivery: 'saml', maxSessionDuration: 7200, sessionTags: { team: 'department' }, sessionPolicy: policy } }).roles.get('111122223333/Admin');
  assert.deepEqual([role?.delivery, role?.maxSessionDurationSeconds, role?.sessionTags, JSON.parse(role?.sessionPolicy ?? '{}')], ['saml', 7200, { team: 'department' }, JSON.parse(policy)]);
  assert.deepEqual(changes({ op: 'putRole', accountId: '444455556666', role: ROLE }), [{ section: 'roles', id: '444455556666/Billing', kind: 'added' }]);
  // Deleting a role no rule names works; deleting one a rule names fails validation and names the rule.
  const spare = parseConfigText(editConfig(live, { op: 'putRole', accountId: '444455556666', role: ROLE }));
  assert.equal(parseConfigText(editConfig(spare, { op: 'deleteRole', accountId: '444455556666', name: 'Billing' })).roles.has('444455556666/Billing'), false);
  assert.throws(() => apply({ op: 'deleteRole', accountId: '444455556666', name: 'Operator' }), (e: unknown) => e instanceof ConfigError && /rules\[2\]\.roles\[0\]: unknown role/.test(e.message));
});

test('accounts and roles are refused when AWS would refuse them', () => {
  assert.throws(() => editConfig(live, { op: 'addAccount', account: { id: '111122223333', alias: 'again', partition: 'aws', region: 'eu-west-1' }, role: ROLE }), (e: unknown) => e instanceof GatewayError && e.code === 'BAD_REQUEST');
  assert.throws(() => apply({ op: 'addAccount', account: { id: '12345', alias: 'short', region: 'eu-west-1' }, role: ROLE }), (e: unknown) => e instanceof ConfigError && /12 digits/.test(e.message));
  assert.throws(() => apply({ op: 'putRole', accountId: '111122223333', role: { ...ROLE, maxSessionDuration: 60 } }), (e: unknown) => e instanceof ConfigError && /maxSessionDuration/.test(e.message));
  assert.throws(() => apply({ op: 'putRole', accountId: '111122223333', role: { ...ROLE, name: 'bad name!' } }), (e: unknown) => e instanceof ConfigError && /IAM role names/.test(e.message));
  assert.throws(() => apply({ op: 'putRole', accountId: '111122223333', role: { ...ROLE, sessionPolicy: '{"Version":' } }), (e: unknown) => e instanceof ConfigError && /sessionPolicy: is not valid JSON/.test(e.message));
  assert.throws(() => apply({ op: 'putRole', accountId: '111122223333', role: { ...ROLE, sessionPolicy: JSON.stringify({ Statement: 'x'.repeat(2100) }) } }), (e: unknown) => e instanceof ConfigError && /2,048|2048/.test(e.message));
  assert.throws(() => editConfig(live, { op: 'deleteRole', accountId: '111122223333', name: 'Nope' }), (e: unknown) => e instanceof GatewayError && e.code === 'NOT_FOUND');
  const single = parseConfigText(editConfig(live, { op: 'addAccount', account: { id: '999988887777', alias: 'finance', partition: 'aws', region: 'eu-west-2' }, role: ROLE }));
  assert.throws(() => editConfig(single, { op: 'deleteRole', accountId: '999988887777', name: 'Billing' }), (e: unknown) => e instanceof GatewayError && e.code === 'BAD_REQUEST' && /at least one role/.test(e.publicDetail ?? ''));
});

test('OIDC IdPs: add one, edit one keeping what the form does not show; a Google IdP needs its domains', () => {
  const added = apply({ op: 'putOidcIdp', idp: { id: 'acme', name: 'Acme Okta', preset: 'okta', issuer: 'https://acme.okta.com', clientId: '0oa-acme' } });
  assert.deepEqual(added.idps.map((i) => i.id), ['okta', 'google', 'entra', 'acme']);
  const entra = apply({ op: 'putOidcIdp', idp: { id: 'entra', name: 'Entra (corp)', preset: 'entra', issuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0', clientId: 'new-client' } }).idps.find((i) => i.id === 'entra');
  assert.deepEqual([entra?.name, entra?.clientId, entra?.preset === 'entra' && entra.groupNames['9f1c1a2e-0000-4000-8000-000000000001']], ['Entra (corp)', 'new-client', 'aws-prod-operators']);
  assert.throws(() => apply({ op: 'putOidcIdp', idp: { id: 'gw', name: 'GW', preset: 'google', issuer: 'https://accounts.google.com', clientId: 'x' } }), (e: unknown) => e instanceof ConfigError && /allowedDomains/.test(e.message));
  assert.throws(() => apply({ op: 'putOidcIdp', idp: { id: 'plain', name: 'Plain', preset: 'generic', issuer: 'http://idp.example.com', clientId: 'x' } }), (e: unknown) => e instanceof ConfigError && /issuer: must be https/.test(e.message));
  assert.equal(configEditSchema.safeParse({ op: 'putOidcIdp', idp: { id: 'a', name: 'A', preset: 'okta', issuer: 'https://a', clientId: 'x', clientSecret: 'nope' } }).success, false, 'no secret in a config edit');
});
