/**
 * The one error type of the emulator: an AWS error code, its HTTP status and AWS's message text.
 * Handlers throw it; the router turns it into the AWS-shaped response (XML for STS, HTML for federation).
 */
export type AwsErrorCode =
  | 'AccessDenied'
  | 'ExpiredToken'
  | 'ExpiredTokenException'
  | 'IDPCommunicationError'
  | 'IncompleteSignature'
  | 'InternalFailure'
  | 'InvalidAction'
  | 'InvalidAuthorizationMessageException'
  | 'InvalidClientTokenId'
  | 'InvalidIdentityToken'
  | 'LimitExceeded'
  | 'MalformedPolicyDocument'
  | 'MissingAuthenticationToken'
  | 'NoSuchEntity'
  | 'SignatureDoesNotMatch'
  | 'UnauthorizedOperation'
  | 'ValidationError';

const STATUS: Record<AwsErrorCode, number> = {
  AccessDenied: 403,
  ExpiredToken: 403,
  ExpiredTokenException: 400,
  IDPCommunicationError: 400,
  IncompleteSignature: 400,
  InternalFailure: 500,
  InvalidAction: 400,
  InvalidAuthorizationMessageException: 400,
  InvalidClientTokenId: 403,
  InvalidIdentityToken: 400,
  LimitExceeded: 409,
  MalformedPolicyDocument: 400,
  MissingAuthenticationToken: 403,
  NoSuchEntity: 404,
  SignatureDoesNotMatch: 403,
  UnauthorizedOperation: 403,
  ValidationError: 400,
};

export class AwsError extends Error {
  override readonly name = 'AwsError';
  readonly status: number;

  constructor(
    readonly code: AwsErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.status = STATUS[code];
  }

  /** AWS reports server-side failures as `Receiver`, caller mistakes as `Sender`. */
  get type(): 'Sender' | 'Receiver' {
    return this.status >= 500 ? 'Receiver' : 'Sender';
  }
}
