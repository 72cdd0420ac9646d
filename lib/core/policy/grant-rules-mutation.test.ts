/**
 * The exact bounds and messages of grant requests and decisions (issue 12 §8: mutation testing found them
 * unguarded). The main rules are in grant-rules.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfigText } from '../config/parse';
import { EXAMPLE_CONFIG_YAML } from '../config/fixtures';
import { GatewayError, type GatewayErrorCode } from '../errors';
import { checkGrantRequest, checkRevoke, countApprovals, decideGrant, type GrantActor, type GrantRequestInput } from './grant-rules';
import type { Grant } from './grants';

const { roles } = parseConfigText(EXAMPLE_CONFIG_YAML);
const now = new Date('2026-05-01T10:00:00Z');
const sec = (s: number) => new Date(now.getTime() + s * 1000);
const DAY = 86400;
const alice: GrantActor = { userId: 'alice', email: 'alice@example.com', isAdmin: true };
const gina: GrantActor = { userId: 'gina', email: 'gina@example.com', isAdmin: true };
const input = (over: Partial<GrantRequestInput> = {}): GrantRequestInput => ({
  roleId: '111122223333/Admin', email: 'carol@example.com', emailIdp: 'okta', reason: 'incident 42', startsAt: now, durationSeconds: 3600, requiredApprovals: 1, ...over,
});
const ctx = { roles, idpIds: ['okta', 'google'], requester: alice, now };
const request = (over: Partial<GrantRequestInput> = {}, c: Partial<typeof ctx> & { maxDurationSeconds?: number } = {}) => checkGrantRequest(input(over), { ...ctx, ...c });
/** Refused with this code, this public detail and (when given) this internal message. */
const refused = (code: GatewayErrorCode, publicDetail: string | undefined, message?: string) => (e: unknown) => {
  assert.ok(e instanceof GatewayError);
  assert.deepEqual([e.code, e.publicDetail, message === undefined ? undefined : e.message], [code, publicDetail, message]);
  return true;
};
const invalid = (detail: string) => refused('GRANT_INVALID', detail, detail);

describe('checkGrantRequest: who and what', () => {
  it('refuses a non-admin, and an unknown role without echoing it (the log keeps 200 characters)', () => {
    assert.throws(() => request({}, { requester: { ...alice, isAdmin: false } }), refused('FORBIDDEN', undefined, 'only admins request grants'));
    const long = `111122223333/${'N'.repeat(300)}`;
    assert.throws(() => request({ roleId: long }), refused('GRANT_ROLE_UNKNOWN', 'pick a configured role', `unknown role ${long.slice(0, 200)}`));
  });

  it('trims the user id, the email and the email IdP; a blank email or user id counts as none', () => {
    const g = request({ email: '  Carol@Example.com ', emailIdp: ' okta ' });
    assert.deepEqual([g.email, g.emailIdp, g.userId], ['carol@example.com', 'okta', undefined]);
    const u = request({ email: '  ', userId: ' carol ' });
    assert.deepEqual([u.email, u.emailIdp, u.userId], [undefined, undefined, 'carol']);
    assert.deepEqual(request({ userId: '  ' }).email, 'carol@example.com');
    assert.throws(() => request({ email: '', userId: '' }), invalid('name either a user or an email'));
  });

  it('accepts only a plain address: one @, a dotted domain, no spaces, nothing around it', () => {
    for (const bad of ['a b@example.com', 'a@b@example.com', 'carol@exa mple.com', 'carol@ex@ample.com', 'carol@example.c om', 'carol@example.com@evil',
      'carol@examplecom', 'x carol@example.com', 'carol@example.com x', '@example.com', 'carol@.com', 'carol@example.']) {
      assert.throws(() => request({ email: bad }), invalid('the email is not valid'), bad);
    }
    assert.equal(request({ email: 'c@e.io' }).email, 'c@e.io');
  });

  it('issue 12 §1: an email needs an IdP that is configured; a blank IdP is none', () => {
    for (const emailIdp of [undefined, '', '  ', 'nope', 'OKTA']) {
      assert.throws(() => request({ emailIdp }), invalid('name the IdP that verifies the email'), String(emailIdp));
    }
    assert.equal(request({ emailIdp: 'google' }).emailIdp, 'google');
    assert.throws(() => request({ emailIdp: '  ' }, { idpIds: ['', 'okta'] }), invalid('name the IdP that verifies the email'), 'not even when an empty id slipped into the list');
  });

  it('requires a reason of 1–500 characters', () => {
    assert.equal(request({ reason: 'x'.repeat(500) }).reason.length, 500);
    assert.throws(() => request({ reason: 'x'.repeat(501) }), invalid('a reason of 1–500 characters is required'));
  });

  it('requires 0–5 approvals, a whole number', () => {
    assert.equal(request({ requiredApprovals: 5 }).requiredApprovals, 5);
    for (const n of [6, -1, 1.5]) assert.throws(() => request({ requiredApprovals: n }), invalid('required approvals must be 0–5'), String(n));
  });
});

describe('checkGrantRequest: when', () => {
  it('accepts a start up to 5 minutes in the past (a form filled in slowly), not a millisecond more', () => {
    assert.equal(request({ startsAt: sec(-300) }).startsAt.getTime(), sec(-300).getTime());
    assert.throws(() => request({ startsAt: new Date(sec(-300).getTime() - 1) }), invalid('the start must not be in the past'));
  });

  it('accepts a start up to 90 days ahead, not a millisecond more', () => {
    assert.equal(request({ startsAt: sec(90 * DAY) }).startsAt.getTime(), sec(90 * DAY).getTime());
    assert.throws(() => request({ startsAt: new Date(sec(90 * DAY).getTime() + 1) }), invalid('the start is too far ahead'));
  });

  it('lasts 5 minutes to the maximum, both inclusive, counted in whole seconds from an end', () => {
    assert.equal(request({ durationSeconds: 300 }).durationSeconds, 300);
    assert.throws(() => request({ durationSeconds: 299 }), invalid('a grant lasts at least 5 minutes'));
    assert.throws(() => request({ durationSeconds: 600.5 }), invalid('a grant lasts at least 5 minutes'));
    assert.equal(request({ durationSeconds: undefined, endsAt: new Date(sec(3600).getTime() + 999) }).durationSeconds, 3600);
    assert.equal(request({ durationSeconds: DAY }, { maxDurationSeconds: DAY }).durationSeconds, DAY);
    assert.throws(() => request({ durationSeconds: 1.5 * DAY + 1 }, { maxDurationSeconds: 1.5 * DAY }), invalid('a grant lasts at most 1 days'));
    assert.throws(() => request({ durationSeconds: 31 * DAY }, { maxDurationSeconds: 60 * DAY }), invalid('a grant lasts at most 30 days'), 'the config cannot raise the 30-day cap');
  });

  it('refuses an end that is not after the start, and a missing or double length', () => {
    assert.throws(() => request({ durationSeconds: undefined, endsAt: now }), invalid('the end must be after the start'));
    assert.throws(() => request({ durationSeconds: undefined, endsAt: sec(-10) }), invalid('the end must be after the start'));
    assert.throws(() => request({ durationSeconds: undefined, endsAt: new Date(Number.NaN) }), invalid('the end must be after the start'));
    assert.throws(() => request({ durationSeconds: 0 }), invalid('the end must be after the start'));
    assert.throws(() => request({ durationSeconds: undefined }), invalid('give either an end or a duration'));
  });
});

describe('checkGrantRequest: self-grants', () => {
  it('a requester without a verified email may grant another user without approval', () => {
    const g = request({ email: undefined, userId: 'carol', requiredApprovals: 0 }, { requester: { userId: 'alice', isAdmin: true } });
    assert.deepEqual([g.status, g.activatedAt], ['active', now]);
  });

  it('refuses a self-grant without approval with the reason shown to the admin', () => {
    assert.throws(() => request({ email: undefined, userId: 'alice', requiredApprovals: 0 }),
      refused('GRANT_SELF_APPROVAL', 'a grant to yourself needs at least one approval by another admin', 'self-grant without approval'));
  });
});

const pending = (over: Partial<Grant> = {}): Grant => ({ ...request({ requiredApprovals: 2 }), id: 'g1', approvals: [], ...over });
const later = sec(600);
const approval = (approverUserId: string, approverEmail?: string, decision: 'approve' | 'reject' = 'approve') => ({ approverUserId, approverEmail, decision, at: later });

describe('decideGrant', () => {
  it('says why a decision is refused', () => {
    assert.throws(() => decideGrant(pending(), { ...gina, isAdmin: false }, 'approve', later), refused('FORBIDDEN', undefined, 'user gina is not an admin'));
    assert.throws(() => decideGrant(pending({ status: 'active' }), gina, 'approve', later), refused('GRANT_STATE_CONFLICT', 'the grant is active', 'grant g1 is active'));
    assert.throws(() => decideGrant(pending(), alice, 'approve', later), refused('GRANT_SELF_APPROVAL', 'you requested this grant', 'requester alice deciding own grant g1'));
    assert.throws(() => decideGrant(pending(), { userId: 'carol-id', email: 'carol@example.com', isAdmin: true }, 'approve', later), refused('GRANT_SELF_APPROVAL', 'this grant gives you the role', 'grantee carol-id deciding grant g1'));
    const once = pending({ approvals: [approval('hank'), approval('gina')] });
    assert.throws(() => decideGrant(once, gina, 'approve', later), refused('GRANT_ALREADY_DECIDED', undefined, 'gina already decided on g1'), 'also when not the first decision');
  });

  it('two admins without a verified email are not the same person', () => {
    const noEmails = pending({ requestedByEmail: undefined, email: undefined, userId: 'carol', approvals: [approval('hank')] });
    assert.deepEqual(decideGrant(noEmails, { userId: 'ivan', isAdmin: true }, 'approve', later), { decision: 'approve', status: 'active', activatedAt: later, approvals: 2 });
  });

  it('a requester without a verified email still cannot decide their own grant', () => {
    const byIvan = pending({ requestedBy: 'ivan', requestedByEmail: undefined });
    assert.throws(() => decideGrant(byIvan, { userId: 'ivan', isAdmin: true }, 'approve', later), refused('GRANT_SELF_APPROVAL', 'you requested this grant', 'requester ivan deciding own grant g1'));
  });

  it('a rejection reports the approvals counted so far', () => {
    assert.deepEqual(decideGrant(pending({ approvals: [approval('hank')] }), gina, 'reject', later), { decision: 'reject', status: 'rejected', approvals: 1 });
  });
});

describe('countApprovals', () => {
  it('counts approvals only, each person once, and never mistakes a user id for an email', () => {
    assert.equal(countApprovals({ approvals: [approval('hank'), approval('ivan', undefined, 'reject')] }), 1);
    assert.equal(countApprovals({ approvals: [approval('hank'), approval('ivan')] }), 2);
    assert.equal(countApprovals({ approvals: [approval('hank', 'bob@example.com'), approval('bob@example.com')] }), 2);
  });
});

describe('checkRevoke', () => {
  it('says why a revocation is refused', () => {
    assert.throws(() => checkRevoke(pending(), { ...alice, isAdmin: false }), refused('FORBIDDEN', undefined, 'user alice is not an admin'));
    assert.throws(() => checkRevoke(pending({ status: 'revoked' }), alice), refused('GRANT_STATE_CONFLICT', 'the grant is already revoked', 'grant g1 is revoked'));
  });
});
