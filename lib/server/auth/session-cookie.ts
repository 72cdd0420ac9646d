/**
 * next-auth's session cookie, shared by the OIDC flow (next-auth writes it) and the SAML ACS (we write
 * it with next-auth's own `encode`), so both sign-ins produce the same portal session.
 */
import { encode } from 'next-auth/jwt';

/** `__Secure-` prefixed when the public URL is https, exactly as next-auth names it. */
export function sessionCookieName(publicUrl: string): string {
  return `${publicUrl.startsWith('https://') ? '__Secure-' : ''}next-auth.session-token`;
}

export async function sessionSetCookie(input: { publicUrl: string; secret: string; sid: string; maxAgeSeconds: number }): Promise<string> {
  const value = await encode({ token: { sid: input.sid }, secret: input.secret, maxAge: input.maxAgeSeconds });
  const secure = input.publicUrl.startsWith('https://');
  return [
    `${sessionCookieName(input.publicUrl)}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${input.maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** Ends the cookie (single logout, issue 13 §5: our route signs out without next-auth's signOut). */
export function clearSessionCookie(publicUrl: string): string {
  const secure = publicUrl.startsWith('https://');
  return [`${sessionCookieName(publicUrl)}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0', ...(secure ? ['Secure'] : [])].join('; ');
}
