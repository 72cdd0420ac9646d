import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPair, UnsecuredJWT } from 'jose';
import {
  ACCOUNT,
  assertAwsError,
  credentialsOf,
  mintToken,
  ROLE,
  startHarness,
} from './test-helpers';

const invalidToken = (message?: RegExp) => ({
  name: 'InvalidIdentityTokenException',
  status: 400,
  message,
});

test('happy path: the SDK parses the credentials and the assumed-role user', async (t) => {
  const h = await startHarness(t);
  const before = Date.now();
  const out = await h.assume({ DurationSeconds: 900 });
  const creds = credentialsOf(out);
  assert.match(creds.AccessKeyId ?? '', /^ASIA[A-Z0-9]{16}$/);
  assert.equal(creds.SecretAccessKey?.length, 40);
  assert.ok((creds.SessionToken?.length ?? 0) > 100);
  const ttl = (creds.Expiration?.getTime() ?? 0) - before;
  assert.ok(ttl > 898_000 && ttl <= 901_000, `expiration ~15 min, got ${ttl} ms`);
  assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/${ROLE}/alice`);
  assert.match(out.AssumedRoleUser?.AssumedRoleId ?? '', /^AROA[A-Z0-9]{17}:alice$/);
  assert.equal(out.SubjectFromWebIdentityToken, 'user-123');
  assert.equal(out.Audience, 'sts.amazonaws.com');
  assert.equal(out.Provider, h.issuer.providerArn);
  assert.equal(out.SourceIdentity, undefined);
  assert.equal(h.emulator.requests.sts, 1);
  const stored = h.emulator.credentials.get(creds.AccessKeyId ?? '');
  assert.equal(stored?.subject, 'user-123');
  assert.equal(stored?.roleName, ROLE);
});

test('a token expired less than 5 minutes ago is still accepted (clock skew)', async (t) => {
  const h = await startHarness(t);
  const now = Math.floor(Date.now() / 1000);
  const token = await mintToken(h.issuer, { claims: { iat: now - 600, exp: now - 120 } });
  credentialsOf(await h.assume({ WebIdentityToken: token }));
});

test('wrong aud → InvalidIdentityToken "Incorrect token audience"', async (t) => {
  const h = await startHarness(t);
  const token = await mintToken(h.issuer, { claims: { aud: 'some-other-client' } });
  await assertAwsError(
    h.assume({ WebIdentityToken: token }),
    invalidToken(/^Incorrect token audience$/),
  );
});

test('expired token → ExpiredTokenException', async (t) => {
  const h = await startHarness(t);
  const now = Math.floor(Date.now() / 1000);
  const token = await mintToken(h.issuer, { claims: { iat: now - 1200, exp: now - 600 } });
  await assertAwsError(h.assume({ WebIdentityToken: token }), {
    name: 'ExpiredTokenException',
    status: 400,
    message: /^Token expired: current date\/time \d+ must be before the expiration date\/time \d+$/,
  });
});

test('token signed with an unknown kid → InvalidIdentityToken', async (t) => {
  const h = await startHarness(t);
  const token = await mintToken(h.issuer, { kid: 'rotated-away' });
  await assertAwsError(
    h.assume({ WebIdentityToken: token }),
    invalidToken(/Couldn't retrieve verification key/),
  );
});

test('token signed by another key under a known kid → InvalidIdentityToken', async (t) => {
  const h = await startHarness(t);
  const { privateKey } = await generateKeyPair('RS256');
  const token = await mintToken(h.issuer, { key: privateKey });
  await assertAwsError(h.assume({ WebIdentityToken: token }), invalidToken(/signature/));
});

test('alg none and HS256 tokens → InvalidIdentityToken', async (t) => {
  const h = await startHarness(t);
  const now = Math.floor(Date.now() / 1000);
  const unsecured = new UnsecuredJWT({
    sub: 'user-123',
    aud: 'sts.amazonaws.com',
    iat: now,
    exp: now + 300,
  })
    .setIssuer(h.issuer.iss)
    .encode();
  await assertAwsError(h.assume({ WebIdentityToken: unsecured }), invalidToken(/algorithm "none"/));
  const hs256 = await mintToken(h.issuer, {
    alg: 'HS256',
    key: new TextEncoder().encode('x'.repeat(32)),
  });
  await assertAwsError(h.assume({ WebIdentityToken: hs256 }), invalidToken(/algorithm "HS256"/));
});

test('iss not registered as an OIDC provider → InvalidIdentityToken', async (t) => {
  const h = await startHarness(t);
  const token = await mintToken(h.issuer, { claims: { iss: 'https://evil.example.com' } });
  await assertAwsError(
    h.assume({ WebIdentityToken: token }),
    invalidToken(
      /^No OpenIDConnect provider found in your account for https:\/\/evil\.example\.com$/,
    ),
  );
});

test('http issuer for a provider registered as https → InvalidIdentityToken', async (t) => {
  const h = await startHarness(t, { providerScheme: 'https' });
  await assertAwsError(h.assume(), invalidToken(/No OpenIDConnect provider found/));
});

test('values are XML-escaped and round-trip through the SDK', async (t) => {
  const h = await startHarness(t);
  const sub = `user-<tag attr="1">&'amp;'</tag>`;
  const out = await h.assume({ WebIdentityToken: await mintToken(h.issuer, { claims: { sub } }) });
  assert.equal(out.SubjectFromWebIdentityToken, sub);
});
