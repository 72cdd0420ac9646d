/**
 * gzip for JSON answers of route handlers (issue 15 §4: /api/v1/roles sent 731 KiB uncompressed to a
 * client that asked for gzip): Next.js compresses pages but not route handlers' bodies, and drops a
 * Content-Encoding they set, so the wrapper compresses and Rolegate's own server puts the label on
 * (lib/server/start/content-encoding.ts; without that server nothing is compressed). Not compressed:
 * bodies under 1 KiB (gzip's framing would cost more than it saves), non-JSON bodies, bodies already
 * encoded, and whatever the caller exempts — the wrappers exempt answers carrying credentials or console login URLs, so that no secret is ever
 * compressed beside text a request can influence (BREACH).
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { CAN_LABEL_HEADER, ENCODED_HEADER } from './start/content-encoding';

const gzipAsync = promisify(gzip);

export const MIN_COMPRESS_BYTES = 1024;

/** q-value of one Accept-Encoding element (RFC 9110 §12.4.2); 1 when absent, 0 when malformed. */
function qValue(params: string[]): number {
  const q = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('q='));
  if (q === undefined) return 1;
  const value = Number(q.slice(2));
  return Number.isFinite(value) && value >= 0 && value <= 1 ? value : 0;
}

/** Whether `Accept-Encoding` allows gzip: named with q > 0, or `*` with q > 0 when gzip is not named (RFC 9110 §12.5.3). */
export function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  let gzipQ: number | undefined;
  let anyQ: number | undefined;
  for (const element of header.split(',')) {
    const [coding = '', ...params] = element.split(';');
    const name = coding.trim().toLowerCase();
    if (name === 'gzip' || name === 'x-gzip') gzipQ = Math.max(gzipQ ?? 0, qValue(params));
    else if (name === '*') anyQ = qValue(params);
  }
  return (gzipQ ?? anyQ ?? 0) > 0;
}

function isJson(res: Response): boolean {
  const type = res.headers.get('content-type') ?? '';
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(type);
}

function withVary(headers: Headers): void {
  const vary = headers.get('vary');
  if (!vary) headers.set('Vary', 'Accept-Encoding');
  else if (!/(^|,)\s*accept-encoding\s*(,|$)/i.test(vary)) headers.set('Vary', `${vary}, Accept-Encoding`);
}

/**
 * `res` gzipped (labelled by ENCODED_HEADER) when `req` accepts gzip and came through Rolegate's server,
 * and `res` is a JSON body of at least MIN_COMPRESS_BYTES; otherwise the same body as it was. Status and headers (Cache-Control, Set-Cookie…) are kept; a compressible answer says
 * `Vary: Accept-Encoding` either way, so a cache never hands the gzip body to a client that did not ask.
 */
export async function compressJson(req: Request, res: Response): Promise<Response> {
  if (!isJson(res) || res.headers.has('content-encoding') || !res.body) return res;
  const body = Buffer.from(await res.arrayBuffer());
  const headers = new Headers(res.headers);
  const init = { status: res.status, statusText: res.statusText, headers };
  if (body.length < MIN_COMPRESS_BYTES) return new Response(body, init);
  withVary(headers);
  if (req.headers.get(CAN_LABEL_HEADER) !== '1' || !acceptsGzip(req.headers.get('accept-encoding'))) return new Response(body, init);
  const zipped = await gzipAsync(body);
  headers.set(ENCODED_HEADER, 'gzip');
  return new Response(zipped, init);
}
