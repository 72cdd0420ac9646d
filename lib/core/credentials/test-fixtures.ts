/** Shared test inputs for the credential formatters. Imported by tests only. */
import type { Credentials } from '../types';

/** Shaped like real STS output: AKID `ASIA…`, 40-char secret, long base64 session token. */
export const REAL: Credentials = {
  accessKeyId: 'ASIAQNZGKEXAMPLE7ABC',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken:
    'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDexample+Token/Value==' +
    'FwoGZXIvYXdzEBYaDHhBTEXAMPLEp2f8TYqKoAE1nZ3u0pL+9QvN0Vw7ZtqJm2k5yL0cR6x3Xg'.repeat(12),
  expiration: '2030-01-02T03:04:05Z',
};

/** Values no real credential has, each aimed at a quoting rule. */
export const ADVERSARIAL: Readonly<Record<string, string>> = {
  singleQuote: "it's 'quoted'",
  bashEscapeItself: "'\\''",
  doubleQuote: 'say "hi"',
  dollar: '$HOME ${HOME} $(id) $$ $1',
  backtick: '`id` ``',
  backslash: 'back\\slash \\n \\\\ trailing\\',
  bang: '!! !$ !-1 !id',
  percent: '%PATH% %% 100%',
  newline: 'line1\nline2\n\n!!',
  unicode: 'é 日本 😀 ‘smart’ ‚low‛ quotes',
  spaces: '   leading and trailing   ',
  empty: '',
  everything: "a'b\"c$d`e\\f!g%h\ni&j|k<l>m^n(o)p;q#r*s?t[u]v{w}x~y z",
};

/** Puts `value` into all three secret fields (varied so a mix-up shows). */
export function credsWith(value: string): Credentials {
  return {
    accessKeyId: value,
    secretAccessKey: `S${value}`,
    sessionToken: `${value}T`,
    expiration: REAL.expiration,
  };
}

/**
 * Values cmd.exe can carry inside `set "K=…"`: its metacharacters are literal within the quotes.
 */
export const CMD_SAFE_SPECIALS: Readonly<Record<string, string>> = {
  metacharacters: 'a&b|c<d>e^f(g)h',
  shellish: "it's $HOME `id` #x ;y =z ,w *?[]{}~\\",
  spaces: '   leading and trailing   ',
  empty: '',
};

/** One golden document: each case's output under a comment header, cases in a fixed order. */
export function renderGolden(
  comment: string,
  eol: string,
  cases: Readonly<Record<string, Credentials>>,
  format: (c: Credentials, opts?: { region?: string }) => string,
): string {
  return Object.entries(cases)
    .map(([name, creds]) => {
      const opts = name === 'real' ? { region: 'eu-west-1' } : undefined;
      return `${comment} case: ${name}${eol}${format(creds, opts)}`;
    })
    .join('');
}

/** Case sets for the PowerShell and cmd golden files. */
export const POWERSHELL_CASES: Readonly<Record<string, Credentials>> = {
  real: REAL,
  ...Object.fromEntries(Object.entries(ADVERSARIAL).map(([k, v]) => [k, credsWith(v)])),
};
export const CMD_CASES: Readonly<Record<string, Credentials>> = {
  real: REAL,
  ...Object.fromEntries(Object.entries(CMD_SAFE_SPECIALS).map(([k, v]) => [k, credsWith(v)])),
};
