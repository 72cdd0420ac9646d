/**
 * A profile for the AWS shared credentials file (`~/.aws/credentials`) [UG cli-configure-files].
 * Readers: botocore (Python `configparser.RawConfigParser`: strips surrounding whitespace, indented
 * lines continue the previous value), the JS SDK v3 (`@smithy/shared-ini-file-loader` `parseIni`: a
 * `#` or `;` after whitespace starts a comment) and the Go SDK's own parser. No escaping exists in
 * any of them, so values are restricted to what all of them read the same way: printable ASCII with
 * no whitespace, `#`, `;` or `%` (the last for tools that use interpolating `ConfigParser`). Real
 * credentials are `[A-Za-z0-9/+=]`.
 */
import { GatewayError } from '../errors';
import type { Credentials } from '../types';
import { envAssignments, unrepresentable, type FormatOptions } from './env-vars';

const INI_VALUE = /^[\x21-\x22\x24\x26-\x3a\x3c-\x7e]+$/;
/**
 * Profile names we write: a conservative subset of what the CLI accepts (no spaces, no brackets).
 */
const PROFILE_NAME = /^[\w.+@-]{1,64}$/;

const INI_KEYS: Readonly<Record<string, string>> = {
  AWS_ACCESS_KEY_ID: 'aws_access_key_id',
  AWS_SECRET_ACCESS_KEY: 'aws_secret_access_key',
  AWS_SESSION_TOKEN: 'aws_session_token',
  AWS_REGION: 'region',
};

/**
 * `[profile]` section with `aws_access_key_id`, `aws_secret_access_key`, `aws_session_token` and,
 * when a region is given, `region` (botocore merges credentials-file keys into the profile, so the
 * CLI honours it). Throws `AWS_VALUE_INVALID` for a value or profile name the INI readers would
 * misread.
 */
export function formatIni(creds: Credentials, opts?: FormatOptions): string {
  const profile = opts?.profile ?? 'default';
  if (!PROFILE_NAME.test(profile)) {
    throw new GatewayError('AWS_VALUE_INVALID', 'ini: bad profile name', {
      publicDetail: 'a profile name must be 1–64 letters, digits or ._+@-',
    });
  }
  const lines = [`[${profile}]`];
  for (const [name, value] of envAssignments(creds, opts)) {
    const key = INI_KEYS[name];
    if (key === undefined) continue;
    if (!INI_VALUE.test(value)) {
      const reason = 'is empty or has whitespace, a line break, #, ;, % or non-ASCII';
      throw unrepresentable('ini', name, reason);
    }
    lines.push(`${key} = ${value}`);
  }
  return `${lines.join('\n')}\n`;
}
