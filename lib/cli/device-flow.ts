/**
 * OAuth 2.0 Device Authorization Grant, client side (RFC 8628): ask for a code (§3.1), show the
 * verification URI and user code (§3.3), poll the token endpoint (§3.4) honouring the interval,
 * `slow_down` (+5 s, §3.5) and back-off on connection failures (§3.5).
 */
import { CLIENT_ID, NetworkFailure, apiError, call, expectOk, oauthError } from './api';
import { parseDeviceCode, parseTokenPair, type DeviceCode, type TokenPair } from './api-types';
import type { CliContext } from './context';
import { CliError, EXIT } from './errors';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** §3.5: "the interval MUST be increased by 5 seconds for this and all subsequent requests". */
const SLOW_DOWN_MS = 5_000;

function denied(): CliError {
  return new CliError('FORBIDDEN', EXIT.DENIED, 'the sign-in request was denied in the browser');
}

function codeExpired(): CliError {
  const message = 'the code expired before it was approved; run "rolegate login" again';
  return new CliError('UNAUTHENTICATED', EXIT.CODE_EXPIRED, message);
}

async function announce(ctx: CliContext, code: DeviceCode, openBrowser: boolean): Promise<void> {
  ctx.err(
    `To sign in, open ${code.verificationUri}\n` +
      `and enter the code: ${code.userCode}\n` +
      (code.verificationUriComplete ? `(or open ${code.verificationUriComplete})\n` : ''),
  );
  const target = code.verificationUriComplete ?? code.verificationUri;
  if (openBrowser && (await ctx.openUrl(target))) ctx.err('Opened your browser.\n');
  ctx.err('Waiting for approval…\n');
}

async function poll(ctx: CliContext, server: string, code: DeviceCode): Promise<TokenPair> {
  let intervalMs = code.intervalSeconds * 1000;
  const deadline = ctx.now() + code.expiresInSeconds * 1000;
  const form = { grant_type: DEVICE_GRANT, device_code: code.deviceCode, client_id: CLIENT_ID };
  for (;;) {
    await ctx.sleep(intervalMs);
    if (ctx.now() >= deadline) throw codeExpired();
    let res;
    try {
      res = await call(server, 'device/token', { form });
    } catch (e) {
      if (!(e instanceof NetworkFailure)) throw e;
      intervalMs *= 2; // §3.5: reduce the polling frequency after a connection failure
      continue;
    }
    if (res.status === 200) return parseTokenPair(res.body);
    const error = oauthError(res);
    if (error === 'authorization_pending') continue;
    if (error === 'slow_down') intervalMs += SLOW_DOWN_MS;
    else if (error === 'access_denied') throw denied();
    else if (error === 'expired_token') throw codeExpired();
    else throw apiError(res);
  }
}

/** Runs the whole device flow and returns the token pair once the user approved. */
export async function deviceAuthorize(
  ctx: CliContext,
  server: string,
  openBrowser: boolean,
): Promise<TokenPair> {
  const res = await call(server, 'device/code', { form: { client_id: CLIENT_ID } });
  const code = parseDeviceCode(expectOk(res));
  await announce(ctx, code, openBrowser);
  return poll(ctx, server, code);
}
