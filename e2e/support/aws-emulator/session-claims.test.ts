import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertAwsError,
  credentialsOf,
  defaultTrustPolicy,
  mintToken,
  ROLE,
  startHarness,
  type TestIssuer,
} from './test-helpers';
import { SOURCE_IDENTITY_CLAIM, TAGS_CLAIM } from './session-claims';

const allowing = (...actions: string[]) => ({
  roles: (i: TestIssuer) => [{ name: ROLE, trustPolicy: defaultTrustPolicy(i, actions) }],
});
const tagsClaim = (principal_tags: Record<string, unknown>, transitive_tag_keys?: string[]) => ({
  [TAGS_CLAIM]: { principal_tags, ...(transitive_tag_keys ? { transitive_tag_keys } : {}) },
});

test('session tags are kept when the trust policy allows sts:TagSession', async (t) => {
  const h = await startHarness(t, allowing('sts:TagSession'));
  const token = await mintToken(h.issuer, {
    claims: tagsClaim({ Team: ['platform'], Env: ['dev'] }, ['Team']),
  });
  const creds = credentialsOf(await h.assume({ WebIdentityToken: token }));
  const stored = h.emulator.credentials.get(creds.AccessKeyId ?? '');
  assert.deepEqual(stored?.tags, [
    { key: 'Team', value: 'platform' },
    { key: 'Env', value: 'dev' },
  ]);
  assert.deepEqual(stored?.transitiveTagKeys, ['Team']);
});

test('session tags without sts:TagSession in the trust policy → AccessDenied', async (t) => {
  const h = await startHarness(t);
  const token = await mintToken(h.issuer, { claims: tagsClaim({ Team: ['platform'] }) });
  await assertAwsError(h.assume({ WebIdentityToken: token }), {
    name: 'AccessDenied',
    status: 403,
    message: /sts:TagSession/,
  });
});

test('malformed session tags → InvalidIdentityToken', async (t) => {
  const h = await startHarness(t, allowing('sts:TagSession'));
  const cases: [Record<string, unknown>, RegExp][] = [
    [tagsClaim({ Team: ['a'], team: ['b'] }), /Duplicate session tag key/],
    [tagsClaim({ 'bad key!': ['a'] }), /must match/],
    [tagsClaim({ Team: ['x'.repeat(257)] }), /invalid value/],
    [tagsClaim({ Team: ['a', 'b'] }), /exactly one string value/],
    [tagsClaim({ 'aws:Team': ['a'] }), /must not start with "aws:"/],
    [
      tagsClaim(Object.fromEntries(Array.from({ length: 51 }, (_, n) => [`k${n}`, ['v']]))),
      /At most 50/,
    ],
    [tagsClaim({ Team: ['a'] }, ['Other']), /Transitive tag key "Other"/],
  ];
  for (const [claims, message] of cases) {
    const token = await mintToken(h.issuer, { claims });
    await assertAwsError(h.assume({ WebIdentityToken: token }), {
      name: 'InvalidIdentityTokenException',
      status: 400,
      message,
    });
  }
});

test('source identity is returned when the trust policy allows sts:SetSourceIdentity', async (t) => {
  const h = await startHarness(t, allowing('sts:SetSourceIdentity'));
  const token = await mintToken(h.issuer, {
    claims: { [SOURCE_IDENTITY_CLAIM]: 'alice@example.com' },
  });
  const out = await h.assume({ WebIdentityToken: token });
  assert.equal(out.SourceIdentity, 'alice@example.com');
});

test('source identity without sts:SetSourceIdentity → AccessDenied', async (t) => {
  const h = await startHarness(t);
  const token = await mintToken(h.issuer, { claims: { [SOURCE_IDENTITY_CLAIM]: 'alice' } });
  await assertAwsError(h.assume({ WebIdentityToken: token }), {
    name: 'AccessDenied',
    status: 403,
    message: /SetSourceIdentity/,
  });
});

test('bad source identity → InvalidIdentityToken', async (t) => {
  const h = await startHarness(t, allowing('sts:SetSourceIdentity'));
  for (const value of ['a', 'aws:alice', 'alice smith', 'x'.repeat(65)]) {
    const token = await mintToken(h.issuer, { claims: { [SOURCE_IDENTITY_CLAIM]: value } });
    await assertAwsError(h.assume({ WebIdentityToken: token }), {
      name: 'InvalidIdentityTokenException',
      status: 400,
      message: /SourceIdentity/,
    });
  }
});
