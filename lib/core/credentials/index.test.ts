import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  CREDENTIAL_FORMATS,
  formatBash,
  formatCredentials,
  isCredentialFormat,
  type CredentialFormat,
} from './index';
import { REAL } from './test-fixtures';

const ALL: CredentialFormat[] = ['bash', 'zsh', 'fish', 'powershell', 'cmd', 'dotenv', 'ini', 'json'];

describe('formatCredentials', () => {
  it('lists every format once, with a label and a download name', () => {
    assert.deepEqual(
      CREDENTIAL_FORMATS.map((f) => f.format),
      ALL,
    );
    const names = CREDENTIAL_FORMATS.map((f) => f.fileName);
    assert.equal(new Set(names).size, names.length);
    assert.equal(CREDENTIAL_FORMATS.find((f) => f.format === 'dotenv')?.fileName, '.env');
    assert.equal(CREDENTIAL_FORMATS.find((f) => f.format === 'ini')?.fileName, 'credentials');
    assert.equal(CREDENTIAL_FORMATS.find((f) => f.format === 'json')?.fileName, 'credentials.json');
    assert.equal(CREDENTIAL_FORMATS.find((f) => f.format === 'bash')?.fileName, 'credentials.sh');
  });

  it('formats real credentials in every format, each containing the token', () => {
    for (const format of ALL) {
      const out = formatCredentials(format, REAL, { region: 'eu-west-1' });
      assert.ok(out.includes(REAL.sessionToken), format);
      assert.ok(out.endsWith('\n'), format);
    }
    assert.equal(formatCredentials('zsh', REAL), formatBash(REAL));
  });

  it('narrows untrusted format names', () => {
    assert.equal(isCredentialFormat('fish'), true);
    for (const bad of ['', 'sh', 'toString', '__proto__', 'BASH']) {
      assert.equal(isCredentialFormat(bad), false, bad);
    }
  });
});
