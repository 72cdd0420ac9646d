/**
 * Issue 15 §4: Rolegate's server turns a route handler's encoding label into Content-Encoding, so a gzip
 * client gets a body it can decode; nothing else is relabelled and a client cannot claim the label.
 */
import assert from 'node:assert/strict';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CAN_LABEL_HEADER, ENCODED_HEADER, labelEncodings } from './content-encoding';

const BODY = JSON.stringify({ roles: Array.from({ length: 100 }, (_, i) => `role-${i}`) });

/** A server that labels as serve.ts does, then answers as `answer` says (standing in for Next.js). */
async function withServer(answer: (req: IncomingMessage, res: ServerResponse) => void, run: (url: string) => Promise<void>) {
  const server = http.createServer((req, res) => {
    labelEncodings(req, res);
    answer(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  } finally {
    await new Promise((r) => server.close(r));
  }
}

function get(url: string, headers: Record<string, string> = {}): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('a labelled gzip body goes out as Content-Encoding: gzip, without the label or a stale Content-Length', async () => {
  const zipped = gzipSync(BODY);
  await withServer((req, res) => {
    assert.equal(req.headers[CAN_LABEL_HEADER], '1');
    res.setHeader('content-type', 'application/json');
    res.setHeader('content-length', String(BODY.length));
    res.appendHeader(ENCODED_HEADER, 'gzip');
    res.write(zipped.subarray(0, 10));
    res.end(zipped.subarray(10));
  }, async (url) => {
    const res = await get(url, { 'accept-encoding': 'gzip' });
    assert.equal(res.headers['content-encoding'], 'gzip');
    assert.equal(res.headers[ENCODED_HEADER], undefined);
    assert.equal(res.headers['content-length'], undefined);
    assert.equal(gunzipSync(res.body).toString('utf8'), BODY);
  });
});

test('explicit writeHead relabels too; an unlabelled answer is untouched', async () => {
  await withServer((req, res) => {
    if (req.url === '/plain') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(BODY);
      return;
    }
    // As Next.js leaves it after copying a Response's headers with appendHeader.
    res.setHeader(ENCODED_HEADER, ['gzip']);
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(gzipSync(BODY));
  }, async (url) => {
    const labelled = await get(url);
    assert.equal(labelled.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(labelled.body).toString('utf8'), BODY);
    const plain = await get(`${url}plain`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString('utf8'), BODY);
  });
});

test('an unknown coding, two codings, or a body already encoded by someone else is never relabelled', async () => {
  await withServer((req, res) => {
    res.setHeader(ENCODED_HEADER, req.url === '/br' ? 'br' : req.url === '/two' ? ['gzip', 'gzip'] : 'gzip');
    if (req.url === '/') res.setHeader('content-encoding', 'deflate');
    res.end('x');
  }, async (url) => {
    for (const path of ['br', 'two']) {
      const unknown = await get(`${url}${path}`);
      assert.equal(unknown.headers['content-encoding'], undefined, path);
      assert.equal(unknown.headers[ENCODED_HEADER], undefined, path);
    }
    const twice = await get(url);
    assert.equal(twice.headers['content-encoding'], 'deflate');
    assert.equal(twice.headers[ENCODED_HEADER], undefined);
  });
});

test('a client cannot choose the can-label mark: the server sets it on every request', async () => {
  await withServer((req, res) => res.end(String(req.headers[CAN_LABEL_HEADER])), async (url) => {
    assert.equal((await get(url, { [CAN_LABEL_HEADER]: 'no' })).body.toString(), '1');
  });
});
