import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuditEventRecord } from '../../db/repos/audit-types';
import { csvCell, EXPORT_COLUMNS, EXPORT_FORMATS, type ExportFormat } from './audit-export';

/** As the export stream writes it: `first` until a row has been written. */
const file = (f: ExportFormat, pages: AuditEventRecord[][], truncated = false) =>
  f.head + pages.map((p, i) => f.rows(p, pages.slice(0, i).flat().length === 0)).join('') + f.foot({ exportId: 'x-1', rows: pages.flat().length, truncated });
const toCsv = (events: AuditEventRecord[]) => file(EXPORT_FORMATS.csv, [events]);

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

test('CSV ends with one line saying how many rows it holds and whether the cap cut it', () => {
  const lines = file(EXPORT_FORMATS.csv, [[event], [event]], true).split('\r\n');
  assert.equal(lines.at(-2), '#rolegate-export rows=2 truncated=true id=x-1');
  assert.equal(lines.at(-1), '', 'the last line ends with CRLF');
  assert.equal(lines.length, 5, 'header, two rows, the summary');
  const empty = file(EXPORT_FORMATS.csv, []).split('\r\n');
  assert.deepEqual(empty, [EXPORT_COLUMNS.join(','), '#rolegate-export rows=0 truncated=false id=x-1', '']);
});

test('JSON written page by page is one object: the events, then how many and whether the cap cut it', () => {
  const doc = JSON.parse(file(EXPORT_FORMATS.json, [[event, event], [], [event]])) as { events: unknown[]; rows: number; truncated: boolean; exportId: string };
  assert.deepEqual([doc.events.length, doc.rows, doc.truncated, doc.exportId], [3, 3, false, 'x-1']);
  assert.deepEqual(JSON.parse(file(EXPORT_FORMATS.json, [])), { events: [], rows: 0, truncated: false, exportId: 'x-1' });
  assert.deepEqual(JSON.parse(file(EXPORT_FORMATS.json, [[], [event]])).events.length, 1, 'no leading comma after an empty first page');
});

test('JSON keeps every field with ISO times', () => {
  const [parsed] = (JSON.parse(file(EXPORT_FORMATS.json, [[event]])) as { events: Record<string, unknown>[] }).events;
  assert.equal(parsed?.at, '2031-01-01T10:00:00.000Z');
  assert.equal(parsed?.requestId, 'req-1');
  assert.deepEqual(parsed?.detail, { channel: 'cli', sourceIdentity: 'ann@acme.test' });
});
