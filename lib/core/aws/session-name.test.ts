import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { isAwsValue } from './patterns';
import { awsIdentityFor, emailTagValueFor, roleSessionNameFor, sourceIdentityFor, type AwsIdentitySource } from './session-name';

const UID = '3f2b8c1e-9a4d-4e6f-8b7a-0c1d2e3f4a5b';
const who = (over: Partial<AwsIdentitySource>): AwsIdentitySource => ({ idpId: 'okta', email: 'alice@example.com', emailVerified: true, userId: UID, ...over });

function assertAwsSafe(value: string): void {
  assert.ok(isAwsValue('roleSessionName', value), `RoleSessionName ${JSON.stringify(value)}`);
  assert.ok(isAwsValue('sourceIdentity', value), `SourceIdentity ${JSON.stringify(value)}`);
  assert.ok(isAwsValue('sessionTagValue', value), `tag value ${JSON.stringify(value)}`);
}

describe('awsIdentityFor: readable when exact', () => {
  it('a verified ASCII email is used as is, named by its IdP', () => {
    assert.equal(sourceIdentityFor(who({})), 'okta=alice@example.com');
    assert.equal(roleSessionNameFor(who({ email: 'alice.o+ops@example.co.uk' })), 'okta=alice.o+ops@example.co.uk');
  });

  it('an unverified email is never used: the stable <idp>-<user id> is', () => {
    assert.equal(awsIdentityFor(who({ emailVerified: false })), `okta-${UID}`);
    assert.equal(awsIdentityFor(who({ email: undefined })), `okta-${UID}`);
  });

  it('a user id that is not a UUID is hashed, never copied raw', () => {
    const v = awsIdentityFor(who({ email: undefined, userId: 'google|1234' }));
    assert.match(v, /^okta\+google-1234\+[0-9a-f]{24}$/);
    assertAwsSafe(v);
  });
});

describe('awsIdentityFor: two different people never share a value', () => {
  const distinct = (a: AwsIdentitySource, b: AwsIdentitySource) => {
    const [x, y] = [awsIdentityFor(a), awsIdentityFor(b)];
    assertAwsSafe(x);
    assertAwsSafe(y);
    assert.notEqual(x, y, `${JSON.stringify(a)} and ${JSON.stringify(b)} both became ${x}`);
  };

  it('non-Latin local parts: 山田 and 佐藤 at example.jp', () => {
    distinct(who({ email: '山田@example.jp' }), who({ email: '佐藤@example.jp' }));
    assert.match(awsIdentityFor(who({ email: '山田@example.jp' })), /^okta\+-@example\.jp\+[0-9a-f]{24}$/);
  });

  it('full-width ａｌｉｃｅ is not folded into alice', () => {
    distinct(who({ email: 'ａｌｉｃｅ@example.com' }), who({ email: 'alice@example.com' }));
  });

  it('emails over 64 characters differing only at the end (the domain) stay apart', () => {
    const local = 'a'.repeat(70);
    distinct(who({ email: `${local}@example.com` }), who({ email: `${local}@example.org` }));
    assert.equal(awsIdentityFor(who({ email: `${local}@example.com` })).length, 64);
  });

  it('the same verified email at two IdPs is two identities', () => {
    distinct(who({ idpId: 'okta' }), who({ idpId: 'google' }));
    distinct(who({ idpId: 'okta', email: '山田@example.jp' }), who({ idpId: 'google', email: '山田@example.jp' }));
  });

  it('a verified email never collides with another user’s stable id, nor with a hashed user id', () => {
    distinct(who({}), who({ email: undefined }));
    distinct(who({ email: `u@${UID}` }), who({ email: undefined }));
    distinct(who({ email: 'google-1234@x.io' }), who({ email: undefined, userId: 'google-1234@x.io' }));
  });

  it('property: many generated inputs, all distinct in, all distinct out, all AWS-safe', () => {
    const idps = ['okta', 'google', 'corp-adfs', 'e', `x${'-'.repeat(40)}y`];
    const locals = ['alice', 'ａｌｉｃｅ', 'Alice', '山田', '佐藤', 'josé', 'jose\u0301', 'a,b', 'a=b', 'a+b', 'o\'neil', '😀', 'a'.repeat(63), 'a'.repeat(64)];
    const domains = ['example.com', 'example.org', 'exämple.com', 'ｅｘａｍｐｌｅ.com', 'x.io'];
    const inputs: AwsIdentitySource[] = [];
    for (const idpId of idps) {
      for (const l of locals) for (const d of domains) inputs.push(who({ idpId, email: `${l}@${d}` }));
      // Deterministic pseudo-random code points, lone surrogates included.
      for (let i = 0; i < 120; i++) {
        const points = Array.from({ length: 1 + (i % 80) }, (_, j) => ((i * 7919 + j * 104729) % 0x2ffff) + 1);
        inputs.push(who({ idpId, email: String.fromCodePoint(...points) }));
        inputs.push(who({ idpId, email: undefined, userId: String.fromCodePoint(...points) }));
      }
      for (let i = 0; i < 40; i++) {
        const hex = i.toString(16).padStart(12, '0');
        inputs.push(who({ idpId, email: undefined, userId: `3f2b8c1e-9a4d-4e6f-8b7a-${hex}` }));
        inputs.push(who({ idpId, emailVerified: false, userId: `3f2b8c1e-9a4d-4e6f-8b7a-${hex}` }));
      }
    }
    // What identifies a person: (IdP, verified email) or, without one, (IdP, user id).
    const key = (w: AwsIdentitySource) => JSON.stringify(w.emailVerified && w.email ? [w.idpId, 'e', w.email] : [w.idpId, 'u', w.userId]);
    const seen = new Map<string, string>();
    for (const input of inputs) {
      const value = awsIdentityFor(input);
      assertAwsSafe(value);
      assert.ok(!value.toLowerCase().startsWith('aws:'));
      const before = seen.get(value);
      assert.ok(before === undefined || before === key(input), `${before} and ${key(input)} both became ${value}`);
      seen.set(value, key(input));
    }
    assert.ok(seen.size > 1500, `only ${seen.size} distinct people generated`);
  });
});

describe('emailTagValueFor', () => {
  it('a verified email as is (tags allow Unicode letters), else the stable identity', () => {
    assert.equal(emailTagValueFor(who({ email: '山田@example.jp' })), '山田@example.jp');
    assert.equal(emailTagValueFor(who({ emailVerified: false })), `okta-${UID}`);
    const odd = emailTagValueFor(who({ email: 'a,b@example.com' }));
    assert.match(odd, /^okta\+a-b@example\.com\+[0-9a-f]{24}$/);
    assert.ok(isAwsValue('sessionTagValue', odd));
  });
});
