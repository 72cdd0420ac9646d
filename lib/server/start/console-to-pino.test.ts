/** Issue 13 §4: console output of libraries (samlify) is one scrubbed pino JSON line per call. */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import pino from 'pino';
import { routeConsoleToPino } from './console-to-pino';

test('issue 13 §4: samlify-style console.warn and console.error become one pino JSON line each, token values scrubbed', () => {
  const lines: string[] = [];
  const stream = new Writable({
    write: (chunk: Buffer, _e, done) => (
      lines.push(...chunk.toString().split('\n').filter(Boolean)),
      done()
    ),
  });
  const fake = { ...console };
  const restore = routeConsoleToPino(pino({ level: 'debug' }, stream), fake);
  fake.warn('Construct identity  provider - missing endpoint of SingleLogoutService');
  fake.error(new Error('ERR_DECRYPT nonce=bm9uY2UtdmFsdWUtMTIzNDU2Nzg5'));
  fake.log('multi\nline', { state: 'c3RhdGUtdmFsdWUtMTIzNDU2Nzg5MA' });
  fake.info('\u001b[32m\u001b[1m✓\u001b[22m\u001b[39m Ready');
  fake.warn('\u26a0 "next start" does not work with "output: standalone" configuration. Use "node .next/standalone/server.js" instead.');
  assert.equal(lines.length, 5);
  assert.equal((JSON.parse(lines[4] ?? '{}') as { level: number }).level, 20, "Next's standalone warning is wrong about our server: debug");
  lines.pop();
  const parsed = lines.map((l) => JSON.parse(l) as { level: number; source: string; msg: string });
  assert.deepEqual(
    parsed.map((p) => [p.level, p.source]),
    [
      [40, 'console'],
      [50, 'console'],
      [30, 'console'],
      [30, 'console'],
    ],
  );
  assert.equal(parsed[3]?.msg, '✓ Ready', 'terminal colours are dropped');
  assert.equal(
    parsed[0]?.msg,
    'Construct identity  provider - missing endpoint of SingleLogoutService',
  );
  assert.match(parsed[1]?.msg ?? '', /^Error: ERR_DECRYPT \[redacted\]/);
  assert.ok(!lines.join('').includes('bm9uY2U') && !lines.join('').includes('c3RhdGU'));
  restore();
  assert.equal(fake.warn, console.warn);
});
