import { isGatewayError } from '@/lib/core/errors';
import { getContainer } from '@/lib/server/container';
import { assertSameOrigin } from '@/lib/server/csrf';
import { NO_STORE, pageRoute, readBody } from '@/lib/server/http';
import { decideDevice } from '@/lib/server/oauth/approval';
import { parseDeviceDecision } from '@/lib/server/oauth/device-page';
import { sessionPrincipal } from '@/lib/server/ports';
import { enforceRateLimit } from '@/lib/server/rate-limit';
import { requestMeta } from '@/lib/server/request-meta';
import { requireSession } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

const back = (result: string) => new Response(null, { status: 303, headers: { ...NO_STORE, Location: `/device?result=${result}` } });

/** POST (form) { user_code, decision } from /device: approve (copying the session's claims) or deny; audited. */
export const POST = pageRoute(async (req) => {
  const c = await getContainer();
  assertSameOrigin(req.headers, c.config.publicUrl);
  const session = await requireSession();
  const { userCode, decision } = parseDeviceDecision(await readBody(req));
  await enforceRateLimit(c.limits.deviceLookup, `device:${session.user.id}`);
  try {
    await decideDevice(c.oauth, { ...sessionPrincipal(session), sessionId: session.id }, userCode, decision, requestMeta(req.headers));
  } catch (err) {
    if (isGatewayError(err) && err.code === 'DEVICE_CODE_UNKNOWN') return back('unknown');
    throw err;
  }
  return back(decision === 'approve' ? 'approved' : 'denied');
});
