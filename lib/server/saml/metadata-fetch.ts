/**
 * Fetching an IdP's metadata from its URL (issue 12 §6). Anyone can make Rolegate fetch it — an
 * unauthenticated `GET /saml/<c>/login` on a cold cache does — so the fetch is bounded three ways:
 * a byte cap enforced while the body streams in (the reader is cancelled past it; `res.text()` would
 * hold a 300 MB body in memory first), a timeout covering headers and body, and a per-URL cache of
 * failures with exponential backoff, so a dead or hostile metadata host is asked at most once per
 * backoff step whatever the request rate. Concurrent callers share one fetch per URL.
 */
import { GatewayError } from '../../core/errors';

/** Largest metadata accepted. Real IdP metadata is a few KB (Entra's, with several certificates, ~20 KB). */
export const METADATA_MAX_BYTES = 1_000_000;
export const METADATA_TIMEOUT_MS = 10_000;
/** Good metadata is refetched after this long. */
export const METADATA_TTL_MS = 3_600_000;
export const METADATA_BACKOFF_BASE_MS = 5_000;
export const METADATA_BACKOFF_MAX_MS = 15 * 60_000;

export interface MetadataFetchOptions {
  maxBytes?: number;
  timeoutMs?: number;
}

function unavailable(url: string, detail: string, cause?: unknown): GatewayError {
  return new GatewayError('SAML_METADATA_UNAVAILABLE', `metadata ${url}: ${detail}`, { cause });
}

function tooLarge(url: string, maxBytes: number): GatewayError {
  return new GatewayError('SAML_METADATA_TOO_LARGE', `metadata ${url}: larger than ${maxBytes} bytes`);
}

/** Reads at most `maxBytes` of the body, cancelling the stream (and so the connection) past it. */
async function readCapped(body: ReadableStream<Uint8Array>, url: string, maxBytes: number): Promise<string> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(url, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/** One bounded fetch. Throws SAML_METADATA_TOO_LARGE or SAML_METADATA_UNAVAILABLE. */
export async function fetchMetadataXml(fetchFn: typeof fetch, url: string, opts: MetadataFetchOptions = {}): Promise<string> {
  const maxBytes = opts.maxBytes ?? METADATA_MAX_BYTES;
  try {
    const res = await fetchFn(url, { signal: AbortSignal.timeout(opts.timeoutMs ?? METADATA_TIMEOUT_MS), redirect: 'error' });
    if (!res.ok || !res.body) {
      await res.body?.cancel().catch(() => undefined);
      throw unavailable(url, `HTTP ${res.status}`);
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await res.body.cancel().catch(() => undefined);
      throw tooLarge(url, maxBytes);
    }
    return await readCapped(res.body, url, maxBytes);
  } catch (e) {
    if (e instanceof GatewayError) throw e;
    throw unavailable(url, e instanceof Error ? e.name : 'fetch failed', e);
  }
}

interface UrlState {
  xml?: string;
  at?: number;
  failures: number;
  retryAt: number;
  error?: GatewayError;
  inflight?: Promise<void>;
}

export interface MetadataSourceOptions extends MetadataFetchOptions {
  fetch: typeof fetch;
  now?: () => number;
  ttlMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /**
   * Refuses an answer that is not usable metadata (throws). Such an answer — a proxy's error page or a
   * login page served with 200 — counts as a failed fetch: SAML_METADATA_UNAVAILABLE to the person
   * signing in (issue 13 §7: it was INTERNAL), backoff, and the last good copy is kept.
   */
  check?: (xml: string) => void;
}

export interface MetadataSource {
  /**
   * The URL's metadata: cached for the TTL; refetched after it, keeping the last good copy when the
   * refetch fails. With no good copy, a failure is remembered and rethrown (same code, no fetch) until
   * its backoff ends: 5 s, 10 s, 20 s … up to 15 min.
   */
  get(url: string): Promise<{ xml: string; at: number }>;
}

export function createMetadataSource(opts: MetadataSourceOptions): MetadataSource {
  const now = opts.now ?? Date.now;
  const ttl = opts.ttlMs ?? METADATA_TTL_MS;
  const base = opts.backoffBaseMs ?? METADATA_BACKOFF_BASE_MS;
  const max = opts.backoffMaxMs ?? METADATA_BACKOFF_MAX_MS;
  // One entry per metadata URL of the configuration: bounded by it.
  const states = new Map<string, UrlState>();

  async function refresh(url: string, s: UrlState): Promise<void> {
    try {
      const xml = await fetchMetadataXml(opts.fetch, url, opts);
      try {
        opts.check?.(xml);
      } catch (e) {
        throw unavailable(url, `the answer is not usable metadata (${e instanceof Error ? e.message : 'invalid'})`, e);
      }
      s.xml = xml;
      s.at = now();
      s.failures = 0;
      s.error = undefined;
    } catch (e) {
      s.failures += 1;
      s.retryAt = now() + Math.min(max, base * 2 ** (s.failures - 1));
      s.error = e instanceof GatewayError ? e : unavailable(url, 'fetch failed', e);
    }
  }

  return {
    async get(url) {
      const s = states.get(url) ?? { failures: 0, retryAt: 0 };
      states.set(url, s);
      const fresh = s.xml !== undefined && s.at !== undefined && now() - s.at < ttl;
      if (!fresh && now() >= s.retryAt) {
        s.inflight ??= refresh(url, s).finally(() => (s.inflight = undefined));
        await s.inflight;
      }
      if (s.xml !== undefined && s.at !== undefined) return { xml: s.xml, at: s.at };
      const error = s.error ?? unavailable(url, 'not fetched');
      throw new GatewayError(error.code, `${error.message} (retry after ${new Date(s.retryAt).toISOString()})`, { cause: error.cause });
    },
  };
}
