import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, parseConfigText } from './parse';
import { EXAMPLE_CONFIG_YAML } from './fixtures';

function problemsOf(text: string): string[] {
  try {
    parseConfigText(text, 'rolegate.yaml');
  } catch (e) {
    assert.ok(e instanceof ConfigError);
    assert.equal(e.code, 'CONFIG_INVALID');
    return e.problems.map((p) => `${p.path}: ${p.message}`);
  }
  assert.fail('expected the config to be rejected');
}

test('a valid config resolves roles with ARNs per partition and rules to role ids', () => {
  const cfg = parseConfigText(EXAMPLE_CONFIG_YAML);
  assert.equal(cfg.publicUrl, 'https://rolegate.example.com');
  const admin = cfg.roles.get('111122223333/Admin');
  assert.equal(admin?.arn, 'arn:aws:iam::111122223333:role/Admin');
  assert.equal(admin?.region, 'eu-west-1');
  assert.deepEqual(cfg.rules[1]?.roles, ['111122223333/ReadOnly', '444455556666/ReadOnly']);
  assert.ok(Object.isFrozen(cfg) && Object.isFrozen(cfg.rules[0]));
});

test('GovCloud and China accounts get their partition ARN', () => {
  const cfg = parseConfigText(EXAMPLE_CONFIG_YAML.replace('alias: prod\n', 'alias: prod\n    partition: aws-us-gov\n').replace('region: us-east-1', 'region: us-gov-west-1'));
  assert.equal(cfg.roles.get('444455556666/Operator')?.arn, 'arn:aws-us-gov:iam::444455556666:role/Operator');
});

test('every problem is listed with its path, not just the first', () => {
  const bad = EXAMPLE_CONFIG_YAML.replace('id: "111122223333"', 'id: "1111"').replace('name: Admin', 'name: "Ad min"').replace('clientId: 0oa1example', 'clientId: ""');
  const problems = problemsOf(bad);
  assert.ok(problems.some((p) => p.startsWith('accounts[0].id: an AWS account id is 12 digits')), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('accounts[0].roles[0].name')), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('idps[0].clientId')), problems.join('\n'));
});

test('rejects http public URLs unless DANGEROUSLY_ALLOW_HTTP, and URLs with paths', () => {
  const http = EXAMPLE_CONFIG_YAML.replace('https://rolegate.example.com', 'http://rolegate.example.com');
  assert.ok(problemsOf(http).some((p) => p.startsWith('publicUrl: must be https://')));
  assert.doesNotThrow(() => parseConfigText(`DANGEROUSLY_ALLOW_HTTP: true\n${http}`));
  assert.ok(problemsOf(EXAMPLE_CONFIG_YAML.replace('https://rolegate.example.com', 'https://x.example.com/sub')).some((p) => p.includes('origin only')));
});

test('issue 12 §7: rejects an https public URL with a port, even under DANGEROUSLY_ALLOW_HTTP; the http demo may have one', () => {
  const withPort = EXAMPLE_CONFIG_YAML.replace('https://rolegate.example.com', 'https://rolegate.example.com:8443');
  for (const text of [withPort, `DANGEROUSLY_ALLOW_HTTP: true\n${withPort}`]) {
    assert.ok(problemsOf(text).some((p) => p.startsWith('publicUrl: must not have a port')), problemsOf(text).join('\n'));
  }
  // :443 is the default port: the URL has none.
  assert.equal(parseConfigText(EXAMPLE_CONFIG_YAML.replace('https://rolegate.example.com', 'https://rolegate.example.com:443')).publicUrl, 'https://rolegate.example.com');
  const demo = EXAMPLE_CONFIG_YAML.replace('https://rolegate.example.com', 'http://localhost:3400');
  assert.equal(parseConfigText(`DANGEROUSLY_ALLOW_HTTP: true\n${demo}`).publicUrl, 'http://localhost:3400');
  assert.ok(problemsOf(demo).some((p) => p.startsWith('publicUrl: must be https://')), 'without the switch http is refused anyway');
});

test('rejects unknown roles and IdPs in rules, duplicates and unknown keys', () => {
  const problems = problemsOf(
    EXAMPLE_CONFIG_YAML.replace('roles: [dev/Admin]', 'roles: [dev/Nope]').replace('idps: [okta]', 'idps: [okta, nope]').replace('alias: prod', 'alias: dev'),
  );
  assert.ok(problems.some((p) => p === 'rules[0].roles[0]: unknown role "dev/Nope" (write <account alias or id>/<role name>)'), problems.join('\n'));
  assert.ok(problems.some((p) => p === 'rules[0].idps[1]: unknown IdP "nope"'), problems.join('\n'));
  assert.ok(problems.some((p) => p === 'accounts: duplicate account alias "dev"'), problems.join('\n'));
  assert.ok(problemsOf(EXAMPLE_CONFIG_YAML.concat('\nsurprise: 1\n')).some((p) => p.includes('surprise')));
});

test('rejects a rule that matches nothing, a Google IdP without domains, and case-duplicate tag keys', () => {
  assert.ok(problemsOf(EXAMPLE_CONFIG_YAML.replace('groups: [aws-dev-admins]', 'groups: []')).some((p) => p.includes('at least one group')));
  assert.ok(problemsOf(EXAMPLE_CONFIG_YAML.replace('allowedDomains: [example.com]', 'allowedDomains: []')).some((p) => p.startsWith('idps[1].allowedDomains')));
  assert.ok(problemsOf(EXAMPLE_CONFIG_YAML.replace('sessionTags: { team: department }', 'sessionTags: { team: a, Team: b }')).some((p) => p.includes('case-insensitive')));
});

test('rejects durations outside 900..43200 and invalid YAML', () => {
  assert.ok(problemsOf(EXAMPLE_CONFIG_YAML.replace('maxSessionDuration: 7200', 'maxSessionDuration: 50000')).some((p) => p.startsWith('accounts[1].roles[0].maxSessionDuration')));
  assert.ok(problemsOf('idps: [').some((p) => p.includes('not valid YAML')));
  assert.ok(problemsOf('a: 1\na: 2\n').some((p) => p.includes('not valid YAML')));
});

const SAML_CONNECTION = `
samlConnections:
  - id: adfs
    preset: adfs
    name: Corporate ADFS
    metadataUrl: https://adfs.example.com/FederationMetadata/2007-06/FederationMetadata.xml
`;

test('SAML connections parse with safe defaults and share the id namespace with OIDC IdPs', () => {
  const cfg = parseConfigText(EXAMPLE_CONFIG_YAML + SAML_CONNECTION);
  const conn = cfg.samlConnections[0];
  assert.equal(conn?.allowIdpInitiated, false);
  assert.equal(conn?.clockSkewSeconds, 60);
  assert.equal(conn?.DANGEROUSLY_ALLOW_SHA1, false);
  assert.equal(cfg.samlIdp.entityId, 'https://rolegate.example.com/aws/saml');
  assert.equal(cfg.roles.get('111122223333/Admin')?.samlProviderArn, 'arn:aws:iam::111122223333:saml-provider/rolegate');
  const withRule = EXAMPLE_CONFIG_YAML.replace('idps: [okta]', 'idps: [okta, adfs]') + SAML_CONNECTION;
  assert.deepEqual(parseConfigText(withRule).rules[0]?.idps, ['okta', 'adfs']);
  assert.ok(problemsOf(EXAMPLE_CONFIG_YAML + SAML_CONNECTION.replace('id: adfs', 'id: okta')).some((p) => p.includes('duplicate IdP or SAML connection id "okta"')));
});

test('a SAML connection needs exactly one metadata source, https, and generic ones name their attributes', () => {
  assert.ok(problemsOf(EXAMPLE_CONFIG_YAML + SAML_CONNECTION.replace(/    metadataUrl: .*\n/, '')).some((p) => p.includes('exactly one of metadataUrl or metadataXml')));
  assert.ok(problemsOf(EXAMPLE_CONFIG_YAML + SAML_CONNECTION.replace('https://adfs', 'http://adfs')).some((p) => p.startsWith('samlConnections[0].metadataUrl: must be https://')));
  assert.ok(problemsOf(EXAMPLE_CONFIG_YAML + SAML_CONNECTION.replace('preset: adfs', 'preset: generic')).some((p) => p.startsWith('samlConnections[0].attributes')));
});

test('issue 13 §5: a SAML connection may not take the id "logout" (/saml/logout is the sign-out route)', () => {
  assert.ok(problemsOf(EXAMPLE_CONFIG_YAML + SAML_CONNECTION.replace('id: adfs', 'id: logout')).some((p) => p.startsWith('samlConnections[0].id: "logout" is reserved')));
  assert.equal(parseConfigText(EXAMPLE_CONFIG_YAML + SAML_CONNECTION.replace('id: adfs', 'id: logouts')).samlConnections[0]?.id, 'logouts');
});

test('issue 12 §1: emailsAuthoritative defaults per preset, is editable, and can never be on for Entra', () => {
  const preset = (p: string, extra = '') => parseConfigText(EXAMPLE_CONFIG_YAML + SAML_CONNECTION.replace('preset: adfs', `preset: ${p}${extra}`)).samlConnections[0]?.emailsAuthoritative;
  assert.deepEqual([preset('adfs'), preset('okta'), preset('shibboleth'), preset('google'), preset('entra')], [true, true, true, true, false]);
  assert.equal(preset('generic', '\n    attributes: { email: [mail] }'), false);
  assert.equal(preset('adfs', '\n    emailsAuthoritative: false'), false);
  assert.equal(preset('generic', '\n    attributes: { email: [mail] }\n    emailsAuthoritative: true'), true);
  assert.ok(problemsOf(EXAMPLE_CONFIG_YAML + SAML_CONNECTION.replace('preset: adfs', 'preset: entra\n    emailsAuthoritative: true')).some((p) => p.startsWith('samlConnections[0].emailsAuthoritative: Entra does not verify')));
});

test('issue 13 §3: the PingFederate, Keycloak, OneLogin and JumpCloud presets parse; only Keycloak\'s emails are unverified by default', () => {
  const preset = (p: string) => parseConfigText(EXAMPLE_CONFIG_YAML + SAML_CONNECTION.replace('preset: adfs', `preset: ${p}`)).samlConnections[0]?.emailsAuthoritative;
  assert.deepEqual([preset('pingfederate'), preset('keycloak'), preset('onelogin'), preset('jumpcloud')], [true, false, true, true]);
  assert.ok(problemsOf(EXAMPLE_CONFIG_YAML + SAML_CONNECTION.replace('preset: adfs', 'preset: ping')).some((p) => p.startsWith('samlConnections[0].preset')));
});

test('issue 12 §1: admins.emails and breakGlassEmails name the IdP; a bare email is refused with a message saying so', () => {
  const cfg = parseConfigText(`${EXAMPLE_CONFIG_YAML}\nadmins: { emails: [{ idp: okta, email: Root@Example.com }], breakGlassEmails: [{ idp: google, email: gina@example.com }] }\n`);
  assert.deepEqual([cfg.admins.emails, cfg.admins.breakGlassEmails], [[{ idp: 'okta', email: 'root@example.com' }], [{ idp: 'google', email: 'gina@example.com' }]]);
  const bare = problemsOf(`${EXAMPLE_CONFIG_YAML}\nadmins: { emails: [root@example.com], breakGlassEmails: [root@example.com] }\n`);
  assert.ok(bare.some((p) => p.startsWith('admins.emails[0]: name the IdP that verifies this email: write { idp: <IdP id>, email: root@example.com }')), bare.join('\n'));
  assert.ok(bare.some((p) => p.startsWith('admins.breakGlassEmails[0]: name the IdP')));
  assert.ok(problemsOf(`${EXAMPLE_CONFIG_YAML}\nadmins: { emails: [{ idp: nope, email: a@example.com }] }\n`).some((p) => p.startsWith('admins.emails[0].idp: unknown IdP "nope"')));
  assert.ok(problemsOf(`${EXAMPLE_CONFIG_YAML}\nadmins: { breakGlassEmails: [{ email: a@example.com }] }\n`).some((p) => p.startsWith('admins.breakGlassEmails[0].idp')));
});

test('a role can be delivered through SAML, with the provider ARN of its partition', () => {
  const cfg = parseConfigText(EXAMPLE_CONFIG_YAML.replace('      - name: ReadOnly\n  - id: "444455556666"', '      - name: ReadOnly\n        delivery: saml\n  - id: "444455556666"'));
  assert.equal(cfg.roles.get('111122223333/ReadOnly')?.delivery, 'saml');
  assert.equal(cfg.roles.get('111122223333/Admin')?.delivery, 'web-identity');
  assert.ok(problemsOf(EXAMPLE_CONFIG_YAML.replace('alias: prod\n', 'alias: prod\n    samlProvider: "bad name"\n')).some((p) => p.startsWith('accounts[1].samlProvider')));
});

test('cli: defaults when absent (15 min access, 12 h login, 10 min device code, 5 s polling), overridable', () => {
  assert.deepEqual(parseConfigText(EXAMPLE_CONFIG_YAML).cli, { accessTokenMinutes: 15, refreshMaxHours: 12, deviceCodeMinutes: 10, pollIntervalSeconds: 5 });
  const cfg = parseConfigText(`${EXAMPLE_CONFIG_YAML}\ncli: { accessTokenMinutes: 5, refreshMaxHours: 24 }\n`);
  assert.deepEqual(cfg.cli, { accessTokenMinutes: 5, refreshMaxHours: 24, deviceCodeMinutes: 10, pollIntervalSeconds: 5 });
});

test('cli: out-of-bounds lifetimes, fractions and unknown keys are rejected with their path', () => {
  const bad = (cli: string) => problemsOf(`${EXAMPLE_CONFIG_YAML}\ncli: ${cli}\n`);
  assert.ok(bad('{ accessTokenMinutes: 0 }').some((p) => p.startsWith('cli.accessTokenMinutes')));
  assert.ok(bad('{ accessTokenMinutes: 61 }').some((p) => p.startsWith('cli.accessTokenMinutes')));
  assert.ok(bad('{ refreshMaxHours: 169 }').some((p) => p.startsWith('cli.refreshMaxHours')));
  assert.ok(bad('{ refreshMaxHours: 0 }').some((p) => p.startsWith('cli.refreshMaxHours')));
  assert.ok(bad('{ deviceCodeMinutes: 31 }').some((p) => p.startsWith('cli.deviceCodeMinutes')));
  assert.ok(bad('{ pollIntervalSeconds: 0 }').some((p) => p.startsWith('cli.pollIntervalSeconds')));
  assert.ok(bad('{ pollIntervalSeconds: 2.5 }').some((p) => p.startsWith('cli.pollIntervalSeconds')));
  assert.ok(bad('{ refreshForever: true }').some((p) => p.includes('refreshForever')));
});

test('audit: retention defaults to 400 days; under 30 days (the database keeps those anyway) is rejected', () => {
  assert.deepEqual(parseConfigText(EXAMPLE_CONFIG_YAML).audit, { retentionDays: 400 });
  assert.deepEqual(parseConfigText(`${EXAMPLE_CONFIG_YAML}\naudit: { retentionDays: 90 }\n`).audit, { retentionDays: 90 });
  const bad = (audit: string) => problemsOf(`${EXAMPLE_CONFIG_YAML}\naudit: ${audit}\n`);
  assert.ok(bad('{ retentionDays: 29 }').some((p) => p.startsWith('audit.retentionDays')));
  assert.ok(bad('{ retentionDays: 3651 }').some((p) => p.startsWith('audit.retentionDays')));
  assert.ok(bad('{ retentionDays: 45.5 }').some((p) => p.startsWith('audit.retentionDays')));
  assert.ok(bad('{ keepForever: true }').some((p) => p.includes('keepForever')));
});

test('roles: a session policy or managed ARNs (not both), checked as STS checks them; an account colour', () => {
  const withRole = (extra: string) => EXAMPLE_CONFIG_YAML.replace('      - name: ReadOnly\n', `      - name: ReadOnly\n${extra}`);
  const policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}';
  const ok = parseConfigText(withRole(`        sessionPolicy: '${policy}'\n`));
  const readOnly = [...ok.roles.values()].find((r) => r.roleName === 'ReadOnly' && r.sessionPolicy);
  assert.equal(readOnly?.sessionPolicy, policy);
  const arns = parseConfigText(withRole('        managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"]\n'));
  assert.ok([...arns.roles.values()].some((r) => r.managedPolicyArns.includes('arn:aws:iam::aws:policy/ReadOnlyAccess')));
  const bad = (extra: string) => problemsOf(withRole(extra));
  assert.ok(bad(`        sessionPolicy: '{"Version":"2012-10-17"'\n`).some((p) => p.includes('sessionPolicy: is not valid JSON')));
  assert.ok(bad(`        sessionPolicy: { Version: "2012-10-17", Statement: [{ Effect: Maybe, Action: "*", Resource: "*" }] }\n`).some((p) => p.includes('Effect must be Allow or Deny')));
  assert.ok(bad(`        sessionPolicy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "*", Resource: "*", Sid: "${'x'.repeat(2100)}" }] }\n`).some((p) => p.includes('STS allows 2048')));
  assert.ok(bad(`        sessionPolicy: '${policy}'\n        managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"]\n`).some((p) => p.includes('not both')));
  assert.ok(bad('        managedPolicyArns: ["arn:aws:iam::999988887777:policy/theirs"]\n').some((p) => p.includes('must be AWS-managed or in account')));
  assert.ok(bad('        managedPolicyArns: ["arn:aws-cn:iam::aws:policy/ReadOnlyAccess"]\n').some((p) => p.includes("account's partition")));
  assert.ok(bad('        managedPolicyArns: ["not-an-arn"]\n').some((p) => p.includes('not an IAM policy ARN')));
  const eleven = JSON.stringify(Array.from({ length: 11 }, (_, i) => `arn:aws:iam::aws:policy/P${i}`));
  assert.ok(bad(`        managedPolicyArns: ${eleven}\n`).some((p) => p.includes('at most 10')));
  assert.ok(problemsOf(EXAMPLE_CONFIG_YAML.replace('alias: dev', 'alias: dev\n    colour: red')).some((p) => p.includes('#rrggbb')));
});
