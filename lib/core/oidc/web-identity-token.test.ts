import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { jwksDocument } from './discovery';
import { generateSigningKey, importPrivateKey } from './keys';
import { AWS_SOURCE_IDENTITY_CLAIM, AWS_TAGS_CLAIM, mintWebIdentityToken } from './web-identity-token';

async function setup() {
  const key = await generateSigningKey();
  const signer = { kid: key.kid, key: await importPrivateKey(key.privateJwkJson) };
  const jwks = createLocalJWKSet(jwksDocument([{ ...key, status: 'active', createdAt: new Date() }]));
  return { key, signer, jwks };
}

test('mints an RS256 token with kid, integer times, the AWS tag and source identity claims', async () => {
  const { signer, jwks, key } = await setup();
  const now = new Date();
  const { token, expiresAt } = await mintWebIdentityToken({
    issuer: 'https://rolegate.example.com', audience: 'sts.amazonaws.com', subject: 'user-1', lifetimeSeconds: 300, now, signer,
    sessionTags: { team: 'platform' }, transitiveTagKeys: ['team'], sourceIdentity: 'alice@example.com',
  });
  assert.deepEqual(decodeProtectedHeader(token), { alg: 'RS256', kid: key.kid, typ: 'JWT' });
  const { payload } = await jwtVerify(token, jwks, { issuer: 'https://rolegate.example.com', audience: 'sts.amazonaws.com', algorithms: ['RS256'] });
  assert.equal(payload.sub, 'user-1');
  assert.ok(Number.isInteger(payload.iat) && Number.isInteger(payload.exp));
  assert.equal((payload.exp ?? 0) - (payload.iat ?? 0), 300);
  assert.equal(expiresAt.getTime(), (payload.exp ?? 0) * 1000);
  assert.deepEqual(payload[AWS_TAGS_CLAIM], { principal_tags: { team: ['platform'] }, transitive_tag_keys: ['team'] });
  assert.equal(payload[AWS_SOURCE_IDENTITY_CLAIM], 'alice@example.com');
  assert.equal(typeof payload.jti, 'string');
});

test('no tag claim without tags; a lifetime above 5 minutes is refused', async () => {
  const { signer, jwks } = await setup();
  const base = { issuer: 'https://r.example.com', audience: 'sts.amazonaws.com', subject: 'u', now: new Date(), signer };
  const { token } = await mintWebIdentityToken({ ...base, lifetimeSeconds: 60 });
  const { payload } = await jwtVerify(token, jwks);
  assert.equal(payload[AWS_TAGS_CLAIM], undefined);
  await assert.rejects(mintWebIdentityToken({ ...base, lifetimeSeconds: 301 }), RangeError);
  await assert.rejects(mintWebIdentityToken({ ...base, lifetimeSeconds: 0 }), RangeError);
});

test('a token from another key with the same kid does not verify against the published JWKS', async () => {
  const a = await setup();
  const b = await setup();
  const { token } = await mintWebIdentityToken({
    issuer: 'https://r.example.com', audience: 'sts.amazonaws.com', subject: 'u', lifetimeSeconds: 60, now: new Date(),
    signer: { kid: a.key.kid, key: b.signer.key },
  });
  await assert.rejects(jwtVerify(token, a.jwks), /signature verification failed/);
});
