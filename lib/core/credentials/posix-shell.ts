/**
 * POSIX-family shell snippets: bash/zsh (`export K='v'`) and fish (`set -gx K 'v'`). Both rely on
 * single quotes, inside which the shell expands nothing: no `$`, backtick, `\` or history `!`
 * expansion.
 */
import type { Credentials } from '../types';
import { assertPlainText, envAssignments, type FormatOptions } from './env-vars';

/**
 * Bash/zsh single-quoting: a single-quoted string cannot contain `'`, so each `'` becomes `'\''`
 * (close, escaped quote, reopen). POSIX.1-2017 XCU §2.2.2 "Single-Quotes"; bash manual §3.1.2.2;
 * zsh manual "Quoting" (also right with RC_QUOTES set). History expansion does not apply inside
 * single quotes (bash manual §9.3).
 */
export function bashQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * Fish single-quoting: inside `'…'` only `\'` and `\\` are escapes (fish docs, "Quotes"), so `\` is
 * doubled and `'` becomes `\'`. Everything else, newlines included, is literal.
 */
export function fishQuote(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/**
 * `export AWS_…='…'` lines for bash and zsh (`source` them or paste). Newlines in values are kept.
 */
export function formatBash(creds: Credentials, opts?: FormatOptions): string {
  return envAssignments(creds, opts)
    .map(([name, value]) => {
      assertPlainText('bash', name, value, true);
      return `export ${name}=${bashQuote(value)}\n`;
    })
    .join('');
}

/** `set -gx AWS_… '…'` lines for fish: global and exported, as `export` is in bash. */
export function formatFish(creds: Credentials, opts?: FormatOptions): string {
  return envAssignments(creds, opts)
    .map(([name, value]) => {
      assertPlainText('fish', name, value, true);
      return `set -gx ${name} ${fishQuote(value)}\n`;
    })
    .join('');
}
