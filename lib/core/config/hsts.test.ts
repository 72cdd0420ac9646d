import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strictTransportSecurity } from './hsts';

test('issue 12 §7: HSTS for an https public URL, none for the http demo', () => {
  assert.equal(strictTransportSecurity('https://rolegate.example.com'), 'max-age=63072000');
  assert.equal(strictTransportSecurity('http://localhost:3400'), undefined);
});
