/**
 * The answering half of AWS's query protocol, shared by STS and the EC2 stand-in: a request id, the Date
 * header, the action's XML on success, and any AwsError in the service's own error shape.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AwsError } from './aws-error';
import type { EmulatorContext } from './context';
import { send } from './http-util';

export interface QueryService {
  /** The action's result document for this request id. */
  run(requestId: string): Promise<string>;
  /** The service's error document for `err`. */
  errorXml(err: AwsError, requestId: string): string;
}

/** A query-protocol service at `POST /` (the router picks STS or EC2 by `Version`). */
export type QueryHandler = (
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Buffer,
) => Promise<void>;

export async function answerQuery(
  ctx: EmulatorContext,
  res: ServerResponse,
  service: QueryService,
): Promise<void> {
  const requestId = randomUUID();
  // The Date header lets the SDK correct its clock against the emulator's (injectable) clock, as with AWS.
  const headers = { 'x-amzn-requestid': requestId, date: new Date(ctx.now()).toUTCString() };
  try {
    send(res, 200, 'text/xml', await service.run(requestId), headers);
  } catch (err) {
    const awsErr =
      err instanceof AwsError
        ? err
        : new AwsError(
            'InternalFailure',
            'The request processing has failed because of an unknown error.',
            { cause: err },
          );
    if (awsErr.code === 'InternalFailure') console.error('aws-emulator: internal failure', err);
    send(res, awsErr.status, 'text/xml', service.errorXml(awsErr, requestId), headers);
  }
}
