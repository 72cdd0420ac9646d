import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeReturnPath } from './return-path';

test('keeps our own paths with their query', () => {
  assert.equal(safeReturnPath('/device?user_code=BCDF-GHJK'), '/device?user_code=BCDF-GHJK');
  assert.equal(safeReturnPath('/roles'), '/roles');
});

test('anything that could leave the origin becomes /roles', () => {
  for (const bad of [undefined, ['/device'], '', 'device', '//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', 'https://evil.example/', 'javascript:alert(1)', `/${'a'.repeat(300)}`, '/device#x']) {
    assert.equal(safeReturnPath(bad), '/roles', String(bad));
  }
});
