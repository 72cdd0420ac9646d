import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it, type TestContext } from 'node:test';

import type { Credentials } from '../types';
import { formatBash, formatFish } from './posix-shell';
import { ADVERSARIAL, REAL, credsWith } from './test-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'rolegate-creds-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Fixed, so no inherited BASH_ENV/ENV/ZDOTDIR can run code in the shells under test. */
const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const VARS = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
];
const PRINT = `printf '%s\\0' ${VARS.map((v) => `"$${v}"`).join(' ')}`;

function has(bin: string): boolean {
  return spawnSync(bin, ['-c', 'exit 0']).status === 0;
}

/** Sources `script` in `shell` and returns the five variables as the shell sees them. */
function sourceIn(shell: 'bash' | 'zsh' | 'fish', script: string): string[] {
  const file = join(dir, `${shell}-${Math.random().toString(36).slice(2)}.sh`);
  writeFileSync(file, script);
  const args = {
    bash: ['--norc', '--noprofile', '-c', `source '${file}'; ${PRINT}`],
    zsh: ['-f', '-c', `source '${file}'; ${PRINT}`],
    fish: ['--no-config', '-c', `source '${file}'; ${PRINT}`],
  }[shell];
  const env = { PATH: SYSTEM_PATH, NODE_ENV: 'test' } as const;
  const r = spawnSync(shell, args, { encoding: 'utf8', env });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\0').slice(0, VARS.length);
}

function expected(creds: Credentials, region = ''): string[] {
  return [creds.accessKeyId, creds.secretAccessKey, creds.sessionToken, region, region];
}

const SHELLS = [
  ['bash', formatBash],
  ['zsh', formatBash],
  ['fish', formatFish],
] as const;

for (const [shell, format] of SHELLS) {
  describe(`${shell} output round-trips in real ${shell}`, () => {
    const skip = (t: TestContext): boolean => {
      if (has(shell)) return false;
      t.skip(`${shell} not installed`);
      return true;
    };

    it('real-looking credentials with a region', (t) => {
      if (skip(t)) return;
      const seen = sourceIn(shell, format(REAL, { region: 'eu-west-1' }));
      assert.deepEqual(seen, expected(REAL, 'eu-west-1'));
    });

    for (const [name, value] of Object.entries(ADVERSARIAL)) {
      it(`adversarial: ${name}`, (t) => {
        if (skip(t)) return;
        const creds = credsWith(value);
        assert.deepEqual(sourceIn(shell, format(creds)), expected(creds));
      });
    }
  });
}

describe('interactive paste', () => {
  for (const shell of ['bash', 'zsh'] as const) {
    it(`${shell} -i: history expansion and newlines do not alter values`, (t) => {
      if (!has(shell)) return t.skip(`${shell} not installed`);
      const creds = credsWith(ADVERSARIAL.everything ?? '');
      const flags = shell === 'bash' ? ['--norc', '--noprofile', '-i'] : ['-f', '-i'];
      const input = `${formatBash(creds)}${PRINT}\nexit\n`;
      const env = { PATH: SYSTEM_PATH, HOME: dir, NODE_ENV: 'test' } as const;
      const r = spawnSync(shell, flags, { input, encoding: 'utf8', env });
      assert.deepEqual(r.stdout.split('\0').slice(0, VARS.length), expected(creds));
    });
  }
});

const INVALID = { code: 'AWS_VALUE_INVALID' };

describe('rejections', () => {
  for (const [name, format] of [
    ['bash', formatBash],
    ['fish', formatFish],
  ] as const) {
    it(`${name} rejects control characters and bad regions with AWS_VALUE_INVALID`, () => {
      const bad = ['a\u0000b', 'tab\there', 'a\u001b[31mred', 'cr\rhere', 'del\u007f', 'c1\u009b'];
      for (const value of [...bad, 'lone\ud800']) {
        assert.throws(() => format(credsWith(value)), INVALID, JSON.stringify(value));
      }
      assert.throws(() => format(REAL, { region: "eu-west-1'; id; '" }), INVALID);
    });
  }

  it('names the variable in the public detail, never the value', () => {
    assert.throws(
      () => formatBash({ ...REAL, sessionToken: 'secret\u0000value' }),
      (e: unknown) => {
        const detail = String((e as { publicDetail?: string }).publicDetail);
        return /AWS_SESSION_TOKEN/.test(detail) && !/secret/.test(detail);
      },
    );
  });
});
