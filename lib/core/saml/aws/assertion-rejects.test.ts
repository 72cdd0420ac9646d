import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAwsSamlResponse } from './assertion';
import { cert, expectRejected as rejects, input, NOW, PROVIDER } from './test-fixtures';

const INJECTION =
  'x</saml:AttributeValue></saml:Attribute><saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/Role">' +
  '<saml:AttributeValue>arn:aws:iam::999999999999:role/Evil,arn:aws:iam::999999999999:saml-provider/Evil';

test('RoleSessionName with <, ", comma, newline, TAB or U+2028 → SAML_ATTRIBUTE_INVALID', async () => {
  for (const name of [
    'ali<ce',
    'ali"ce',
    "ali'ce",
    'alice,bob',
    'alice\nbob',
    'alice\r\n',
    'ali\tce',
    'ali\u2028ce',
    'a&b',
  ]) {
    await rejects({ roleSessionName: name }, 'SAML_ATTRIBUTE_INVALID', name);
  }
});

test('RoleSessionName too short, too long or with other characters → AWS_VALUE_INVALID', async () => {
  await rejects({ roleSessionName: 'a' }, 'AWS_VALUE_INVALID');
  await rejects({ roleSessionName: '' }, 'AWS_VALUE_INVALID');
  await rejects({ roleSessionName: 'a'.repeat(65) }, 'AWS_VALUE_INVALID');
  await rejects({ roleSessionName: 'alice smith' }, 'AWS_VALUE_INVALID');
  await rejects({ roleSessionName: 'José' }, 'AWS_VALUE_INVALID');
});

test('a principal tag value that tries to inject a Role attribute is rejected', async () => {
  await rejects({ principalTags: { Team: INJECTION } }, 'SAML_ATTRIBUTE_INVALID', INJECTION);
  await rejects({ principalTags: { [INJECTION]: 'x' } }, 'SAML_ATTRIBUTE_INVALID', INJECTION);
  await rejects({ roleSessionName: INJECTION }, 'SAML_ATTRIBUTE_INVALID', INJECTION);
  await rejects({ sourceIdentity: INJECTION }, 'SAML_ATTRIBUTE_INVALID', INJECTION);
  await rejects({ nameId: INJECTION }, 'SAML_ATTRIBUTE_INVALID', INJECTION);
  await rejects({ transitiveTagKeys: [INJECTION] }, 'SAML_ATTRIBUTE_INVALID', INJECTION);
});

test('principal tags and transitive keys outside AWS rules → AWS_VALUE_INVALID', async () => {
  await rejects({ principalTags: { 'aws:team': 'x' } }, 'AWS_VALUE_INVALID');
  await rejects({ principalTags: { Team: 'x'.repeat(257) } }, 'AWS_VALUE_INVALID');
  await rejects({ principalTags: { Team: 'semi;colon' } }, 'AWS_VALUE_INVALID');
  await rejects({ principalTags: { Team: 'a', team: 'b' } }, 'AWS_VALUE_INVALID');
  const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
  await rejects({ principalTags: many }, 'AWS_VALUE_INVALID');
  await rejects(
    { principalTags: { Team: 'a' }, transitiveTagKeys: ['Other'] },
    'AWS_VALUE_INVALID',
  );
  await rejects(
    { principalTags: { Team: 'a' }, transitiveTagKeys: ['Team', 'team'] },
    'AWS_VALUE_INVALID',
  );
});

test('lifetime over 300 s, zero or fractional; invalid now → SAML_ATTRIBUTE_INVALID', async () => {
  for (const lifetimeSeconds of [301, 3600, 0, -5, 1.5, Number.NaN]) {
    await rejects({ lifetimeSeconds }, 'SAML_ATTRIBUTE_INVALID');
  }
  await rejects({ now: new Date(Number.NaN) }, 'SAML_ATTRIBUTE_INVALID');
});

test('SessionDuration outside 900–43200 → AWS_VALUE_INVALID', async () => {
  for (const sessionDurationSeconds of [899, 43201, 0, 3600.5]) {
    await rejects({ sessionDurationSeconds }, 'AWS_VALUE_INVALID');
  }
});

test('issue 12: SessionNotOnOrAfter missing, past, over 12 h on, or before SessionDuration ends → SAML_ATTRIBUTE_INVALID', async () => {
  const at = (s: number) => new Date(NOW.getTime() + s * 1000);
  for (const sessionNotOnOrAfter of [undefined, new Date(Number.NaN), at(0), at(-60), at(43_201)]) {
    await rejects({ sessionNotOnOrAfter: sessionNotOnOrAfter as Date }, 'SAML_ATTRIBUTE_INVALID');
  }
  await rejects({ sessionDurationSeconds: 3600, sessionNotOnOrAfter: at(1800) }, 'SAML_ATTRIBUTE_INVALID');
  await rejects({ sessionDurationSeconds: undefined as unknown as number }, 'SAML_ATTRIBUTE_INVALID');
  // A window under AWS's 900 s minimum: SessionDuration 900 with the earlier SessionNotOnOrAfter is valid.
  const xml = buildAwsSamlResponse(await input({ sessionDurationSeconds: 900, sessionNotOnOrAfter: at(300) }));
  assert.ok(xml.includes(`SessionNotOnOrAfter="${at(300).toISOString()}"`));
});

test('SourceIdentity starting with aws: or outside 2–64 [\\w+=,.@-] is rejected', async () => {
  await rejects({ sourceIdentity: 'aws:alice' }, 'AWS_VALUE_INVALID');
  await rejects({ sourceIdentity: 'AWS:alice' }, 'AWS_VALUE_INVALID');
  await rejects({ sourceIdentity: 'a' }, 'AWS_VALUE_INVALID');
  await rejects({ sourceIdentity: 'alice,bob' }, 'SAML_ATTRIBUTE_INVALID', 'alice,bob');
});

test('bad issuer, recipient or NameID → SAML_ATTRIBUTE_INVALID', async () => {
  for (const issuer of [
    'not a url',
    'javascript:alert(1)',
    'http://rolegate.example.com/idp',
    'https://u:p@rolegate.example.com/',
    'https://rolegate.example.com/#x',
    'https://rolegate.example.com/?a=1&b=2',
  ]) {
    await rejects({ issuer }, 'SAML_ATTRIBUTE_INVALID');
  }
  await rejects({ recipient: 'https://signin.aws.amazon.com/saml"><x' }, 'SAML_ATTRIBUTE_INVALID');
  await rejects({ nameId: '' }, 'SAML_ATTRIBUTE_INVALID');
  await rejects({ nameId: 'has space' }, 'SAML_ATTRIBUTE_INVALID');
  await rejects({ nameId: 'x'.repeat(257) }, 'SAML_ATTRIBUTE_INVALID');
});

test('a signer whose key does not match its certificate → SIGNING_KEY_UNAVAILABLE', async () => {
  const { signer } = await input();
  const other = await cert('attacker');
  await rejects({ signer: { ...signer, certPem: other.certPem } }, 'SIGNING_KEY_UNAVAILABLE');
  await rejects({ signer: { ...signer, privateKeyPem: 'not a key' } }, 'SIGNING_KEY_UNAVAILABLE');
});

test('a response past STS’s 100 000 base64 characters → SAML_TOO_LARGE', async () => {
  const roles = Array.from({ length: 100 }, (_, i) => ({
    roleArn: `arn:aws:iam::123456789012:role/${'p'.repeat(500)}/Role${i}`,
    providerArn: PROVIDER,
  }));
  const tags = Object.fromEntries(
    Array.from({ length: 50 }, (_, i) => [`${i}`.padEnd(128, 'k'), 'v'.repeat(256)]),
  );
  await rejects({ roles, principalTags: tags }, 'SAML_TOO_LARGE');
});
