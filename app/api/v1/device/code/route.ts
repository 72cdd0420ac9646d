import { getContainer } from '@/lib/server/container';
import { startDeviceAuthorization } from '@/lib/server/oauth/device-flow';
import { readOAuthParams, requireCliClient } from '@/lib/server/oauth/params';
import { oauthJson, oauthRoute } from '@/lib/server/oauth/route';
import { ipBucket } from '@/lib/server/per-ip-limit';
import { enforceRateLimit } from '@/lib/server/rate-limit';
import { requestMeta } from '@/lib/server/request-meta';

export const dynamic = 'force-dynamic';

/** RFC 8628 §3.1–3.2 device authorization request (public client `rolegate-cli`), rate-limited per IP. */
export const POST = oauthRoute(async (req) => {
  const c = await getContainer();
  const meta = requestMeta(req.headers);
  // Per address, an IPv6 address by its /64, as the SAML endpoints count (per-ip-limit.ts).
  await enforceRateLimit(c.limits.deviceCode, `device-code:${ipBucket(meta.ip)}`);
  const clientId = requireCliClient(await readOAuthParams(req));
  return oauthJson(await startDeviceAuthorization(c.oauth, clientId, meta));
});
