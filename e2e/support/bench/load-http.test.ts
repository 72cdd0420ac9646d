/**
 * Issue 14 §5: the load phase's HTTP client. Each virtual user is its own client address as Rolegate
 * reads it behind the round-robin proxy with two trusted hops; answers are tallied by step and status.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { clientIp } from '../../../lib/server/start/client-ip';
import { startRoundRobinProxy, type RoundRobinProxy } from '../demo/round-robin';
import { AppClient, locationOf, virtualAddress } from './load-http';
import { Recorder, StepFailure } from './load-record';

let backend: http.Server;
let proxy: RoundRobinProxy;
let appUrl: string;

/** A stand-in instance: answers with the client address Rolegate would read (2 hops) and what it was sent. */
function instance(req: http.IncomingMessage, res: http.ServerResponse): void {
  const ip = clientIp({ forwardedFor: req.headers['x-forwarded-for'], peer: req.socket.remoteAddress }, 2);
  if (req.url === '/redirect') {
    res.writeHead(302, { location: '/landing', 'set-cookie': 'sid=abc; Path=/; HttpOnly' }).end();
    return;
  }
  const status = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('status') ?? 200);
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ ip, cookie: req.headers.cookie ?? null, ...(status >= 400 ? { error: { code: 'SOME_CODE' } } : {}) }));
}

async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

before(async () => {
  backend = http.createServer(instance);
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  const port = await freePort();
  proxy = await startRoundRobinProxy(port, [`http://127.0.0.1:${(backend.address() as AddressInfo).port}`]);
  appUrl = `http://localhost:${port}`;
});

after(async () => {
  await proxy.close();
  await new Promise((resolve) => backend.close(resolve));
});

test('virtual addresses come from 198.18.0.0/15, one per user, never a network or broadcast address', () => {
  const all = Array.from({ length: 2 * 256 * 254 }, (_, i) => virtualAddress(i));
  assert.equal(new Set(all).size, all.length);
  assert.equal(all[0], '198.18.0.1');
  assert.equal(all[253], '198.18.0.254');
  assert.equal(all[254], '198.18.1.1');
  assert.equal(all.at(-1), '198.19.255.254');
  for (const bad of [-1, 1.5, 2 * 256 * 254]) assert.throws(() => virtualAddress(bad), /no benchmark address/);
});

test('behind the proxy, with two trusted hops, the instance sees the user’s own address', async () => {
  const rec = new Recorder();
  const a = new AppClient(appUrl, virtualAddress(7), rec, new AbortController().signal);
  const b = new AppClient(appUrl, virtualAddress(300), rec, new AbortController().signal);
  assert.equal(JSON.parse((await a.send('/', { step: 'echo', expected: [200] })).text).ip, '198.18.0.8');
  assert.equal(JSON.parse((await b.send('/', { step: 'echo', expected: [200] })).text).ip, '198.18.1.47');
  // With one hop too few trusted, the proxy's loopback address would be everyone's (one shared bucket).
  assert.equal(clientIp({ forwardedFor: '198.18.0.8, 127.0.0.1', peer: '127.0.0.1' }, 1), '127.0.0.1');
});

test('keeps Rolegate’s cookies, reports redirects without following them, and forgets all on reset', async () => {
  const rec = new Recorder();
  const app = new AppClient(appUrl, virtualAddress(1), rec, new AbortController().signal);
  const moved = await app.send('/redirect', { step: 'r', expected: [302] });
  assert.equal(locationOf(moved, 'r', app.origin).pathname, '/landing');
  assert.equal(app.hasCookie('sid'), true);
  assert.equal(JSON.parse((await app.send('/', { step: 'echo', expected: [200] })).text).cookie, 'sid=abc');
  app.reset();
  assert.equal(app.hasCookie('sid'), false);
  assert.throws(() => locationOf({ status: 200, headers: new Headers(), text: '' }, 'r', app.origin), StepFailure);
});

test('an answer outside the step’s expected statuses fails the step with its code, and is tallied', async () => {
  const rec = new Recorder();
  const app = new AppClient(appUrl, virtualAddress(2), rec, new AbortController().signal);
  await assert.rejects(app.send('/?status=503', { step: 'keys', expected: [200] }), (err: unknown) => err instanceof StepFailure && err.message === 'keys: HTTP 503 SOME_CODE');
  await assert.rejects(app.send('/?status=429', { step: 'keys', expected: [200] }), /keys: HTTP 429/);
  await app.send('/?status=201', { step: 'keys', expected: [201] });
  assert.deepEqual(Object.fromEntries(rec.statuses), { '503': 1, '429': 1, '201': 1 });
  assert.deepEqual(Object.fromEntries(rec.unexpected), { 'keys 503': 1, 'keys 429': 1 });
  assert.equal(rec.serverErrors(), 1);
  assert.equal(rec.steps.get('keys')?.length, 3);
});

test('never sends a request off Rolegate’s origin, and a stopped run fails its requests at once', async () => {
  const rec = new Recorder();
  const stop = new AbortController();
  const app = new AppClient(appUrl, virtualAddress(3), rec, stop.signal);
  await assert.rejects(app.send('http://127.0.0.1:9/', { step: 'x', expected: [200] }), /x: left Rolegate/);
  stop.abort();
  await assert.rejects(app.send('/', { step: 'y', expected: [200] }), /y: transport AbortError/);
  assert.equal(rec.statuses.size, 0);
});
