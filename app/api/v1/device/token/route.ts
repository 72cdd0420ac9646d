import { getContainer } from '@/lib/server/container';
import { DEVICE_CODE_GRANT_TYPE } from '@/lib/server/oauth/deps';
import { pollDeviceToken } from '@/lib/server/oauth/device-flow';
import { readOAuthParams, requireCliClient, requireGrantType, requireParam } from '@/lib/server/oauth/params';
import { oauthJson, oauthRoute } from '@/lib/server/oauth/route';
import { requestMeta } from '@/lib/server/request-meta';

export const dynamic = 'force-dynamic';

/** RFC 8628 §3.4–3.5 device access token request: pending / slow_down / denied / expired, or tokens once. */
export const POST = oauthRoute(async (req) => {
  const c = await getContainer();
  const params = await readOAuthParams(req);
  const clientId = requireCliClient(params);
  requireGrantType(params, DEVICE_CODE_GRANT_TYPE);
  return oauthJson(await pollDeviceToken(c.oauth, requireParam(params, 'device_code'), clientId, requestMeta(req.headers)));
});
