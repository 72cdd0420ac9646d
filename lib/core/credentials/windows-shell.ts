/**
 * Windows shell snippets: PowerShell (`$Env:K = '…'`) and cmd.exe (`set "K=…"`).
 */
import type { Credentials } from '../types';
import { assertPlainText, envAssignments, unrepresentable, type FormatOptions } from './env-vars';

/**
 * PowerShell single-quoting: a verbatim string where only a quote is special, escaped by doubling
 * it (about_Quoting_Rules). PowerShell also treats the typographic quotes U+2018–U+201B as single
 * quotes (PowerShell/PowerShell `engine/parser/CharTraits.cs`, `IsSingleQuote`), so they are
 * doubled too — as PowerShell's own CodeGeneration.EscapeSingleQuotedStringContent does. Newlines
 * are literal.
 */
export function powershellQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`;
}

/** `$Env:AWS_… = '…'` lines for PowerShell (Windows PowerShell 5.1 and pwsh 7). */
export function formatPowerShell(creds: Credentials, opts?: FormatOptions): string {
  return envAssignments(creds, opts)
    .map(([name, value]) => {
      assertPlainText('PowerShell', name, value, true);
      return `$Env:${name} = ${powershellQuote(value)}\n`;
    })
    .join('');
}

/**
 * What cmd.exe can carry inside `set "K=…"`, conservatively. Inside the quotes `& | < > ^ ( )` are
 * literal (the parser's quote flag suppresses them), but:
 * - `"` toggles the quote flag and would expose the rest of the line to the parser;
 * - `%` is expanded in phase 1, even inside quotes; `%%` only unescapes in batch files, not at the
 *   prompt, so no spelling works in both;
 * - `!` is expanded when delayed expansion is on (`cmd /V:ON`, `setlocal EnableDelayedExpansion`),
 *   which then also consumes `^`;
 * - CR/LF end the command; non-ASCII depends on the console code page (a .cmd file is read as OEM,
 *   not UTF-8).
 *
 * So only printable ASCII without `"`, `%`, `!` is allowed. Source: the phase description in "How
 * does the Windows Command Interpreter (CMD.EXE) parse scripts?" (stackoverflow.com/a/4095133),
 * `help set`.
 */
const CMD_SAFE = /^[\x20\x23-\x24\x26-\x7e]*$/;
/**
 * cmd.exe's maximum command-line length (learn.microsoft.com, "Command prompt line string
 * limitation").
 */
const CMD_MAX_LINE = 8191;

/**
 * `set "AWS_…=…"` lines for cmd.exe, CRLF-terminated (batch files with bare LF misparse labels and
 * `goto`). Throws `AWS_VALUE_INVALID` for any value cmd cannot carry safely (see `CMD_SAFE`), never
 * emits a best-effort escape.
 */
export function formatCmd(creds: Credentials, opts?: FormatOptions): string {
  return envAssignments(creds, opts)
    .map(([name, value]) => {
      assertPlainText('cmd', name, value, false);
      if (!CMD_SAFE.test(value)) {
        throw unrepresentable('cmd', name, 'has a character cmd cannot carry (" % ! or non-ASCII)');
      }
      const line = `set "${name}=${value}"`;
      if (line.length > CMD_MAX_LINE) {
        throw unrepresentable('cmd', name, `exceeds cmd's ${CMD_MAX_LINE}-character line limit`);
      }
      return `${line}\r\n`;
    })
    .join('');
}
