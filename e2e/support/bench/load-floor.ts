/**
 * The same run's floor, to read the load figures against: what this machine does in the time without
 * Rolegate in the way. Every issuance signs once with RSA-2048 (an ID token for web identity, an assertion
 * for SAML delivery) and makes one STS call to the emulator, so neither can be faster than these.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { callerIdentityArn } from '../aws-client';
import type { Credentials } from '../../../lib/core/types';
import { closedLoop, type ClosedLoopRun } from './closed-loop';
import { summarize, timed, type Summary } from './stats';

export interface Floor {
  /** RSA-2048 PKCS#1 v1.5 SHA-256 signatures per second, one thread, in this process. */
  rsa2048SignPerSec: number;
  /** sts:GetCallerIdentity straight to the emulator (SDK, SigV4, no Rolegate), sequential calls. */
  emulatorStsMs: Summary;
}

/** Signs a token-sized payload for `ms` milliseconds and counts. */
export function rsaSignsPerSecond(ms = 1_000): number {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const payload = Buffer.alloc(600, 'x');
  let n = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    sign('sha256', payload, privateKey);
    n++;
    elapsed = performance.now() - t0;
  }
  return Math.round((n / elapsed) * 1000);
}

/** `n` sequential GetCallerIdentity calls with keys Rolegate issued, after two untimed ones (connection, JIT). */
export async function emulatorLatency(awsUrl: string, credentials: Credentials, n = 30): Promise<Summary> {
  for (let i = 0; i < 2; i++) await callerIdentityArn(awsUrl, credentials);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    samples.push(
      await timed(async () => {
        if (!(await callerIdentityArn(awsUrl, credentials))) throw new Error('the emulator answered GetCallerIdentity without an ARN');
      }),
    );
  }
  return summarize(samples);
}

export async function measureFloor(awsUrl: string, credentials: Credentials): Promise<Floor> {
  return { rsa2048SignPerSec: rsaSignsPerSecond(), emulatorStsMs: await emulatorLatency(awsUrl, credentials) };
}

/**
 * The emulator alone at the issuance phase's concurrency: `concurrency` workers calling GetCallerIdentity
 * back to back for `ms` (one reused SDK client, SigV4-signed): the most STS calls per second this machine
 * answers with nothing of Rolegate's running, and their latency. `cpuMsPerCall` is this process's CPU
 * (the emulator and the SDK clients both live here) per call.
 */
export async function emulatorAtConcurrency(awsUrl: string, credentials: Credentials, concurrency: number, ms: number): Promise<ClosedLoopRun & { cpuMsPerCall: number }> {
  const client = new STSClient({ region: 'us-east-1', endpoint: awsUrl, credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken } });
  const call = async () => {
    if (!(await client.send(new GetCallerIdentityCommand({}))).Arn) throw new Error('the emulator answered GetCallerIdentity without an ARN');
  };
  await closedLoop(concurrency, 300, call);
  const cpu0 = process.cpuUsage();
  const run = await closedLoop(concurrency, ms, call);
  const used = process.cpuUsage(cpu0);
  client.destroy();
  return { ...run, cpuMsPerCall: run.ok ? Math.round(((used.user + used.system) / 1000 / run.ok) * 100) / 100 : Number.NaN };
}
