import { GatewayError } from '../core/errors';

/**
 * CSRF defence for state-changing requests (AWS-FACTS §4). The session cookie is SameSite=Lax; on top:
 * - a browser that sends Fetch Metadata must say `Sec-Fetch-Site: same-origin` (a header pages cannot
 *   forge). Under `Referrer-Policy: no-referrer` Chromium sends `Origin: null` on form posts, so this is
 *   the check that holds for our own forms;
 * - without Fetch Metadata, `Origin` must equal our public origin.
 * A request with neither is refused.
 */
export function assertSameOrigin(headers: Headers, publicUrl: string): void {
  const site = headers.get('sec-fetch-site');
  const origin = headers.get('origin');
  if (site !== null) {
    if (site !== 'same-origin') throw new GatewayError('CSRF_REJECTED', `sec-fetch-site ${site}`);
    if (origin !== null && origin !== 'null' && origin !== publicUrl) throw new GatewayError('CSRF_REJECTED', `origin ${origin}`);
    return;
  }
  if (origin !== publicUrl) throw new GatewayError('CSRF_REJECTED', `origin ${origin ?? '(none)'}`);
}
