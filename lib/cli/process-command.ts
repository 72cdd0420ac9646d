/**
 * The `credential_process` value `configure` writes. Who runs it: botocore splits it with
 * `shlex.split` (POSIX) or its own Windows splitter; the JS SDK v3 passes it to
 * `child_process.exec` (sh -c, or cmd.exe on Windows); the Go SDK runs `sh -c` / `cmd.exe /C`.
 * Single quotes (bash rules, shared with lib/core/credentials) mean the same to sh and shlex;
 * double quotes to cmd.exe and botocore's Windows splitter.
 */
import { bashQuote } from '../core/credentials/posix-shell';
import { CliError, EXIT } from './errors';

/** Arguments that need no quoting anywhere. `%` is excluded: cmd.exe expands it even in quotes. */
const PLAIN_ARG = /^[\w@+=:,./-]+$/;

function unwritable(why: string): CliError {
  const message = `cannot write a credential_process line into the AWS config file: ${why}`;
  return new CliError('AWS_VALUE_INVALID', EXIT.FAILURE, message);
}

export function quoteArg(arg: string, platform: NodeJS.Platform): string {
  if (PLAIN_ARG.test(arg)) return arg;
  if (platform !== 'win32') return bashQuote(arg);
  if (/["%\r\n]/.test(arg))
    throw unwritable(`${JSON.stringify(arg)} contains ", % or a line break`);
  return `"${arg}"`;
}

export interface CommandTarget {
  node: string;
  script: string;
}

/** `<node> <bundle> credential-process --role <id> --server <url>`, quoted for `platform`. */
export function credentialProcessLine(
  self: CommandTarget,
  roleId: string,
  server: string,
  platform: NodeJS.Platform,
): string {
  const args = [self.node, self.script, 'credential-process', '--role', roleId, '--server', server];
  const line = args.map((a) => quoteArg(a, platform)).join(' ');
  if (/[\r\n]/.test(line)) throw unwritable('a path contains a line break');
  // The JS SDK's INI parser cuts a value at whitespace followed by # or ; (a comment).
  if (/\s[#;]/.test(line)) throw unwritable('a path contains " #" or " ;", read as a comment');
  return line;
}
