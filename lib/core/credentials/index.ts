/**
 * One `Credentials` value → every format the Keys panel and the CLI offer. All formatters are pure;
 * each throws `AWS_VALUE_INVALID` rather than emit something a shell or parser could misread.
 */
import type { Credentials } from '../types';
import { credentialProcessJson } from './credential-process';
import { formatDotenv } from './dotenv';
import type { CredentialFormatter, FormatOptions } from './env-vars';
import { formatIni } from './ini';
import { formatBash, formatFish } from './posix-shell';
import { formatCmd, formatPowerShell } from './windows-shell';

export type { CredentialFormatter, FormatOptions } from './env-vars';
export { credentialProcessJson, type CredentialProcessOutput } from './credential-process';
export { formatDotenv } from './dotenv';
export { formatIni } from './ini';
export { formatBash, formatFish } from './posix-shell';
export { formatCmd, formatPowerShell } from './windows-shell';

/** Every output format. `zsh` shares bash's syntax. */
export type CredentialFormat =
  | 'bash'
  | 'zsh'
  | 'fish'
  | 'powershell'
  | 'cmd'
  | 'dotenv'
  | 'ini'
  | 'json';

/** How the UI lists a format and names its download. */
export interface CredentialFormatInfo {
  format: CredentialFormat;
  label: string;
  fileName: string;
  mediaType: string;
  /**
   * Prefix the download with a UTF-8 BOM: Windows PowerShell 5.1 reads BOM-less scripts in the ANSI
   * code page, which would garble any non-ASCII character.
   */
  utf8Bom: boolean;
}

const FORMATTERS: Readonly<Record<CredentialFormat, CredentialFormatter>> = {
  bash: formatBash,
  zsh: formatBash,
  fish: formatFish,
  powershell: formatPowerShell,
  cmd: formatCmd,
  dotenv: formatDotenv,
  ini: formatIni,
  json: credentialProcessJson,
};

const SHELL = 'text/x-shellscript';
const TEXT = 'text/plain';

/** The formats in display order. */
export const CREDENTIAL_FORMATS: readonly CredentialFormatInfo[] = Object.freeze([
  { format: 'bash', label: 'Bash', fileName: 'credentials.sh', mediaType: SHELL, utf8Bom: false },
  { format: 'zsh', label: 'Zsh', fileName: 'credentials.zsh', mediaType: SHELL, utf8Bom: false },
  { format: 'fish', label: 'Fish', fileName: 'credentials.fish', mediaType: TEXT, utf8Bom: false },
  {
    format: 'powershell',
    label: 'PowerShell',
    fileName: 'credentials.ps1',
    mediaType: TEXT,
    utf8Bom: true,
  },
  { format: 'cmd', label: 'cmd.exe', fileName: 'credentials.cmd', mediaType: TEXT, utf8Bom: false },
  { format: 'dotenv', label: '.env', fileName: '.env', mediaType: TEXT, utf8Bom: false },
  {
    format: 'ini',
    label: 'AWS credentials file',
    fileName: 'credentials',
    mediaType: TEXT,
    utf8Bom: false,
  },
  {
    format: 'json',
    label: 'credential_process JSON',
    fileName: 'credentials.json',
    mediaType: 'application/json',
    utf8Bom: false,
  },
] satisfies CredentialFormatInfo[]);

/** Narrows untrusted input (a query parameter, a CLI flag) to a format. */
export function isCredentialFormat(value: string): value is CredentialFormat {
  return Object.hasOwn(FORMATTERS, value);
}

/**
 * Formats `creds` as `format`. Throws `AWS_VALUE_INVALID` when a value cannot be written safely in
 * that format (the public detail names the variable and the reason, never the value).
 */
export function formatCredentials(
  format: CredentialFormat,
  creds: Credentials,
  opts?: FormatOptions,
): string {
  return FORMATTERS[format](creds, opts);
}
