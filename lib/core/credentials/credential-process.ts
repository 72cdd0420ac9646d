/**
 * The JSON an AWS CLI/SDK `credential_process` must print [UG cli-configure-sourcing-external; AWS
 * SDKs and Tools reference guide "Process credential provider"]: `Version` 1, the three keys and an
 * ISO 8601 `Expiration` (the SDKs refresh before it; without it they would cache forever).
 */
import type { Credentials } from '../types';
import { unrepresentable, type FormatOptions } from './env-vars';

/**
 * ISO 8601 date-time with seconds and an explicit zone, as STS returns it and the SDKs parse it.
 */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** The `credential_process` output document. */
export interface CredentialProcessOutput {
  Version: 1;
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: string;
}

/**
 * `{"Version":1,"AccessKeyId":…,"SecretAccessKey":…,"SessionToken":…,"Expiration":…}`,
 * pretty-printed with a trailing newline. JSON escapes any string, so only `expiration` is checked.
 * `opts` is accepted for the common formatter signature and ignored: region and profile live in
 * `~/.aws/config`, not in this output.
 */
export function credentialProcessJson(creds: Credentials, _opts?: FormatOptions): string {
  if (!ISO_8601.test(creds.expiration) || Number.isNaN(Date.parse(creds.expiration))) {
    throw unrepresentable('credential_process JSON', 'Expiration', 'is not an ISO 8601 date-time');
  }
  const out: CredentialProcessOutput = {
    Version: 1,
    AccessKeyId: creds.accessKeyId,
    SecretAccessKey: creds.secretAccessKey,
    SessionToken: creds.sessionToken,
    Expiration: creds.expiration,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
