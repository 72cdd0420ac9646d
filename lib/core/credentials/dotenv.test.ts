import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';

import { formatDotenv } from './dotenv';
import { ADVERSARIAL, REAL, credsWith } from './test-fixtures';

type Parse = (src: string) => Record<string, string>;

/**
 * The real dotenv parser when it is installed (a transitive dependency; not imported by product
 * code).
 */
async function loadDotenv(t: TestContext): Promise<Parse | undefined> {
  const specifier = 'dotenv';
  try {
    const mod: unknown = await import(specifier);
    const m = mod as { parse?: unknown; default?: { parse?: unknown } };
    const parse = m.parse ?? m.default?.parse;
    if (typeof parse === 'function') return parse as Parse;
  } catch {
    // fall through to skip
  }
  t.skip('dotenv not installed');
  return undefined;
}

/**
 * dotenv-expand's last step (`_resolveEscapeSequences`), after checking nothing is left to
 * interpolate.
 */
function expand(value: string): string {
  assert.doesNotMatch(value, /(?<!\\)\$/, 'an unescaped $ would be interpolated by dotenv-expand');
  return value.replace(/\\\$/g, '$');
}

const REPRESENTABLE = Object.entries(ADVERSARIAL).filter(
  ([, v]) => !v.includes('\\') && !v.includes('"'),
);

describe('dotenv', () => {
  it('writes real values plainly', () => {
    const out = formatDotenv(REAL, { region: 'eu-west-1' });
    assert.match(out, /^AWS_ACCESS_KEY_ID="ASIAQNZGKEXAMPLE7ABC"\n/);
    assert.match(out, /\nAWS_DEFAULT_REGION="eu-west-1"\n$/);
  });

  it('escapes $ and newlines', () => {
    assert.equal(
      formatDotenv(credsWith('$A\nb')).split('\n')[0],
      'AWS_ACCESS_KEY_ID="\\$A\\nb"',
    );
  });

  for (const [name, value] of [['real', REAL.sessionToken] as const, ...REPRESENTABLE]) {
    it(`round-trips through dotenv.parse + dotenv-expand: ${name}`, async (t) => {
      const parse = await loadDotenv(t);
      if (!parse) return;
      const creds = credsWith(value);
      const parsed = parse(formatDotenv(creds));
      assert.equal(expand(parsed.AWS_ACCESS_KEY_ID ?? '<missing>'), creds.accessKeyId);
      assert.equal(expand(parsed.AWS_SECRET_ACCESS_KEY ?? '<missing>'), creds.secretAccessKey);
      assert.equal(expand(parsed.AWS_SESSION_TOKEN ?? '<missing>'), creds.sessionToken);
    });
  }

  it('rejects backslash, double quote and control characters', () => {
    for (const bad of ['a\\b', 'a"b', ADVERSARIAL.everything ?? '', 'a\rb', 'a\u0000b', 'a\tb']) {
      const invalid = { code: 'AWS_VALUE_INVALID' };
      assert.throws(() => formatDotenv(credsWith(bad)), invalid, JSON.stringify(bad));
    }
  });
});
