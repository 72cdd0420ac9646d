/**
 * Issue 12 §6: metadata fetches against a local HTTP server that streams an endless body, declares a huge
 * one, never answers, or fails — each refused with its code after a bounded read, failures cached.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { GatewayError } from '../../core/errors';
import { createMetadataSource, fetchMetadataXml, METADATA_MAX_BYTES } from './metadata-fetch';

const CHUNK = Buffer.alloc(64 * 1024, 'a');
const hits = new Map<string, number>();
let endlessClosed: Promise<void> = Promise.resolve();
let base = '';
const hanging: http.ServerResponse[] = [];

const server = http.createServer((req, res) => {
  const path = req.url ?? '/';
  hits.set(path, (hits.get(path) ?? 0) + 1);
  if (path === '/endless') {
    // 300 MB and more: written as fast as the client takes it, until it hangs up.
    endlessClosed = new Promise((resolve) => res.on('close', () => resolve()));
    res.writeHead(200, { 'content-type': 'application/xml' });
    const pump = () => {
      while (!res.destroyed && res.write(CHUNK));
      if (!res.destroyed) res.once('drain', pump);
    };
    pump();
  } else if (path === '/declared-huge') {
    res.writeHead(200, { 'content-length': String(300 * 1024 * 1024) });
    res.write(CHUNK);
  } else if (path === '/hang') {
    hanging.push(res);
  } else if (path === '/down') {
    res.writeHead(503).end('down');
  } else {
    res.writeHead(200, { 'content-type': 'application/xml' }).end('<md:EntityDescriptor/>');
  }
});

/** fetch, counting the body bytes our reader actually pulled. */
function countingFetch(counter: { bytes: number }): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init);
    if (!res.body) return res;
    const counted = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          counter.bytes += chunk.byteLength;
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(counted, { status: res.status, headers: res.headers });
  };
}

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof GatewayError, String(e));
    return e.code;
  }
  return 'ok';
};

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  for (const res of hanging) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test('an endless body is cut at the byte cap: SAML_METADATA_TOO_LARGE, about 1 MB read, connection closed', async () => {
  const counter = { bytes: 0 };
  const heapBefore = process.memoryUsage().heapUsed;
  assert.equal(await codeOf(fetchMetadataXml(countingFetch(counter), `${base}/endless`)), 'SAML_METADATA_TOO_LARGE');
  assert.ok(counter.bytes > METADATA_MAX_BYTES, `read ${counter.bytes}`);
  assert.ok(counter.bytes <= METADATA_MAX_BYTES + 4 * CHUNK.length, `read ${counter.bytes} bytes`);
  await endlessClosed; // the server saw the hang-up: nothing keeps streaming into the process
  assert.ok(process.memoryUsage().heapUsed - heapBefore < 64 * 1024 * 1024, 'heap did not grow by the body');
});

test('a declared Content-Length over the cap is refused before the body is read', async () => {
  const counter = { bytes: 0 };
  assert.equal(await codeOf(fetchMetadataXml(countingFetch(counter), `${base}/declared-huge`)), 'SAML_METADATA_TOO_LARGE');
  assert.equal(counter.bytes, 0);
});

test('a server that never answers times out as SAML_METADATA_UNAVAILABLE; an HTTP error too', async () => {
  assert.equal(await codeOf(fetchMetadataXml(fetch, `${base}/hang`, { timeoutMs: 200 })), 'SAML_METADATA_UNAVAILABLE');
  assert.equal(await codeOf(fetchMetadataXml(fetch, `${base}/down`)), 'SAML_METADATA_UNAVAILABLE');
  assert.equal(await fetchMetadataXml(fetch, `${base}/ok`), '<md:EntityDescriptor/>');
});

test('failures are cached per URL with exponential backoff; concurrent callers share one fetch', async () => {
  let t = 1_000_000;
  const source = createMetadataSource({ fetch, now: () => t, timeoutMs: 200, backoffBaseMs: 1000, backoffMaxMs: 4000 });
  const url = `${base}/down`;
  const start = hits.get('/down') ?? 0;
  const flood = await Promise.all(Array.from({ length: 20 }, () => codeOf(source.get(url))));
  assert.deepEqual(new Set(flood), new Set(['SAML_METADATA_UNAVAILABLE']));
  assert.equal(hits.get('/down'), start + 1, 'twenty callers, one fetch');
  // The backoff after the 1st, 2nd, 3rd, 4th failure: doubling, capped at 4 s here.
  for (const [i, step] of [1000, 2000, 4000, 4000].entries()) {
    t += step - 1;
    assert.equal(await codeOf(source.get(url)), 'SAML_METADATA_UNAVAILABLE');
    assert.equal(hits.get('/down'), start + 1 + i, `within ${step} ms: the cached failure, no fetch`);
    t += 1;
    await codeOf(source.get(url));
    assert.equal(hits.get('/down'), start + 2 + i, `fetched again once the ${step} ms backoff ended`);
  }
  const tooBig = createMetadataSource({ fetch, now: () => t });
  assert.equal(await codeOf(tooBig.get(`${base}/declared-huge`)), 'SAML_METADATA_TOO_LARGE', 'the cached failure keeps its code');
  assert.equal(await codeOf(tooBig.get(`${base}/declared-huge`)), 'SAML_METADATA_TOO_LARGE');
  assert.equal(hits.get('/declared-huge'), 2, 'one fetch by this test, one by the earlier one');
});

test('good metadata is cached for its TTL and kept when a refetch fails', async () => {
  let t = 0;
  let fail = false;
  const flaky: typeof fetch = (input, init) => (fail ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init));
  const source = createMetadataSource({ fetch: flaky, now: () => t, ttlMs: 10_000 });
  const first = await source.get(`${base}/ok`);
  t += 20_000;
  fail = true;
  assert.deepEqual(await source.get(`${base}/ok`), first, 'the last good copy');
});

test('issue 13 §7: an answer that is not usable metadata is SAML_METADATA_UNAVAILABLE (not INTERNAL); the last good copy is kept', async () => {
  const notMetadata = (xml: string) => {
    if (!xml.startsWith('<md:EntityDescriptor')) throw new GatewayError('SAML_METADATA_INVALID', 'root must be md:EntityDescriptor');
  };
  let t = 0;
  let page = false;
  const proxy: typeof fetch = (input, init) => (page ? Promise.resolve(new Response('<html>Service unavailable</html>', { status: 200 })) : fetch(input, init));
  const source = createMetadataSource({ fetch: proxy, now: () => t, ttlMs: 10_000, check: notMetadata });
  page = true;
  const cold = source.get(`${base}/ok`).then(() => 'ok', (e: unknown) => e);
  const error = await cold;
  assert.ok(error instanceof GatewayError);
  assert.equal(error.code, 'SAML_METADATA_UNAVAILABLE');
  assert.match(error.message, /not usable metadata \(root must be md:EntityDescriptor\)/);
  t += 60_000;
  page = false;
  const good = await source.get(`${base}/ok`);
  t += 20_000;
  page = true;
  assert.deepEqual(await source.get(`${base}/ok`), good, 'a later error page does not replace good metadata');
});
