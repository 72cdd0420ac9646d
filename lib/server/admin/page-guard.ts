import 'server-only';
/**
 * The guard at the top of every admin page (server component). It authorises in the page itself, not
 * only in the proxy: a non-admin gets an HTTP 403 (Next's `forbidden()`, rendered by app/forbidden.tsx),
 * a visitor without a session is sent to sign in and comes back here afterwards. Any other failure (the
 * database is down, say) is not an authorisation answer and propagates to the error boundary.
 */
import { forbidden, redirect } from 'next/navigation';
import { isGatewayError } from '../../core/errors';
import type { ActiveSession } from '../ports';
import { requireAdmin } from '../session';

export async function requireAdminPage(path: string): Promise<ActiveSession> {
  let outcome: ActiveSession | 'forbidden' | 'signin';
  try {
    outcome = await requireAdmin();
  } catch (err) {
    if (!isGatewayError(err)) throw err;
    if (err.code === 'FORBIDDEN') outcome = 'forbidden';
    else if (err.code === 'UNAUTHENTICATED' || err.code === 'SESSION_REVOKED') outcome = 'signin';
    else throw err;
  }
  // forbidden() and redirect() throw Next's control-flow errors: keep them outside the try.
  if (outcome === 'forbidden') forbidden();
  if (outcome === 'signin') redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  return outcome;
}
