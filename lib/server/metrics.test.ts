/** Issue 14 §4: what the metrics count, and who may read them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../core/errors';
import type { StsGateway } from '../core/sts/gateway';
import { createMetrics, observeAudit } from './metrics';
import { metricsResponse } from './metrics-endpoint';
import { meteredAudit, meteredSts } from './metrics-wiring';
import { createRateLimiter } from './rate-limit';

const TOKEN = 'm'.repeat(40);
const valueOf = async (m: ReturnType<typeof createMetrics>, name: string, labels: Record<string, string>) => {
  const metric = (await m.registry.getMetricsAsJSON()).find((x) => x.name === name);
  const value = metric?.values.find((v) => Object.entries(labels).every(([k, want]) => String((v.labels as Record<string, unknown>)[k]) === want));
  return value?.value;
};

test('issue 14 §4: audit rows count sign-ins by IdP, outcome and code, and issuances by account, role, channel and outcome', async () => {
  const m = createMetrics();
  observeAudit(m, { type: 'signin', outcome: 'ok', idpId: 'okta' });
  observeAudit(m, { type: 'signin', outcome: 'ok', idpId: 'okta' });
  observeAudit(m, { type: 'signin', outcome: 'failed', idpId: 'google', code: 'DOMAIN_NOT_ALLOWED' });
  observeAudit(m, { type: 'issuance', outcome: 'ok', roleArn: 'arn:aws:iam::111122223333:role/Admin', detail: { channel: 'cli' } });
  observeAudit(m, { type: 'console', outcome: 'failed', roleArn: 'arn:aws-us-gov:iam::444455556666:role/team/ReadOnly', code: 'STS_ACCESS_DENIED', detail: { channel: 'web' } });
  observeAudit(m, { type: 'admin', outcome: 'ok' });
  assert.equal(await valueOf(m, 'rolegate_signins_total', { idp: 'okta', outcome: 'ok', code: '' }), 2);
  assert.equal(await valueOf(m, 'rolegate_signins_total', { idp: 'google', outcome: 'failed', code: 'DOMAIN_NOT_ALLOWED' }), 1);
  assert.equal(await valueOf(m, 'rolegate_issuances_total', { type: 'issuance', account: '111122223333', role: 'Admin', channel: 'cli', outcome: 'ok' }), 1);
  assert.equal(await valueOf(m, 'rolegate_issuances_total', { type: 'console', account: '444455556666', role: 'ReadOnly', channel: 'web', outcome: 'failed', code: 'STS_ACCESS_DENIED' }), 1);
});

test('issue 14 §4: the ledger sink is timed and counts only what was written; STS calls are timed by operation and outcome', async () => {
  const m = createMetrics();
  const written: unknown[] = [];
  const audit = meteredAudit(async (r) => void written.push(r), m);
  await audit({ type: 'issuance', outcome: 'ok', roleArn: 'arn:aws:iam::111122223333:role/Admin' });
  const failing = meteredAudit(async () => { throw new GatewayError('DB_UNAVAILABLE', 'down'); }, m);
  await assert.rejects(failing({ type: 'issuance', outcome: 'ok', roleArn: 'arn:aws:iam::111122223333:role/Admin' }));
  assert.equal(written.length, 1);
  assert.equal(await valueOf(m, 'rolegate_issuances_total', { account: '111122223333', role: 'Admin' }), 1);
  const text = await m.registry.metrics();
  assert.match(text, /^rolegate_ledger_write_seconds_count\{outcome="ok"\} 1$/m);
  assert.match(text, /^rolegate_ledger_write_seconds_count\{outcome="failed"\} 1$/m);

  const sts: StsGateway = {
    assumeRoleWithWebIdentity: async () => ({ credentials: { accessKeyId: 'a', secretAccessKey: 's', sessionToken: 't', expiration: new Date().toISOString() }, assumedRoleArn: 'x' }),
    assumeRoleWithSaml: async () => { throw new GatewayError('STS_DENIED', 'no'); },
  };
  const metered = meteredSts(sts, m);
  await metered.assumeRoleWithWebIdentity({} as never);
  await assert.rejects(metered.assumeRoleWithSaml({} as never));
  const after = await m.registry.metrics();
  assert.match(after, /^rolegate_sts_call_seconds_count\{operation="AssumeRoleWithWebIdentity",outcome="ok"\} 1$/m);
  assert.match(after, /^rolegate_sts_call_seconds_count\{operation="AssumeRoleWithSAML",outcome="failed"\} 1$/m);
});

test('issue 14 §4: rate-limit refusals are counted; the gauges read the live revision and key expiry at scrape time', async () => {
  const m = createMetrics();
  const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 0.001, onRefused: () => m.rateLimited.inc({ limit: 'saml-acs' }) });
  await limiter.take('ip');
  await limiter.take('ip');
  await limiter.take('ip');
  assert.equal(await valueOf(m, 'rolegate_rate_limited_total', { limit: 'saml-acs' }), 2);
  let revision = 3;
  Object.assign(m.sources, { revision: () => revision, keys: async () => [{ purpose: 'aws-idp-signing', kid: 'k1', status: 'active', notAfter: new Date('2030-01-01T00:00:00Z') }] });
  assert.match(await m.registry.metrics(), /^rolegate_config_revision 3$/m);
  revision = 4;
  const text = await m.registry.metrics();
  assert.match(text, /^rolegate_config_revision 4$/m);
  assert.match(text, /^rolegate_key_not_after_timestamp_seconds\{purpose="aws-idp-signing",status="active",kid="k1"\} 1893456000$/m);
  // A database that is down empties the key gauge for that scrape; the scrape itself still answers.
  m.sources.keys = async () => { throw new GatewayError('DB_UNAVAILABLE', 'down'); };
  assert.doesNotMatch(await m.registry.metrics(), /^rolegate_key_not_after_timestamp_seconds\{/m);
});

test('issue 14 §4: /metrics is off without a token, and needs exactly that bearer token', async () => {
  const m = createMetrics();
  await assert.rejects(metricsResponse(m, undefined, `Bearer ${TOKEN}`), (e: unknown) => e instanceof GatewayError && e.code === 'NOT_FOUND');
  for (const auth of [null, '', `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `Basic ${TOKEN}`, TOKEN, `Bearer  ${TOKEN}`]) {
    await assert.rejects(metricsResponse(m, TOKEN, auth), (e: unknown) => e instanceof GatewayError && e.code === 'UNAUTHENTICATED', String(auth));
  }
  const res = await metricsResponse(m, TOKEN, `Bearer ${TOKEN}`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('Cache-Control'), 'no-store');
  assert.match(res.headers.get('Content-Type') ?? '', /^text\/plain; version=0\.0\.4/);
  const body = await res.text();
  for (const name of ['rolegate_signins_total', 'rolegate_issuances_total', 'rolegate_sts_call_seconds', 'rolegate_idp_call_seconds', 'rolegate_saml_validation_seconds', 'rolegate_ledger_write_seconds', 'rolegate_config_revision', 'rolegate_key_not_after_timestamp_seconds', 'rolegate_rate_limited_total']) {
    assert.match(body, new RegExp(`^# TYPE ${name} `, 'm'), name);
  }
});
