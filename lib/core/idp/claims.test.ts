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

test('Okta-shaped claims: groups, lower-cased email, verified unless the IdP says otherwise', () => {
  const c = normalizeClaims(idp('okta'), { iss: 'https://example.okta.com', sub: '00u1', email: 'Alice@Example.com', groups: ['a', 'b', 'a'] });
  assert.deepEqual([c.subject, c.email, c.emailVerified, c.groups], ['00u1', 'alice@example.com', true, ['a', 'b']]);
  assert.equal(normalizeClaims(idp('okta'), { iss: 'https://example.okta.com', sub: '1', email: 'a@b.co', email_verified: false }).emailVerified, false);
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
