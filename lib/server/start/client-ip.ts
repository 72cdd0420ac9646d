/**
 * Which address is the client's. The TCP peer is the only address nobody can forge; X-Forwarded-For is
 * text anyone can send. Only the entries appended by the reverse proxies we run can be believed, so the
 * operator says how many there are (`ROLEGATE_TRUSTED_PROXY_HOPS`) and we count from the right, like
 * Express's numeric `trust proxy`:
 *
 *   chain = [...X-Forwarded-For entries, TCP peer]      client = chain[chain.length - 1 - hops]
 *
 * With 0 hops the peer is the client whatever the headers say. Entries further left were written by the
 * client (or anyone before our first proxy) and are ignored.
 */
import { isIP } from 'node:net';
import { GatewayError } from '../../core/errors';

/** `[v6]`, `[v6]:port` and `v4:port` (some proxies, e.g. Azure Application Gateway, append the port). */
const BRACKETED = /^\[([^\]]+)\](?::\d{1,5})?$/;
const V4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/;
/** An IPv4-mapped IPv6 address once canonicalised by the URL parser (`::ffff:7f00:1`). */
const V4_MAPPED_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;

function stripPortAndBrackets(s: string): string {
  return BRACKETED.exec(s)?.[1] ?? V4_WITH_PORT.exec(s)?.[1] ?? s;
}

/** RFC 5952 form (lower case, longest zero run compressed), with IPv4-mapped addresses as plain IPv4. */
function canonicalV6(ip: string): string | undefined {
  const withoutZone = ip.split('%')[0] ?? '';
  if (isIP(withoutZone) !== 6) return undefined;
  const canonical = new URL(`http://[${withoutZone}]/`).hostname.slice(1, -1);
  const mapped = V4_MAPPED_HEX.exec(canonical);
  if (!mapped) return canonical;
  const [hi, lo] = [parseInt(mapped[1] ?? '', 16), parseInt(mapped[2] ?? '', 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/**
 * One address in canonical form, or undefined when `raw` is not an IP address (`unknown`, a host name,
 * an obfuscated RFC 7239 identifier, garbage). The same host always gives the same string, so audit rows
 * and rate-limit keys agree however a proxy spelled it.
 */
export function normaliseIp(raw: string | undefined): string | undefined {
  const s = stripPortAndBrackets(raw?.trim() ?? '');
  if (s.length === 0 || s.length > 100) return undefined;
  if (isIP(s) === 4) return s;
  return canonicalV6(s);
}

export interface ClientAddressInput {
  /** X-Forwarded-For as Node hands it over (repeated headers are joined with `, `). */
  forwardedFor: string | string[] | undefined;
  /** The TCP peer (`socket.remoteAddress`); undefined once the socket is gone. */
  peer: string | undefined;
}

/**
 * The client's address, or undefined when the entry at the trusted position is not an address (no
 * falling back to entries further left). A chain shorter than `hops + 1` means the request passed fewer
 * proxies than configured; its leftmost entry is used, as Express does. Hop counting cannot tell a
 * request that bypassed the outer proxies: they must be the only way in (README, Client addresses).
 */
export function clientIp(input: ClientAddressInput, trustedHops: number): string | undefined {
  if (!Number.isInteger(trustedHops) || trustedHops < 0) {
    throw new GatewayError('CONFIG_INVALID', 'trusted proxy hops must be a whole number ≥ 0');
  }
  if (input.peer === undefined) return undefined;
  if (trustedHops === 0) return normaliseIp(input.peer);
  const header = Array.isArray(input.forwardedFor) ? input.forwardedFor.join(',') : (input.forwardedFor ?? '');
  const entries = header === '' ? [] : header.split(',');
  const chain = [...entries, input.peer];
  return normaliseIp(chain[Math.max(0, chain.length - 1 - trustedHops)]);
}
