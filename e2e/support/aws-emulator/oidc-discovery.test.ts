import { test } from 'node:test';
import { assertAwsError, mintToken, startHarness } from './test-helpers';

const idpError = (message: RegExp) => ({
  name: 'IDPCommunicationErrorException',
  status: 400,
  message,
});

test('issuer discovery unreachable → IDPCommunicationError', async (t) => {
  const h = await startHarness(t);
  const token = await mintToken(h.issuer);
  await h.issuer.close();
  await assertAwsError(h.assume({ WebIdentityToken: token }), idpError(/unreachable/));
});

test('issuer discovery timing out → IDPCommunicationError', async (t) => {
  const h = await startHarness(t, { idpTimeoutMs: 300 });
  h.issuer.hang = true;
  await assertAwsError(h.assume(), idpError(/unreachable/));
});

test('discovery issuer differing from iss → IDPCommunicationError', async (t) => {
  const h = await startHarness(t);
  h.issuer.discoveryOverride = {
    issuer: 'https://elsewhere.example.com',
    jwks_uri: `${h.issuer.iss}/jwks.json`,
  };
  await assertAwsError(h.assume(), idpError(/does not match/));
});

test('jwks_uri answering 404 → IDPCommunicationError', async (t) => {
  const h = await startHarness(t);
  h.issuer.discoveryOverride = { issuer: h.issuer.iss, jwks_uri: `${h.issuer.iss}/missing.json` };
  await assertAwsError(h.assume(), idpError(/answered 404/));
});

test('discovery without jwks_uri → IDPCommunicationError', async (t) => {
  const h = await startHarness(t);
  h.issuer.discoveryOverride = { issuer: h.issuer.iss };
  await assertAwsError(h.assume(), idpError(/lacks issuer or jwks_uri/));
});
