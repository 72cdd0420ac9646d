import { normaliseIp } from './start/client-ip';

/** Who is calling, from where. */
export interface RequestMeta {
  ip?: string;
  userAgent?: string;
}

/**
 * The IP is the single address Rolegate's server (lib/server/start) wrote into X-Forwarded-For from the
 * TCP peer and the trusted proxy hops; any client-sent value was replaced before Next saw the request.
 * A list or a non-address here means the request did not come through that server: it counts as unknown
 * rather than as whatever the client wrote first.
 */
export function requestMeta(headers: Headers): RequestMeta {
  const ip = normaliseIp(headers.get('x-forwarded-for') ?? undefined);
  const userAgent = headers.get('user-agent')?.slice(0, 512) || undefined;
  return { ip, userAgent };
}
