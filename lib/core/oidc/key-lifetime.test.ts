import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ownKeyExpiry } from './key-expiry';
import { canSign, CLOCK_MARGIN_MS, rotationDaysWithin, successorNotAfter } from './key-lifetime';
import { planKeyRotation, publishedKeys, type RotatingKey } from './rotation';

const DAY = 86_400_000;
const t0 = new Date('2027-06-01T00:00:00Z');
const policy = { rotationDays: 180, prepublishSeconds: 30 * 86_400, retiredGraceSeconds: 600 };
const at = (days: number) => new Date(t0.getTime() + days * DAY);
const key = (kid: string, status: RotatingKey['status'], createdDay: number, extra: Partial<RotatingKey> = {}): RotatingKey => ({
  kid, status, createdAt: at(createdDay), ...extra,
});

test('a successor is valid for its whole active period plus overlap, counted from its activation', () => {
  // Active since day 0, due on day 180. A successor made on day 0 waits 180 days, then serves 180.
  const active = key('a', 'active', 0, { activatedAt: at(0), notAfter: at(200) });
  const notAfter = successorNotAfter([active], at(0), policy);
  assert.equal(notAfter.getTime(), at(360).getTime() + 600_000 + CLOCK_MARGIN_MS);
  // Made late (day 170), it still has to wait the prepublish time: activation day 200 — no, the active
  // certificate is due one overlap before its notAfter (day 199 minus grace), so prepublish decides.
  const late = successorNotAfter([active], at(170), policy);
  assert.equal(late.getTime(), at(200 + 180).getTime() + 600_000 + CLOCK_MARGIN_MS);
  // With no usable active key the successor is activated at once.
  assert.equal(successorNotAfter([], at(5), policy).getTime(), at(185).getTime() + 600_000 + CLOCK_MARGIN_MS);
});

test('the rotation period fits two periods plus overlap into the configured validity', () => {
  assert.equal(rotationDaysWithin(365, 600), 181);
  assert.equal(rotationDaysWithin(730, 3600), 364);
  assert.equal(rotationDaysWithin(30, 600), 14);
  for (const v of [30, 31, 365, 730, 3650]) assert.ok(2 * rotationDaysWithin(v, 3600) * DAY + 3600_000 + CLOCK_MARGIN_MS <= v * DAY);
});

test('an active certificate that cannot sign for a whole grace before its notAfter hands over at once', () => {
  const active = key('a', 'active', -400, { activatedAt: at(-400), notAfter: at(1) });
  // The next one was published only an hour ago: normally too early, but the active one must not sign.
  const next = key('b', 'next', 0.4, { notAfter: at(300) });
  assert.ok(canSign(active, at(0.99), policy));
  const lastMoment = new Date(at(1).getTime() - 600_000);
  assert.ok(!canSign(active, lastMoment, policy), 'what it signs would outlive the certificate');
  assert.deepEqual(planKeyRotation([active, next], lastMoment, policy), { createNext: true, activate: 'b' });
  // Before the end, the unpublished next key waits (the active one is due by age but still valid).
  assert.deepEqual(planKeyRotation([active, next], at(0.5), policy), { createNext: false });
});

test('an expired next certificate is never activated: a fresh one is created instead', () => {
  const active = key('a', 'active', -500, { activatedAt: at(-500), notAfter: at(-10) });
  const stale = key('b', 'next', -400, { notAfter: at(-5) });
  assert.deepEqual(planKeyRotation([active, stale], at(0), policy), { createNext: true, activate: undefined });
  const fresh = key('c', 'next', 0, { notAfter: at(180) });
  assert.deepEqual(planKeyRotation([active, stale, fresh], at(0), policy), { createNext: true, activate: 'c' });
});

test('nothing past its notAfter is published, even a retired key within its grace', () => {
  const keys = [
    key('a', 'retired', -400, { retiredAt: new Date(t0.getTime() - 60_000), notAfter: new Date(t0.getTime() - 1) }),
    key('b', 'active', -200, { notAfter: at(100) }),
    key('c', 'next', -100, { notAfter: new Date(t0.getTime()) }),
  ];
  assert.deepEqual(publishedKeys(keys, t0, policy).map((k) => k.kid), ['b']);
});

test('the expiry warning: ok, then soon 30 days ahead with the successor, expired when no key can sign', () => {
  const active = key('a', 'active', 0, { activatedAt: at(0), notAfter: at(182) });
  const next = key('b', 'next', 0, { notAfter: at(362) });
  assert.equal(ownKeyExpiry([active, next], at(152), policy).expiry, 'ok');
  const soon = ownKeyExpiry([active, next], at(153), policy);
  assert.equal(soon.expiry, 'soon');
  assert.equal(soon.active?.notAfter.getTime(), at(182).getTime());
  assert.equal(soon.successor?.kid, 'b');
  assert.equal(soon.successor?.takesOverAt.getTime(), at(180).getTime(), 'due by age on day 180');
  assert.equal(ownKeyExpiry([active], at(182), policy).expiry, 'expired');
  assert.equal(ownKeyExpiry([], at(0), policy).expiry, 'expired');
});
