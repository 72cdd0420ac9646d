import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatUserCode, generateUserCode, normalizeUserCode, USER_CODE_ALPHABET } from './user-code';

test('generated codes are 8 letters of the RFC 8628 consonant alphabet and differ', () => {
  const codes = new Set(Array.from({ length: 200 }, () => generateUserCode()));
  assert.equal(codes.size, 200);
  for (const code of codes) assert.match(code, /^[BCDFGHJKLMNPQRSTVWXZ]{8}$/);
  assert.equal(generateUserCode(() => 0), 'BBBBBBBB');
  assert.equal(generateUserCode(() => USER_CODE_ALPHABET.length - 1), 'ZZZZZZZZ');
});

test('the alphabet has no vowels, digits or look-alikes', () => {
  assert.equal(new Set(USER_CODE_ALPHABET).size, 20);
  assert.doesNotMatch(USER_CODE_ALPHABET, /[AEIOUY0-9]/);
});

test('normalises case, dashes and spaces; formats as XXXX-XXXX', () => {
  assert.equal(normalizeUserCode('bcdf-ghjk'), 'BCDFGHJK');
  assert.equal(normalizeUserCode(' BCDF GHJK '), 'BCDFGHJK');
  assert.equal(formatUserCode('BCDFGHJK'), 'BCDF-GHJK');
  assert.equal(normalizeUserCode(formatUserCode('ZXWVTSRQ')), 'ZXWVTSRQ');
});

test('rejects codes of the wrong length, outside the alphabet or absurdly long', () => {
  for (const bad of ['', 'BCDF-GHJ', 'BCDF-GHJKL', 'ABCD-EFGH', 'BCDF-GHJ1', 'BCDF_GHJK', 'BCDF-GHJK'.padEnd(40, ' '), 'bcdf–ghjk']) {
    assert.equal(normalizeUserCode(bad), undefined, bad);
  }
});
