import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfigText } from '../config/parse';
import { EXAMPLE_CONFIG_YAML } from '../config/fixtures';
import { GatewayError } from '../errors';
import { normalizeClaims } from './claims';

const cfg = parseConfigText(EXAMPLE_CONFIG_YAML);
const idp = (id: string) => {
  const found = cfg.idps.find((i) => i.id === id);
  assert.ok(found);
  return found;
};
const rejects = (fn: () => unknown, code: string) =>
  assert.throws(fn, (e: unknown) => e instanceof GatewayError && e.code === code);

test('Okta-shaped claims: groups, lower-cased email, verified only when email_verified is true', () => {
  const c = normalizeClaims(idp('okta'), { iss: 'https://example.okta.com', sub: '00u1', email: 'Alice@Example.com', email_verified: true, groups: ['a', 'b', 'a'] });
  assert.deepEqual([c.subject, c.email, c.emailVerified, c.groups], ['00u1', 'alice@example.com', true, ['a', 'b']]);
  assert.equal(normalizeClaims(idp('okta'), { iss: 'https://example.okta.com', sub: '1', email: 'a@b.co', email_verified: false }).emailVerified, false);
});

test('issue 12 §1: an email is verified only when its issuer says email_verified: true (a boolean)', () => {
  const okta = (extra: Record<string, unknown>) => normalizeClaims(idp('okta'), { iss: 'https://example.okta.com', sub: '00u-mallory', email: 'alice@example.com', ...extra });
  assert.equal(okta({}).emailVerified, false, 'a missing email_verified is not verified');
  assert.equal(okta({ email_verified: 'false' }).emailVerified, false, 'the string "false" is not verified');
  assert.equal(okta({ email_verified: 'true' }).emailVerified, false, 'a string is not the boolean true');
  assert.equal(okta({ email_verified: 1 }).emailVerified, false);
  assert.equal(okta({ email_verified: true }).emailVerified, true);
});

test('issue 12 §1: preferred_username is never the email outside Entra, and never inherits email_verified', () => {
  const c = normalizeClaims(idp('okta'), { iss: 'https://example.okta.com', sub: '00u-m', preferred_username: 'alice@example.com', email_verified: true });
  assert.deepEqual([c.email, c.emailVerified], [undefined, false]);
  const g = normalizeClaims(idp('google'), { iss: 'https://accounts.google.com', sub: 'g9', preferred_username: 'alice@example.com', email_verified: true, hd: 'example.com' });
  assert.deepEqual([g.email, g.emailVerified], [undefined, false]);
  const generic = parseConfigText(EXAMPLE_CONFIG_YAML.replace('idps:\n', `idps:\n  - { id: corp-oidc, preset: generic, name: Corp, issuer: https://sso.corp.example, clientId: c1, emailClaim: upn }\n`)).idps.find((i) => i.id === 'corp-oidc');
  assert.ok(generic);
  const u = normalizeClaims(generic, { iss: 'https://sso.corp.example', sub: 'c1', upn: 'alice@example.com', email: 'other@example.com', email_verified: true });
  assert.deepEqual([u.email, u.emailVerified], ['alice@example.com', false], 'email_verified speaks of `email`, not of the configured upn claim');
});

test('issue 12 §1: Google identities carry no groups, whatever the token says', () => {
  const g = normalizeClaims(idp('google'), { iss: 'https://accounts.google.com', sub: 'g1', email: 'gina@example.com', email_verified: true, hd: 'example.com', groups: ['aws-dev-admins'] });
  assert.deepEqual([g.groups, g.emailVerified], [[], true]);
});

test('the issuer must match exactly: a trailing slash or another tenant is rejected', () => {
  rejects(() => normalizeClaims(idp('okta'), { iss: 'https://example.okta.com/', sub: '1' }), 'OIDC_ISSUER_MISMATCH');
  rejects(() => normalizeClaims(idp('okta'), { iss: 'https://evil.okta.com', sub: '1' }), 'OIDC_ISSUER_MISMATCH');
  rejects(() => normalizeClaims(idp('okta'), { sub: '1' }), 'OIDC_ISSUER_MISMATCH');
});

test('a token without sub is rejected', () => {
  rejects(() => normalizeClaims(idp('okta'), { iss: 'https://example.okta.com' }), 'OIDC_CLAIMS_INVALID');
});

test('Google: hd must be an allowed domain; a consumer account (no hd) is rejected', () => {
  const iss = 'https://accounts.google.com';
  assert.equal(normalizeClaims(idp('google'), { iss, sub: 'g1', email: 'gina@example.com', email_verified: true, hd: 'example.com' }).hostedDomain, 'example.com');
  rejects(() => normalizeClaims(idp('google'), { iss, sub: 'g2', email: 'o@other.example', hd: 'other.example' }), 'OIDC_DOMAIN_NOT_ALLOWED');
  rejects(() => normalizeClaims(idp('google'), { iss, sub: 'g3', email: 'someone@gmail.com' }), 'OIDC_DOMAIN_NOT_ALLOWED');
});

test('Entra: group object ids map to names, app roles count as groups, emails are never trusted', () => {
  const iss = 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0';
  const c = normalizeClaims(idp('entra'), {
    iss, sub: 'e1', preferred_username: 'dana@contoso.example', groups: ['9f1c1a2e-0000-4000-8000-000000000001', 'unmapped-guid'], roles: ['AwsAuditor'],
  });
  assert.deepEqual(c.groups, ['aws-prod-operators', 'unmapped-guid', 'AwsAuditor']);
  assert.equal(c.email, 'dana@contoso.example');
  assert.equal(c.emailVerified, false);
});

test('Entra groups overage is an error the user sees, not a silent empty role list', () => {
  const iss = 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0';
  rejects(() => normalizeClaims(idp('entra'), { iss, sub: 'e2', hasgroups: true }), 'OIDC_GROUPS_OVERAGE');
  rejects(() => normalizeClaims(idp('entra'), { iss, sub: 'e3', _claim_names: { groups: 'src1' }, _claim_sources: { src1: { endpoint: 'https://graph.microsoft.com/x' } } }), 'OIDC_GROUPS_OVERAGE');
});
