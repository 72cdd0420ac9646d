/**
 * Issue 12 §8: the pipeline's own decisions, beyond the single checks (the mutation run of
 * validate-response.ts): how long an accepted assertion counts as valid, that the envelope of an encrypted
 * response is schema-checked before anything is decrypted, and how failures that are not SAML checks reach
 * the caller and the audit sink.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { GatewayError } from '../../errors';
import { b64, connect, context, MemoryReplayStore } from './testing/harness';
import { createTestIdp, type TestIdp, type TestSp } from './testing/test-idp';
import { SamlValidationError } from './trace';
import type { SamlRejection, SamlSp, ValidateContext } from './types';

async function rejection(p: Promise<unknown>): Promise<SamlValidationError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof SamlValidationError, `not a SamlValidationError: ${String(e)}`);
    return e;
  }
  assert.fail('the response was accepted');
}

const iso = (ms: number): string => new Date(ms).toISOString();

describe('issue 12 §8: the validity of an accepted assertion (ADFS shape)', () => {
  let idp: TestIdp;
  let sp: SamlSp;
  let testSp: TestSp;
  before(async () => {
    idp = await createTestIdp('adfs');
    ({ sp, testSp } = await connect(idp));
  });

  /** Accepts a response issued now whose Conditions NotOnOrAfter is rewritten to `conditionsEnd` (or removed). */
  async function accepted(now: Date, conditionsEnd: string | undefined) {
    const ctx = context();
    ctx.requests.add('_req');
    const xml = await idp.issue(testSp, {
      inResponseTo: '_req',
      now,
      mutateAssertion: (a) =>
        a.replace(/(<Conditions NotBefore="[^"]*") NotOnOrAfter="[^"]*"/, conditionsEnd === undefined ? '$1' : `$1 NotOnOrAfter="${conditionsEnd}"`),
    });
    return sp.validateResponse(b64(xml), ctx);
  }

  /** A response issued at `issuedAt` (real clock), refused by the Conditions-window check after the signature. */
  async function refusedByWindow(issuedAt: number): Promise<SamlValidationError> {
    const ctx = context();
    ctx.requests.add('_req');
    const xml = await idp.issue(testSp, { inResponseTo: '_req', now: new Date(issuedAt) });
    const e = await rejection(sp.validateResponse(b64(xml), ctx));
    assert.deepEqual(e.trace.filter((t) => t.check === 'signature').map((t) => t.ok), [true]);
    assert.deepEqual(e.trace.filter((t) => t.check === 'conditions-window').map((t) => t.ok), [false]);
    return e;
  }

  it('the Conditions window (system clock) is named by which side failed: expired …', async () => {
    // Issued 20 minutes ago with a 5-minute lifetime: past NotOnOrAfter even with the 60 s skew.
    assert.equal((await refusedByWindow(Date.now() - 20 * 60_000)).code, 'SAML_EXPIRED');
  });

  it('… or not yet valid', async () => {
    assert.equal((await refusedByWindow(Date.now() + 20 * 60_000)).code, 'SAML_NOT_YET_VALID');
  });

  it('ends at the Conditions NotOnOrAfter when that comes before the confirmation’s', async () => {
    const now = new Date();
    const r = await accepted(now, iso(now.getTime() + 120_000));
    assert.equal(r.notOnOrAfter.getTime(), now.getTime() + 120_000);
    assert.equal(r.replayUntil.getTime(), now.getTime() + 180_000);
  });

  it('ends at the SubjectConfirmationData NotOnOrAfter when that comes first', async () => {
    const now = new Date();
    const r = await accepted(now, iso(now.getTime() + 600_000));
    assert.equal(r.notOnOrAfter.getTime(), now.getTime() + 300_000);
  });

  it('ends at the confirmation’s NotOnOrAfter when Conditions has none', async () => {
    const now = new Date();
    const r = await accepted(now, undefined);
    assert.equal(r.notOnOrAfter.getTime(), now.getTime() + 300_000);
    assert.equal(r.replayUntil.getTime(), now.getTime() + 360_000);
  });
});

describe('issue 12 §8: an encrypted response’s envelope is schema-checked before decryption', () => {
  it('refuses a schema-invalid Response around an EncryptedAssertion without decrypting it', async () => {
    const idp = await createTestIdp('shibboleth');
    const { sp, testSp } = await connect(idp);
    const ctx = context();
    ctx.requests.add('_req');
    const xml = await idp.issue(testSp, { inResponseTo: '_req' });
    const bad = xml.replace(/(<saml2p:Response [^>]*IssueInstant=")[^"]*"/, '$1yesterday"');
    const err = await rejection(sp.validateResponse(b64(bad), ctx));
    assert.equal(err.code, 'SAML_SCHEMA_INVALID');
    assert.equal(err.trace.at(-1)?.check, 'schema');
    assert.ok(!err.trace.some((t) => t.check === 'decrypt'), 'nothing was decrypted');
  });
});

describe('issue 12 §8: failures that are not SAML checks', () => {
  let idp: TestIdp;
  let sp: SamlSp;
  let testSp: TestSp;
  before(async () => {
    idp = await createTestIdp('adfs');
    ({ sp, testSp } = await connect(idp));
  });

  /** Validates a good response with a replay store whose `seen` throws `thrown`; returns the error and what the audit sink got. */
  async function failingStore(thrown: unknown): Promise<{ err: SamlValidationError; audited: SamlRejection[] }> {
    const audited: SamlRejection[] = [];
    const replay = new MemoryReplayStore();
    replay.seen = () => Promise.reject(thrown);
    const base = context();
    base.requests.add('_req');
    const ctx: ValidateContext = { ...base, replay, onRejected: (r) => void audited.push(r) };
    const xml = await idp.issue(testSp, { inResponseTo: '_req' });
    return { err: await rejection(sp.validateResponse(b64(xml), ctx)), audited };
  }

  it('wraps a GatewayError from a store with its code, the trace so far and the cause, and audits it', async () => {
    const down = new GatewayError('DB_UNAVAILABLE', 'replay store down');
    const { err, audited } = await failingStore(down);
    assert.equal(err.code, 'DB_UNAVAILABLE');
    assert.equal(err.message, 'replay store down');
    assert.equal(err.cause, down);
    assert.ok(err.trace.some((t) => t.check === 'signature'), 'the trace so far');
    assert.ok(err.trace.every((t) => t.ok), 'the checks before it passed');
    assert.deepEqual(audited, [{ code: 'DB_UNAVAILABLE', trace: err.trace }]);
  });

  it('reports anything else as INTERNAL with only the error’s class name in the trace', async () => {
    const bug = new TypeError('secret detail');
    const { err, audited } = await failingStore(bug);
    assert.equal(err.code, 'INTERNAL');
    assert.deepEqual(err.trace.at(-1), { check: 'unexpected', ok: false, detail: 'TypeError' });
    assert.equal(err.cause, bug);
    assert.deepEqual(audited, [{ code: 'INTERNAL', trace: err.trace }]);
    const thrownString = await failingStore('not an Error');
    assert.deepEqual(thrownString.err.trace.at(-1), { check: 'unexpected', ok: false, detail: 'error' });
  });
});
