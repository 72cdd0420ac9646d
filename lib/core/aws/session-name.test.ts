import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { isAwsValue } from './patterns';
import { roleSessionNameFor, sourceIdentityFor } from './session-name';

const CASES: Array<[string | undefined, string, string]> = [
  ['alice@example.com', 'sub-1', 'alice@example.com'],
  ['Alice.O+ops@example.co.uk', 'sub-1', 'Alice.O+ops@example.co.uk'],
  ['  bob@example.com ', 'sub-1', 'bob@example.com'],
  ['José Ruiz@exämple.com', 'sub-1', 'Jose-Ruiz@example.com'],
  ['ユーザー@例え.jp', 'sub-1', '-@-.jp'],
  ['a b\tc\nd', 'sub-1', 'a-b-c-d'],
  ['"quoted"<x>@y.z', 'sub-1', '-quoted-x-@y.z'],
  ['😀@x.io', 'sub-1', '-@x.io'],
  [undefined, '00u1abcd_EFGH-ij', '00u1abcd_EFGH-ij'],
  ['', 'google|1234', 'google-1234'],
  ['   ', 'sub', 'sub'],
  ['x', 'sub', 'x_'],
  [undefined, '', '__'],
  [undefined, 'é', 'e_'],
  ['aws:alice', 'sub', 'aws-alice'],
  ['AWS:x', 'sub', 'AWS-x'],
];

describe('roleSessionNameFor / sourceIdentityFor', () => {
  for (const [email, sub, expected] of CASES) {
    it(`${JSON.stringify(email)} / ${JSON.stringify(sub)} → ${expected}`, () => {
      assert.equal(roleSessionNameFor(email, sub), expected);
      assert.equal(sourceIdentityFor(email, sub), expected);
      assert.ok(isAwsValue('roleSessionName', expected));
      assert.ok(isAwsValue('sourceIdentity', expected));
    });
  }

  it('truncates very long emails to 64 characters', () => {
    const email = `${'a'.repeat(100)}@example.com`;
    const name = roleSessionNameFor(email, 'sub');
    assert.equal(name, 'a'.repeat(64));
    assert.ok(isAwsValue('roleSessionName', name));
    const mixed = `${'é'.repeat(70)}@x.com`;
    assert.equal(sourceIdentityFor(mixed, 'sub').length, 64);
  });

  it('never yields a value AWS rejects, whatever the input', () => {
    const samples = ['', ' ', '-', 'aws:', 'aws:aws:x', '\u0000\u0001', 'ﬁ@x', '😀'.repeat(40), '::::'];
    // Deterministic pseudo-random code points across the BMP and beyond (lone surrogates included).
    for (let i = 0; i < 300; i++) {
      const points = Array.from({ length: i % 90 }, (_, j) => {
        return ((i * 7919 + j * 104729) % 0x2ffff) + 1;
      });
      samples.push(String.fromCodePoint(...points));
    }
    for (const s of samples) {
      for (const name of [roleSessionNameFor(s, s), sourceIdentityFor(undefined, s)]) {
        assert.ok(isAwsValue('roleSessionName', name), JSON.stringify(name));
        assert.ok(isAwsValue('sourceIdentity', name), JSON.stringify(name));
      }
    }
  });
});
