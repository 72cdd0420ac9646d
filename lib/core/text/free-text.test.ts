import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { configEditSchema } from '../config/edit';
import { ConfigError, parseConfigText } from '../config/parse';
import { EXAMPLE_CONFIG_YAML } from '../config/fixtures';
import { CONTROL_CHARACTER_MESSAGE, controlCharacterPaths, freeText, hasControlCharacter, inputRefusal } from './free-text';

const BAD = ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u009f'];

test('NUL, other C0/C1 controls and DEL are refused; tab, line breaks and any printable Unicode are text', () => {
  for (const c of BAD) assert.ok(hasControlCharacter(`a${c}b`), JSON.stringify(c));
  for (const ok of ['line 1\nline 2\r\n\tindented', 'Zoë – 東京 🚀', '', ' \u00a0 ']) assert.ok(!hasControlCharacter(ok), ok);
});

test('freeText keeps refusing after .min/.max/.trim/.optional are chained on', () => {
  const schemas = [freeText(), freeText().min(1).max(10), freeText().trim().max(10), freeText().max(10).optional()];
  for (const s of schemas) {
    assert.equal(s.safeParse('fine').success, true);
    const r = s.safeParse('bad\u0000');
    assert.equal(r.success, false);
    if (!r.success) assert.equal(inputRefusal(r.error).code, 'INPUT_CONTROL_CHARACTER');
  }
  // Other problems stay BAD_REQUEST (or the caller's code).
  const other = freeText().max(2).safeParse('long');
  assert.ok(!other.success && inputRefusal(other.error).code === 'BAD_REQUEST');
  assert.ok(!other.success && inputRefusal(other.error, 'GRANT_INVALID').code === 'GRANT_INVALID');
  const nested = z.object({ a: z.array(freeText()) }).safeParse({ a: ['x', 'y\u0000'] });
  assert.ok(!nested.success);
  const refusal = inputRefusal(nested.error);
  assert.equal(refusal.code, 'INPUT_CONTROL_CHARACTER');
  assert.equal(refusal.status, 400);
  assert.match(refusal.publicDetail ?? '', /^a\.1: must not contain NUL/);
});

test('every string of an admin-page config edit is free text (rule description, connection name, account alias…)', () => {
  const edits = [
    { op: 'putRule', rule: { id: 'r1', description: 'bad\u0000', roles: ['dev/Admin'] } },
    { op: 'putRule', rule: { id: 'r1', groups: ['eng\u0007'], roles: ['dev/Admin'] } },
    { op: 'updateAccount', id: '111122223333', alias: 'prod\u0000' },
    { op: 'putSamlConnection', connection: { id: 'adfs', name: 'ADFS\u001b[31m', preset: 'adfs', metadataUrl: 'https://adfs.example.com/md' } },
    { op: 'putOidcIdp', idp: { id: 'okta', name: 'Okta\u0000', preset: 'okta', issuer: 'https://o.example.com', clientId: 'c' } },
    { op: 'putRole', accountId: '111122223333', role: { name: 'Admin', description: 'x\u0000', maxSessionDuration: 3600, delivery: 'saml' } },
  ];
  for (const edit of edits) {
    const r = configEditSchema.safeParse(edit);
    assert.equal(r.success, false, JSON.stringify(edit));
    if (!r.success) assert.equal(inputRefusal(r.error).code, 'INPUT_CONTROL_CHARACTER', JSON.stringify(edit));
  }
});

test('a config file with a control character, raw or written as a YAML escape, lists where', () => {
  const problems = (text: string) => {
    try {
      parseConfigText(text);
    } catch (e) {
      if (e instanceof ConfigError) return e.problems;
      throw e;
    }
    return [];
  };
  assert.deepEqual(problems(`${EXAMPLE_CONFIG_YAML}\n# \u0000`), [{ path: '', message: CONTROL_CHARACTER_MESSAGE }]);
  const escaped = EXAMPLE_CONFIG_YAML.replace('alias: prod', 'alias: "pr\\0od"');
  assert.notEqual(escaped, EXAMPLE_CONFIG_YAML);
  const found = problems(escaped);
  assert.equal(found.length, 1);
  assert.match(found[0]?.path ?? '', /^accounts\[\d+\]\.alias$/);
  assert.equal(found[0]?.message, CONTROL_CHARACTER_MESSAGE);
});

test('controlCharacterPaths finds keys and values at any depth', () => {
  assert.deepEqual(controlCharacterPaths({ a: [{ b: 'ok' }, { c: 'x\u0000' }], ['k\u0001']: 1 }), ['a[1].c', 'k\u0001']);
  assert.deepEqual(controlCharacterPaths({ a: 1, b: [true, null, 'fine'] }), []);
});

test('issue 15 §4: controlCharacterPaths writes every path as before, now built only when reported', () => {
  assert.deepEqual(controlCharacterPaths('x\u0000'), ['(value)']);
  assert.deepEqual(controlCharacterPaths([['ok', 'x\u0007']]), ['[0][1]']);
  assert.deepEqual(controlCharacterPaths({ '': { x: '\u001f' } }), ['x'], 'an empty key adds nothing');
  assert.deepEqual(controlCharacterPaths({ a: ['\u0000', { b: '\u0000' }] }, 'doc'), ['doc.a[0]', 'doc.a[1].b']);
  assert.deepEqual(controlCharacterPaths({ a: { 'k\u0001': { deeper: '\u0000' } }, b: 'x\u007f' }), ['a.k\u0001', 'b'], 'a bad key is reported, not what it holds');
});
