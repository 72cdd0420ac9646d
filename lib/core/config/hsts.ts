/**
 * Strict-Transport-Security for Rolegate's own origin (RFC 6797). Sent only when `publicUrl` is https:
 * a browser ignores it over http anyway, and the http demo under DANGEROUSLY_ALLOW_HTTP must keep
 * working on localhost. Two years, no `includeSubDomains` / `preload`: Rolegate cannot speak for the
 * other hosts of its parent domain.
 */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;

/** The header value for responses from `publicUrl`, or undefined when it is not https. */
export function strictTransportSecurity(publicUrl: string): string | undefined {
  return new URL(publicUrl).protocol === 'https:' ? `max-age=${HSTS_MAX_AGE_SECONDS}` : undefined;
}
