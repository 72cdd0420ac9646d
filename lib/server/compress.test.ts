/** Issue 15 §4: JSON answers are gzipped for clients that ask, byte-identical after decoding, and left alone otherwise. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { acceptsGzip, compressJson, MIN_COMPRESS_BYTES } from './compress';
import { CAN_LABEL_HEADER, ENCODED_HEADER } from './start/content-encoding';

const NO_STORE = { 'Cache-Control': 'no-store, max-age=0', Pragma: 'no-cache' };
const big = { roles: Array.from({ length: 200 }, (_, i) => ({ id: `111122223333/Role${i}`, description: 'Read-only access' })) };
/** A request as Rolegate's server hands it on (CAN_LABEL_HEADER set), with this Accept-Encoding. */
const request = (acceptEncoding?: string, label = true) =>
  new Request('http://localhost/api/v1/roles', { headers: { ...(label ? { [CAN_LABEL_HEADER]: '1' } : {}), ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }) } });
const json = (body: unknown, headers: Record<string, string> = NO_STORE) => Response.json(body, { status: 200, headers });

test('a gzip request gets a gzip body labelled for the server, decoding to the same JSON, with the original headers', async () => {
  const plain = Buffer.from(JSON.stringify(big));
  const res = await compressJson(request('gzip, deflate, br, zstd'), json(big));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get(ENCODED_HEADER), 'gzip');
  assert.equal(res.headers.get('content-encoding'), null, 'Next.js would drop it: the server labels the body');
  assert.equal(res.headers.get('cache-control'), 'no-store, max-age=0');
  assert.equal(res.headers.get('pragma'), 'no-cache');
  assert.equal(res.headers.get('vary'), 'Accept-Encoding');
  const zipped = Buffer.from(await res.arrayBuffer());
  assert.ok(zipped.length < plain.length / 4, `${zipped.length} bytes is not compressed from ${plain.length}`);
  assert.deepEqual(gunzipSync(zipped), plain);
});

test('without gzip in Accept-Encoding (absent, identity, refused by q=0) the body goes as it is', async () => {
  const plain = JSON.stringify(big);
  for (const header of [undefined, 'identity', 'br', 'gzip;q=0', 'gzip;q=0, *', 'x-gzip;q=0', '*;q=0', 'gzip;q=x']) {
    const res = await compressJson(request(header), json(big));
    assert.equal(res.headers.get(ENCODED_HEADER), null, String(header));
    assert.equal(res.headers.get('cache-control'), 'no-store, max-age=0');
    assert.equal(res.headers.get('vary'), 'Accept-Encoding');
    assert.equal(await res.text(), plain, String(header));
  }
});

test('a request that did not come through Rolegate\'s server (nobody would label the body) is not compressed', async () => {
  const res = await compressJson(request('gzip', false), json(big));
  assert.equal(res.headers.get(ENCODED_HEADER), null);
  assert.equal(await res.text(), JSON.stringify(big));
});

test('Accept-Encoding: named gzip with q > 0, x-gzip, or a wildcard that does not exclude gzip', () => {
  for (const yes of ['gzip', 'GZIP', 'deflate, gzip;q=0.5', ' gzip ; q=1.0', 'x-gzip', '*', 'br, *;q=0.1', 'gzip;q=0, gzip;q=1']) assert.equal(acceptsGzip(yes), true, yes);
  for (const no of [null, '', 'identity', 'br, deflate', 'gzip;q=0', 'gzip;q=0.0, *;q=1', '*;q=0', 'gzip;q=2', 'gzip;q=-1', 'gzips']) assert.equal(acceptsGzip(no), false, String(no));
});

test('small bodies, non-JSON bodies and bodies already encoded are not compressed', async () => {
  const small = await compressJson(request('gzip'), json({ ok: true }));
  assert.equal(small.headers.get(ENCODED_HEADER), null);
  assert.equal(await small.text(), '{"ok":true}');
  assert.ok(JSON.stringify({ ok: true }).length < MIN_COMPRESS_BYTES);

  const text = 'x'.repeat(MIN_COMPRESS_BYTES * 4);
  const html = await compressJson(request('gzip'), new Response(text, { headers: { 'content-type': 'text/html' } }));
  assert.equal(html.headers.get(ENCODED_HEADER), null);
  assert.equal(await html.text(), text);

  const encoded = new Response(Buffer.from('already'), { headers: { 'content-type': 'application/json', 'content-encoding': 'br' } });
  assert.equal(await compressJson(request('gzip'), encoded), encoded);
});

test('a problem+json error body is JSON too, and an existing Vary keeps its values', async () => {
  const body = { error: { code: 'X', message: 'y'.repeat(MIN_COMPRESS_BYTES) } };
  const res = await compressJson(request('gzip'), json(body, { 'content-type': 'application/problem+json', Vary: 'Origin' }));
  assert.equal(res.headers.get(ENCODED_HEADER), 'gzip');
  assert.equal(res.headers.get('vary'), 'Origin, Accept-Encoding');
  assert.deepEqual(JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')), body);
});
