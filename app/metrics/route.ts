import { getEnv } from '@/lib/config/env';
import { getContainer } from '@/lib/server/container';
import { errorResponse } from '@/lib/server/http';
import { metrics } from '@/lib/server/metrics';
import { metricsResponse } from '@/lib/server/metrics-endpoint';

export const dynamic = 'force-dynamic';

/** Prometheus metrics, behind ROLEGATE_METRICS_TOKEN (lib/server/metrics-endpoint.ts). */
export async function GET(req: Request): Promise<Response> {
  try {
    // The container registers the gauges' sources (config revision, keys); a scrape must not fail with it.
    await getContainer().catch(() => undefined);
    return await metricsResponse(metrics(), getEnv().ROLEGATE_METRICS_TOKEN, req.headers.get('authorization'));
  } catch (err) {
    const res = errorResponse(err, req);
    if (res.status === 401) res.headers.set('WWW-Authenticate', 'Bearer realm="rolegate-metrics"');
    return res;
  }
}
