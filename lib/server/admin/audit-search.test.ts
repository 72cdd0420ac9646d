import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../../core/errors';
import { cursorParam, parseAuditSearch } from './audit-search';

test('parses a full search; days are whole UTC days, both inclusive; empty fields are no filter', () => {
  const s = parseAuditSearch({ type: 'issuance', outcome: 'ok', idp: 'okta', role: '', q: ' alice ', from: '2031-01-01', to: '2031-01-02', user: '' });
  assert.deepEqual(s.filter, { type: 'issuance', outcome: 'ok', idpId: 'okta', roleArn: undefined, userId: undefined, text: 'alice', from: new Date('2031-01-01T00:00:00Z'), to: new Date('2031-01-03T00:00:00Z') });
  assert.equal(s.params.toString(), 'type=issuance&outcome=ok&idp=okta&q=alice&from=2031-01-01&to=2031-01-02');
  assert.equal(s.cursor, undefined);
});

test('issue 15: a search shorter than 3 characters is a BAD_REQUEST saying so; 3 is enough', () => {
  assert.throws(
    () => parseAuditSearch({ q: ' ab ' }),
    (e: unknown) => e instanceof GatewayError && e.code === 'BAD_REQUEST' && e.publicDetail === 'q: at least 3 characters',
  );
  assert.equal(parseAuditSearch({ q: 'a_b' }).filter.text, 'a_b');
});

test('a cursor round-trips', () => {
  const c = { at: new Date('2031-01-01T10:00:00.123Z'), id: '6f1c2a9e-0000-4000-8000-000000000001' };
  assert.deepEqual(parseAuditSearch(new URLSearchParams({ cursor: cursorParam(c) })).cursor, c);
});

test('bad input is a typed BAD_REQUEST naming every problem', () => {
  const bad = { type: 'delete-everything', outcome: 'maybe', from: '01/02/2031', cursor: "1'; DROP", q: 'x'.repeat(201) };
  assert.throws(
    () => parseAuditSearch(bad),
    (e: unknown) => e instanceof GatewayError && e.code === 'BAD_REQUEST' && ['type', 'outcome', 'from', 'cursor', 'q'].every((k) => e.publicDetail?.includes(`${k}:`)),
  );
});
