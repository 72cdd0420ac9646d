/**
 * `GET /metrics` (issue 14 §4): off unless ROLEGATE_METRICS_TOKEN is set (then NOT_FOUND, as if there
 * were no such page), and only for `Authorization: Bearer <that token>`, compared in constant time.
 */
import { GatewayError } from '../core/errors';
import { safeEqual } from '../db/crypto';
import type { Metrics } from './metrics';

export async function metricsResponse(m: Metrics, token: string | undefined, authorization: string | null): Promise<Response> {
  if (token === undefined) throw new GatewayError('NOT_FOUND', 'metrics are off: set ROLEGATE_METRICS_TOKEN');
  const presented = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1] ?? '';
  if (!safeEqual(presented, token)) throw new GatewayError('UNAUTHENTICATED', 'metrics need the bearer token');
  return new Response(await m.registry.metrics(), { headers: { 'Content-Type': m.registry.contentType, 'Cache-Control': 'no-store' } });
}
