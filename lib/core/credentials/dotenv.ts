/**
 * `.env` files as read by `dotenv` + `dotenv-expand` (used by Node tools and Next.js `@next/env`).
 *
 * What those parsers do with a double-quoted value (dotenv 17 `lib/main.js` `parse`; dotenv-expand
 * `_resolveEscapeSequences`):
 * - `\n` and `\r` become LF and CR (CR is rejected anyway, as everywhere); no other escape is
 *   decoded — `\\` and `\"` stay two characters. So a value containing `\` or `"` has no faithful
 *   spelling and is rejected.
 * - `$NAME` / `${NAME}` are interpolated unless written `\$`, which then becomes `$`.
 * - `#`, `'` and backticks inside double quotes are literal; surrounding whitespace inside quotes
 *   is kept.
 *
 * Other readers differ (docker compose wants `$$`, python-dotenv decodes `\\`), which is one more
 * reason to reject rather than guess. Real credentials are `[A-Za-z0-9/+=]` and never hit any of
 * this.
 */
import type { Credentials } from '../types';
import { assertPlainText, envAssignments, unrepresentable, type FormatOptions } from './env-vars';

/**
 * `"…"` with `$` and newlines escaped; throws `AWS_VALUE_INVALID` for `\` and `"` (see the module
 * comment).
 */
export function dotenvQuote(name: string, value: string): string {
  if (value.includes('\\') || value.includes('"')) {
    throw unrepresentable('dotenv', name, 'contains \\ or ", which dotenv cannot escape');
  }
  return `"${value.replaceAll('$', '\\$').replaceAll('\n', '\\n')}"`;
}

/** `AWS_…="…"` lines for a `.env` file. */
export function formatDotenv(creds: Credentials, opts?: FormatOptions): string {
  return envAssignments(creds, opts)
    .map(([name, value]) => {
      assertPlainText('dotenv', name, value, true);
      return `${name}=${dotenvQuote(name, value)}\n`;
    })
    .join('');
}
