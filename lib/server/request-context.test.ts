/** Issue 14 §4: one request id per request, on its log lines and its audit rows. */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import type { AuditRecord } from '../core/issuance/audit-event';
import { createLogger } from './create-logger';
import { auditWithRequestId, requestIdFor, requestStorage } from './request-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('issue 14 §4: a proxy-set X-Request-Id is kept only behind a trusted proxy and in a safe shape; else a new UUID', () => {
  assert.equal(requestIdFor('lb-7f3a.1', 1), 'lb-7f3a.1');
  assert.equal(requestIdFor(['Root=1-abc', 'x'], 2), 'Root=1-abc');
  assert.match(requestIdFor('lb-7f3a.1', 0), UUID, 'no proxy in front: a client-chosen id is not believed');
  for (const bad of ['', 'a b', 'x'.repeat(129), 'id\nforged: line', '<script>']) assert.match(requestIdFor(bad, 1), UUID, JSON.stringify(bad));
  assert.match(requestIdFor(undefined, 1), UUID);
  assert.notEqual(requestIdFor(undefined, 0), requestIdFor(undefined, 0));
});

test('issue 14 §4: inside a request, log lines and audit rows carry its id (across awaits); outside, nothing', async () => {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({ write: (c: Buffer, _e, done) => (lines.push(JSON.parse(c.toString()) as Record<string, unknown>), done()) });
  const log = createLogger('info', stream);
  const written: AuditRecord[] = [];
  const audit = auditWithRequestId(async (r) => void written.push(r));
  await requestStorage().run({ requestId: 'req-1' }, async () => {
    await new Promise((r) => setTimeout(r, 5));
    log.info('inside');
    await audit({ type: 'issuance', outcome: 'ok', detail: { channel: 'web' } });
  });
  log.info('outside');
  await audit({ type: 'admin', outcome: 'ok' });
  assert.deepEqual(lines.map((l) => [l.msg, l.requestId]), [['inside', 'req-1'], ['outside', undefined]]);
  assert.deepEqual(written.map((r) => r.detail), [{ channel: 'web', requestId: 'req-1' }, undefined]);
});
