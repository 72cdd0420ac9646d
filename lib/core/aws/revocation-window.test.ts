/**
 * The edges of the revocation documents (issue 12 §8): which older statements survive a new revocation
 * (exactly 12 hours is still kept: a session issued then may still be alive), which documents are ours to
 * read, and IAM's inline-policy limit to the character.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../errors';
import { MAX_SESSION_MS, REVOKE_OLDER_SESSIONS, REVOKED_SOURCE_IDENTITIES, ROLE_INLINE_LIMIT, withRevokedSourceIdentity } from './revocation-policy';

const at = new Date('2031-05-01T12:00:00.000Z');
interface Statement {
  Sid: string;
  Effect: string;
  Action: string[];
  Resource: string[];
  Condition: { DateLessThan: Record<string, string>; StringEquals: Record<string, string> };
}
const statements = (doc: string): Statement[] => (JSON.parse(doc) as { Statement: Statement[] }).Statement;
const who = (doc: string) => statements(doc).map((s) => s.Condition.StringEquals['aws:SourceIdentity']);

describe('withRevokedSourceIdentity', () => {
  it('keeps a statement exactly 12 hours old and drops one a second older', () => {
    const edge = withRevokedSourceIdentity(undefined, 'edge@example.com', new Date(at.getTime() - MAX_SESSION_MS));
    const older = withRevokedSourceIdentity(undefined, 'older@example.com', new Date(at.getTime() - MAX_SESSION_MS - 1000));
    assert.deepEqual(who(withRevokedSourceIdentity(edge, 'new@example.com', at)), ['edge@example.com', 'new@example.com']);
    assert.deepEqual(who(withRevokedSourceIdentity(older, 'new@example.com', at)), ['new@example.com']);
  });

  it('writes a Deny on everything for sessions of that SourceIdentity issued before now', () => {
    const [s] = statements(withRevokedSourceIdentity(undefined, 'ann@example.com', at));
    assert.deepEqual(
      { ...s, Sid: undefined },
      { Sid: undefined, Effect: 'Deny', Action: ['*'], Resource: ['*'], Condition: { DateLessThan: { 'aws:TokenIssueTime': '2031-05-01T12:00:00Z' }, StringEquals: { 'aws:SourceIdentity': 'ann@example.com' } } },
    );
    assert.equal(JSON.parse(withRevokedSourceIdentity(undefined, 'ann@example.com', at)).Version, '2012-10-17');
  });

  it('names statements by a hash of the SourceIdentity, so two people never share one', () => {
    const a = statements(withRevokedSourceIdentity(undefined, 'ann@example.com', at))[0]?.Sid;
    const b = statements(withRevokedSourceIdentity(undefined, 'bob@example.com', at))[0]?.Sid;
    assert.match(a ?? '', /^Revoke[0-9a-f]{24}$/);
    assert.notEqual(a, b);
  });

  it('drops statements it cannot date and rewrites documents without a Statement list', () => {
    const undated = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'x', Effect: 'Deny' }] });
    assert.deepEqual(who(withRevokedSourceIdentity(undated, 'ann@example.com', at)), ['ann@example.com']);
    const notAList = JSON.stringify({ Version: '2012-10-17', Statement: { Sid: 'x' } });
    assert.deepEqual(who(withRevokedSourceIdentity(notAList, 'ann@example.com', at)), ['ann@example.com']);
    assert.deepEqual(who(withRevokedSourceIdentity('', 'ann@example.com', at)), ['ann@example.com']);
    const noDate = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'y', Effect: 'Deny', Condition: {} }] });
    assert.deepEqual(who(withRevokedSourceIdentity(noDate, 'ann@example.com', at)), ['ann@example.com']);
  });

  it('accepts a document of exactly the inline limit and refuses one character more: REVOCATION_FAILED', () => {
    const base = withRevokedSourceIdentity(undefined, 'a@x', at).length;
    const fill = (n: number) => `${'a'.repeat(n)}@x`;
    const exact = ROLE_INLINE_LIMIT - base + 'a@x'.length;
    assert.equal(withRevokedSourceIdentity(undefined, fill(exact - 2), at).length, ROLE_INLINE_LIMIT);
    assert.throws(() => withRevokedSourceIdentity(undefined, fill(exact - 1), at), (e: unknown) =>
      e instanceof GatewayError && e.code === 'REVOCATION_FAILED' && e.message.includes(REVOKED_SOURCE_IDENTITIES) && e.message.includes(`${ROLE_INLINE_LIMIT + 1} characters`) &&
      e.publicDetail === 'too many people revoked in this role within 12 hours: revoke the role’s older sessions instead',
    );
  });

  it('names the two inline policies as IAM and the console know them', () => {
    assert.equal(REVOKE_OLDER_SESSIONS, 'AWSRevokeOlderSessions');
    assert.equal(REVOKED_SOURCE_IDENTITIES, 'RolegateRevokedSourceIdentities');
    assert.equal(ROLE_INLINE_LIMIT, 10_240);
    assert.equal(MAX_SESSION_MS, 12 * 3600_000);
  });
});
