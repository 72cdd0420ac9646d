/** How close a certificate's notAfter or a metadata validUntil is: admins are warned 30 days ahead. */
export type Expiry = 'ok' | 'soon' | 'expired';

export const EXPIRY_WARNING_DAYS = 30;

export function expiryOf(at: Date, now: Date): Expiry {
  if (at.getTime() <= now.getTime()) return 'expired';
  return at.getTime() - now.getTime() < EXPIRY_WARNING_DAYS * 86_400_000 ? 'soon' : 'ok';
}
