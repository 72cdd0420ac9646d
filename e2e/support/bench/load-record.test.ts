/** Issue 14 §5: how the load phase tallies answers, failures and 5xx (error-page redirects included). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorCodeStatus, Recorder, StepFailure } from './load-record';
import { actionFor, PERSONAS, personaFor } from './load-user';
import { summarize } from './stats';

test('5xx: answers of 500 and above, and error-page redirects whose code stands for a 5xx', () => {
  const rec = new Recorder();
  rec.answer('credentials', 200, [200]);
  rec.answer('credentials', 429, [200]);
  rec.answer('console', 303, [303]);
  assert.equal(rec.serverErrors(), 0);
  rec.answer('credentials', 502, [200]);
  rec.errorPage('saml-acs', 'SAML_REPLAY');
  assert.equal(rec.serverErrors(), 1);
  rec.errorPage('console', 'INTERNAL');
  rec.errorPage('console', 'STS_IDP_UNREACHABLE');
  rec.errorPage('auth-callback', 'NotOneOfOurs');
  assert.equal(rec.serverErrors(), 4);
  assert.deepEqual(Object.fromEntries(rec.errorPages), { 'saml-acs SAML_REPLAY': 1, 'console INTERNAL': 1, 'console STS_IDP_UNREACHABLE': 1, 'auth-callback NotOneOfOurs': 1 });
  assert.deepEqual(Object.fromEntries(rec.unexpected), { 'credentials 429': 1, 'credentials 502': 1 });
});

test('error codes map to the status their API answer has; an unknown code counts as 500', () => {
  assert.equal(errorCodeStatus('POLICY_NO_ROLE'), 403);
  assert.equal(errorCodeStatus('RATE_LIMITED'), 429);
  assert.equal(errorCodeStatus('INTERNAL'), 500);
  assert.equal(errorCodeStatus(''), 500);
});

test('failures are tallied by operation, step and reason; sign-ins are counted', () => {
  const rec = new Recorder();
  rec.failed('issuance', new StepFailure('credentials', 'HTTP 403 POLICY_NO_ROLE'));
  rec.failed('issuance', new StepFailure('credentials', 'HTTP 403 POLICY_NO_ROLE'));
  rec.failed('signinSaml', new Error('boom'));
  rec.ok('signinOidc', 10);
  rec.ok('issuance', 5);
  assert.deepEqual(Object.fromEntries(rec.failures), { 'issuance credentials: HTTP 403 POLICY_NO_ROLE': 2, 'signinSaml unexpected: boom': 1 });
  assert.equal(rec.signins, 1);
  assert.deepEqual(rec.samples.issuance, [5]);
});

test('the warm-up’s ledger facts and 5xx count with the run’s, its latencies do not', () => {
  const warm = new Recorder();
  warm.issued.push('w1');
  warm.consoleLinks.push('w1');
  warm.ok('signinSaml', 1);
  warm.answer('credentials', 500, [200]);
  warm.errorPage('console', 'INTERNAL');
  const run = new Recorder();
  run.issued.push('r1');
  run.absorbLedgerFacts(warm);
  assert.deepEqual(run.issued, ['r1', 'w1']);
  assert.deepEqual(run.consoleLinks, ['w1']);
  assert.equal(run.signins, 1);
  assert.equal(run.serverErrors(), 2);
  assert.deepEqual(run.samples.signinSaml, []);
});

test('p99 is the nearest-rank percentile', () => {
  const s = summarize(Array.from({ length: 200 }, (_, i) => i + 1));
  assert.deepEqual([s.p50, s.p95, s.p99, s.max], [100, 190, 198, 200]);
  assert.equal(summarize([7]).p99, 7);
});

test('users alternate OIDC and SAML; every third operation is a console link; roles take turns', () => {
  assert.deepEqual(Array.from({ length: 4 }, (_, i) => personaFor(i).kind), ['oidc', 'saml', 'oidc', 'saml']);
  assert.equal(personaFor(PERSONAS.length), personaFor(0));
  const persona = personaFor(0);
  const plan = Array.from({ length: 6 }, (_, i) => actionFor(i, persona));
  assert.deepEqual(plan.map((a) => a.op), ['issuance', 'issuance', 'console', 'issuance', 'issuance', 'console']);
  assert.deepEqual(plan.map((a) => a.roleId), [0, 1, 0, 1, 0, 1].map((i) => persona.roles[i]));
  assert.equal(new Set(PERSONAS.filter((p) => p.kind === 'saml').map((p) => p.via)).size, 4);
  assert.equal(new Set(PERSONAS.filter((p) => p.kind === 'oidc').map((p) => p.via)).size, 3);
});
