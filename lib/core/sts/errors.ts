/**
 * Maps STS errors (AWS-FACTS §1.1 "Errors") to Rolegate's codes. The AWS message stays in the cause
 * (logs); the user sees the public message of the code.
 */
import { GatewayError, type GatewayErrorCode } from '../errors';

// A Map, not an object literal: the name is AWS's <Code> (or whatever a proxy answers), and a plain
// object would also "find" inherited members such as `constructor` or `toString`.
const BY_NAME: ReadonlyMap<string, GatewayErrorCode> = new Map<string, GatewayErrorCode>(
  Object.entries({
    InvalidIdentityTokenException: 'STS_TOKEN_INVALID',
    InvalidIdentityToken: 'STS_TOKEN_INVALID',
    ExpiredTokenException: 'STS_TOKEN_EXPIRED',
    IDPCommunicationErrorException: 'STS_IDP_UNREACHABLE',
    IDPCommunicationError: 'STS_IDP_UNREACHABLE',
    IDPRejectedClaimException: 'STS_DENIED',
    AccessDenied: 'STS_DENIED',
    AccessDeniedException: 'STS_DENIED',
    RegionDisabledException: 'STS_REGION_DISABLED',
    MalformedPolicyDocumentException: 'AWS_VALUE_INVALID',
    PackedPolicyTooLargeException: 'AWS_VALUE_INVALID',
  } satisfies Record<string, GatewayErrorCode>),
);

export function mapStsError(err: unknown): GatewayError {
  if (err instanceof GatewayError) return err;
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'ValidationError') {
    const code: GatewayErrorCode = /duration/i.test(message) ? 'STS_DURATION_INVALID' : 'AWS_VALUE_INVALID';
    return new GatewayError(code, `STS ${name}: ${message}`, { cause: err });
  }
  const code = BY_NAME.get(name) ?? 'STS_UNAVAILABLE';
  return new GatewayError(code, `STS ${name || 'error'}: ${message}`, { cause: err });
}
