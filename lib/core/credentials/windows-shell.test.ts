import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { formatCmd, formatPowerShell, powershellQuote } from './windows-shell';
import { CMD_CASES, POWERSHELL_CASES, REAL, credsWith, renderGolden } from './test-fixtures';

// No PowerShell or cmd.exe on CI hosts: outputs are compared with reviewed golden files instead.
const golden = (name: string): string =>
  readFileSync(join(import.meta.dirname, 'golden', name), 'utf8');

describe('PowerShell', () => {
  it('matches golden/powershell.ps1 (real values plus every adversarial value)', () => {
    const rendered = renderGolden('#', '\n', POWERSHELL_CASES, formatPowerShell);
    assert.equal(rendered, golden('powershell.ps1'));
  });

  it('doubles ASCII and typographic single quotes, leaves everything else verbatim', () => {
    assert.equal(powershellQuote("a'b"), "'a''b'");
    const smart = '\u2018x\u2019\u201a\u201b';
    assert.equal(powershellQuote(smart), "'\u2018\u2018x\u2019\u2019\u201a\u201a\u201b\u201b'");
    assert.equal(powershellQuote('$x `n "y"'), '\'$x `n "y"\'');
  });

  it('rejects control characters', () => {
    for (const bad of ['a\u0000', 'a\tb', 'a\rb', 'esc\u001b]0;title\u0007']) {
      assert.throws(() => formatPowerShell(credsWith(bad)), { code: 'AWS_VALUE_INVALID' });
    }
  });
});

describe('cmd', () => {
  it('matches golden/cmd.cmd (CRLF; & | < > ^ ( ) literal inside the quotes)', () => {
    assert.equal(renderGolden('REM', '\r\n', CMD_CASES, formatCmd), golden('cmd.cmd'));
  });

  it('rejects what cmd cannot carry: " % ! line breaks, tabs, non-ASCII', () => {
    const bad = ['say "hi"', '%PATH%', '100%', '!x!', 'a\nb', 'a\r\nb', 'a\tb', 'é', '😀', '\u2018'];
    for (const value of bad) {
      assert.throws(
        () => formatCmd(credsWith(value)),
        (e: unknown) => (e as { code?: string }).code === 'AWS_VALUE_INVALID',
        JSON.stringify(value),
      );
    }
  });

  it("rejects lines longer than cmd's 8191-character limit", () => {
    const sessionToken = 'A'.repeat(8191 - 'set "AWS_SESSION_TOKEN="'.length);
    assert.doesNotThrow(() => formatCmd({ ...REAL, sessionToken }));
    assert.throws(() => formatCmd({ ...REAL, sessionToken: `${sessionToken}A` }), {
      code: 'AWS_VALUE_INVALID',
    });
  });
});
