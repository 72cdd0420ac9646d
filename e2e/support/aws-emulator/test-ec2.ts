/**
 * EC2 query calls for the emulator tests, signed with @smithy/signature-v4 (no EC2 SDK client is
 * installed) and sent over node:http, which sends the signed Host header as is.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { Credentials } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from './sha256';

export interface Ec2CallOptions {
  region?: string;
  /** The credential scope's service (default `ec2`). */
  service?: string;
  /** Leave the request unsigned. */
  unsigned?: boolean;
}

export interface RawAnswer {
  status: number;
  text: string;
}

function post(url: URL, headers: Record<string, string>, body: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Calls EC2 `action` (Version 2016-11-15) on the emulator as a SigV4-signing client would. */
export async function ec2Call(
  emulatorUrl: string,
  creds: Credentials,
  params: Record<string, string>,
  opts: Ec2CallOptions = {},
): Promise<RawAnswer> {
  const url = new URL(emulatorUrl);
  const body = new URLSearchParams({ Version: '2016-11-15', ...params }).toString();
  const unsigned = {
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  };
  if (opts.unsigned) return post(url, unsigned.headers, body);
  const signer = new SignatureV4({
    service: opts.service ?? 'ec2',
    region: opts.region ?? 'eu-west-1',
    credentials: {
      accessKeyId: creds.AccessKeyId ?? '',
      secretAccessKey: creds.SecretAccessKey ?? '',
      sessionToken: creds.SessionToken,
    },
    sha256: NodeSha256,
  });
  const signed = await signer.sign(unsigned);
  return post(url, signed.headers, body);
}

/** The `<Code>` and `<Message>` of an EC2 error document. */
export function ec2Error(answer: RawAnswer): { code: string; message: string } {
  const code = /<Code>([^<]*)<\/Code>/.exec(answer.text)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(answer.text)?.[1];
  assert.ok(code !== undefined && message !== undefined, `an EC2 error document: ${answer.text}`);
  return { code, message };
}

/** The encoded message at the end of an UnauthorizedOperation message. */
export function encodedMessageOf(message: string): string {
  const encoded = /Encoded authorization failure message: ([\w-]+)$/.exec(message)?.[1];
  assert.ok(encoded, `an encoded authorization failure message in: ${message}`);
  return encoded;
}
