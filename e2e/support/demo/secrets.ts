/**
 * The demo's secrets: generated once per data directory (mode 0600) so a restart keeps sessions and the
 * encrypted signing keys readable. Demo only; production secrets come from the real environment.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE_MODE, writePrivateFile } from './private-files';

export interface DemoSecrets {
  nextauthSecret: string;
  encryptionKey: string;
  idpClientSecret: string;
}

export function demoSecrets(dataDir: string): DemoSecrets {
  const file = path.join(dataDir, 'demo-secrets.json');
  if (existsSync(file)) {
    chmodSync(file, PRIVATE_FILE_MODE);
    return JSON.parse(readFileSync(file, 'utf8')) as DemoSecrets;
  }
  ensurePrivateDir(dataDir);
  const secrets: DemoSecrets = {
    nextauthSecret: randomBytes(32).toString('base64url'),
    encryptionKey: randomBytes(32).toString('base64'),
    idpClientSecret: randomBytes(24).toString('base64url'),
  };
  writePrivateFile(file, JSON.stringify(secrets, null, 2));
  return secrets;
}

/**
 * The demo's IAM keys for revoking sessions (ROLEGATE_IAM_KEYS), one IAM user per account, registered
 * with the AWS emulator too. The secret is derived from this data directory's random demo secret.
 */
export function demoIamKeys(dataDir: string, accountIds: readonly string[]): Record<string, { accessKeyId: string; secretAccessKey: string }> {
  const seed = demoSecrets(dataDir).idpClientSecret;
  return Object.fromEntries(
    accountIds.map((id) => [id, { accessKeyId: `AKIADEMO${id}`, secretAccessKey: createHash('sha256').update(`iam:${id}:${seed}`).digest('base64url') }]),
  );
}

/** The demo's ROLEGATE_METRICS_TOKEN, derived from its secrets (the e2e metrics spec reads it the same way). */
export function demoMetricsToken(dataDir: string): string {
  return createHash('sha256').update(`metrics:${demoSecrets(dataDir).idpClientSecret}`).digest('hex');
}
