/**
 * Per-client-IP rate limits for endpoints anyone can call without signing in (issue 12 §6: `/saml/<c>/login`
 * writes a pending request, `/saml/<c>/acs` verifies signatures and writes the ledger). The limiter is
 * shared-rate-limit.ts's token bucket, shared by every instance on the database. A refusal is an HTTP
 * answer, not a redirect: 429 with the typed code RATE_LIMITED and Retry-After, so a script sees it and a
 * browser shows it.
 */
import { publicMessage } from '../core/errors';
import { RateLimitedError, type RateLimiter } from './rate-limit';
import { requestMeta } from './request-meta';

/**
 * The bucket an address counts against: an IPv4 address itself, an IPv6 address by its /64 (one
 * subscriber's or one host's routing prefix — counting each of its 2^64 addresses apart would give one
 * attacker unlimited buckets), and every request without a known address together.
 */
export function ipBucket(ip: string | undefined): string {
  if (!ip) return 'unknown';
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = ip.includes('::') ? (tail === '' ? [] : tail.split(':')) : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The 429 answer of a refused request. */
export function rateLimitedResponse(err: RateLimitedError): Response {
  const body = { error: { code: err.code, message: publicMessage(err.code) } };
  return Response.json(body, {
    status: 429,
    headers: { 'Retry-After': String(err.retryAfterSeconds), 'Cache-Control': 'no-store, max-age=0', Pragma: 'no-cache' },
  });
}

/** Takes a token for the caller's address in `scope`; the 429 answer when there is none left. */
export async function takeIpToken(limiter: RateLimiter, scope: string, headers: Headers): Promise<Response | undefined> {
  const key = `${scope}:${ipBucket(requestMeta(headers).ip)}`;
  const decision = await limiter.take(key);
  return decision.ok ? undefined : rateLimitedResponse(new RateLimitedError(key, decision.retryAfterSeconds));
}
