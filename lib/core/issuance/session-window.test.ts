/**
 * Issue 12 §4: a session's window (SessionDuration + SessionNotOnOrAfter) is capped by the role and by a
 * grant's end, and the assertion that reaches STS carries it; policy-scoped and grant-held roles never get
 * an assertion posted through the browser.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXAMPLE_CONFIG_YAML } from '../config/fixtures';
import { parseConfigText } from '../config/parse';
import type { Grant } from '../policy/grants';
import { cert } from '../saml/aws/test-fixtures';
import type { AssumeWithSamlInput, StsGateway } from '../sts/gateway';
import type { IdentityClaims, RoleDef } from '../types';
import type { HeldRole } from './held-roles';
import { issueCredentials } from './issue';
import { LOCKDOWN_OFF } from './lockdown';
import { consoleDelivery, sessionWindow } from './session-window';

const config = parseConfigText(EXAMPLE_CONFIG_YAML.replace('      - name: Admin\n', '      - name: Admin\n        delivery: saml\n'));
const T0 = new Date('2026-05-01T10:00:00Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const admin = config.roles.get('111122223333/Admin') as RoleDef;
const held = (over: Partial<RoleDef> = {}, grant?: HeldRole['grant']): HeldRole => ({ role: { ...admin, ...over }, grantedBy: [], grant });
const grantEnding = (endsAt: Date): HeldRole['grant'] => ({ id: 'g-1', endsAt, reason: 'incident 42' });

test('a rule-held role: the role limit for both SessionDuration and SessionNotOnOrAfter', () => {
  assert.deepEqual(sessionWindow(held(), T0), { durationSeconds: 3600, notOnOrAfter: at(3600) });
});

test('a grant-held role: SessionNotOnOrAfter is the grant’s end, also below STS’s 900 s minimum', () => {
  // held-roles.ts has already capped maxSessionDurationSeconds to max(900, remaining).
  assert.deepEqual(sessionWindow(held({ maxSessionDurationSeconds: 1200 }, grantEnding(at(1200))), T0), { durationSeconds: 1200, notOnOrAfter: at(1200) });
  assert.deepEqual(sessionWindow(held({ maxSessionDurationSeconds: 900 }, grantEnding(at(60))), T0), { durationSeconds: 900, notOnOrAfter: at(60) });
  assert.deepEqual(sessionWindow(held({}, grantEnding(at(7200))), T0).notOnOrAfter, at(3600), 'the role limit when the grant lasts longer');
});

test('console delivery: only a rule-held role without session policies may post an assertion', () => {
  assert.equal(consoleDelivery(held()), 'saml-post');
  assert.equal(consoleDelivery(held({ sessionPolicy: '{"Version":"2012-10-17","Statement":[]}' })), 'federation');
  assert.equal(consoleDelivery(held({ managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] })), 'federation');
  assert.equal(consoleDelivery(held({}, grantEnding(at(7200)))), 'federation');
});

test('the assertion a grant-held SAML role sends to STS ends its sessions at the grant’s end', async () => {
  const carol: IdentityClaims = { idpId: 'okta', issuer: 'https://example.okta.com', subject: '00u-carol', email: 'carol@example.com', emailVerified: true, groups: ['marketing'], extra: {} };
  const grant: Grant = {
    id: 'g-1', roleId: admin.id, userId: 'u-carol', reason: 'incident 42', requestedBy: 'u-alice', requestedAt: T0, startsAt: T0,
    durationSeconds: 7200, requiredApprovals: 0, status: 'active', activatedAt: T0, approvals: [],
  };
  const seen: AssumeWithSamlInput[] = [];
  const sts: StsGateway = {
    assumeRoleWithWebIdentity: () => Promise.reject(new Error('not expected')),
    async assumeRoleWithSaml(input) {
      seen.push(input);
      return { credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'tok', expiration: at(7200).toISOString() }, assumedRoleArn: 'arn:aws:sts::111122223333:assumed-role/Admin/carol' };
    },
  };
  const c = await cert();
  const now = at(7200 - 300);
  await issueCredentials(
    { config, sts, now: () => now, signer: () => Promise.reject(new Error('not expected')), samlSigner: async () => ({ privateKeyPem: c.privateKeyPem, certPem: c.certPem }), audit: async () => {}, grants: async () => [grant], lockdown: async () => LOCKDOWN_OFF },
    carol, admin.id, { userId: 'u-carol', channel: 'cli' },
  );
  const xml = Buffer.from(seen[0]?.samlAssertion ?? '', 'base64').toString('utf8');
  assert.match(xml, new RegExp(`SessionNotOnOrAfter="${at(7200).toISOString()}"`));
  assert.match(xml, /SessionDuration"[^>]*><saml:AttributeValue>900</);
  assert.equal(seen[0]?.durationSeconds, 900);
});
