/** Issue 14 §1: SIGTERM's drain — in-flight requests finish, new ones are refused, bounded by a timeout. */
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { drain } from './drain';

function slowServer(delayMs: number): Promise<{ server: Server; url: string; finished: string[] }> {
  const finished: string[] = [];
  const server = createServer((req, res) => {
    setTimeout(() => {
      finished.push(req.url ?? '');
      res.end('done');
    }, delayMs);
  });
  return new Promise((resolve) => server.listen(0, 'localhost', () => resolve({ server, url: `http://localhost:${(server.address() as AddressInfo).port}`, finished })));
}

const get = (url: string) => fetch(url).then(async (r) => ({ status: r.status, body: await r.text() }));

test('issue 14 §1: requests in flight at the stop get their answers; the app closes after them; new connections are refused', async () => {
  const { server, url, finished } = await slowServer(300);
  const inFlight = [get(`${url}/a`), get(`${url}/b`), get(`${url}/c`)];
  await new Promise((r) => setTimeout(r, 100));
  const events: string[] = [];
  const stopping = drain(server, async () => void events.push(`app closed after ${finished.length}`), 5_000);
  await assert.rejects(get(`${url}/late`));
  assert.deepEqual(await Promise.all(inFlight), [1, 2, 3].map(() => ({ status: 200, body: 'done' })));
  assert.equal(await stopping, 'drained');
  assert.deepEqual(events, ['app closed after 3']);
  assert.deepEqual(finished.sort(), ['/a', '/b', '/c']);
});

test('issue 14 §1: the drain is bounded: a request that outlives the timeout is cut and the stop says timeout', async () => {
  const { server, url } = await slowServer(10_000);
  const stuck = new Promise<string>((resolve) => {
    request(`${url}/stuck`, (res) => resolve(String(res.statusCode))).on('error', (e) => resolve(e.message)).end();
  });
  await new Promise((r) => setTimeout(r, 100));
  const t0 = Date.now();
  assert.equal(await drain(server, async () => undefined, 200), 'timeout');
  assert.ok(Date.now() - t0 < 2_000);
  assert.match(await stuck, /socket hang up|ECONNRESET/);
});
