import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuditEventRecord } from '../../db/repos/audit-types';
import { csvCell, EXPORT_COLUMNS, toCsv, toJson } from './audit-export';

const event: AuditEventRecord = {
  id: 'e1',
  at: new Date('2031-01-01T10:00:00.000Z'),
  type: 'issuance',
  outcome: 'ok',
  userId: 'u1',
  email: 'ann@acme.test',
  emailVerified: false,
  roleArn: 'arn:aws:iam::111122223333:role/ReadOnly',
  sessionName: 'ann@acme.test',
  requestId: 'req-1',
  ip: '203.0.113.7',
  userAgent: '=HYPERLINK("http://evil.example","click"), "quoted"',
  expiresAt: new Date('2031-01-01T11:00:00.000Z'),
  detail: { channel: 'cli', sourceIdentity: 'ann@acme.test' },
};

test('formula-looking cells are neutralised; quotes, commas and newlines are quoted', () => {
  for (const lead of ['=', '+', '-', '@', '\t', '\r']) assert.ok(csvCell(`${lead}1+1`).replace(/^"/, '').startsWith(`'${lead}`), JSON.stringify(lead));
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
});

test('CSV has a header and one line per event with the issuance facts', () => {
  const csv = toCsv([event]);
  const [header, line] = csv.split('\r\n');
  assert.equal(header, EXPORT_COLUMNS.join(','));
  assert.ok(line?.startsWith('2031-01-01T10:00:00.000Z,issuance,ok,,u1,ann@acme.test,false,,,arn:aws:iam::111122223333:role/ReadOnly,ann@acme.test,ann@acme.test,req-1,2031-01-01T11:00:00.000Z,203.0.113.7,'));
  assert.ok(line?.includes(`"'=HYPERLINK(""http://evil.example"",""click""), ""quoted"""`));
  assert.ok(line?.endsWith(',cli,"{""channel"":""cli"",""sourceIdentity"":""ann@acme.test""}"'));
});

test('JSON keeps every field with ISO times', () => {
  const [parsed] = JSON.parse(toJson([event])) as Record<string, unknown>[];
  assert.equal(parsed?.at, '2031-01-01T10:00:00.000Z');
  assert.equal(parsed?.requestId, 'req-1');
  assert.deepEqual(parsed?.detail, { channel: 'cli', sourceIdentity: 'ann@acme.test' });
});
