import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  BLOCK_END,
  BLOCK_START,
  findBlock,
  profilesOutsideBlock,
  renderBlock,
  replaceBlock,
} from './aws-config';
import { unifiedDiff } from './diff';
import { credentialProcessLine, quoteArg } from './process-command';

const block = (eol = '\n') =>
  renderBlock(
    'https://rg.example',
    [{ name: 'a-B', region: 'eu-west-1', credentialProcess: 'x' }],
    eol,
  );

describe('the owned block', () => {
  it('appends to an empty file, after a blank line, and to a file without a final newline', () => {
    assert.equal(replaceBlock('', block(), 'f'), block());
    assert.equal(replaceBlock('[default]\n', block(), 'f'), `[default]\n\n${block()}`);
    assert.equal(replaceBlock('[default]\n\n', block(), 'f'), `[default]\n\n${block()}`);
    assert.equal(replaceBlock('[default]', block(), 'f'), `[default]\n\n${block()}`);
  });

  it('replaces a block in the middle, keeping what is before and after', () => {
    const text = `# head\n${BLOCK_START}\nold\n${BLOCK_END}\n# tail\n`;
    assert.equal(replaceBlock(text, block(), 'f'), `# head\n${block()}# tail\n`);
  });

  it('rejects damaged markers', () => {
    for (const bad of [
      `${BLOCK_START}\n`,
      `${BLOCK_END}\n`,
      `${BLOCK_END}\n${BLOCK_START}\n`,
      `${BLOCK_START}\n${BLOCK_START}\n${BLOCK_END}\n`,
    ]) {
      assert.throws(() => findBlock(bad, 'f'), /is damaged/, JSON.stringify(bad));
    }
  });

  it('finds the profiles defined outside the block only', () => {
    const text = `[default]\n[profile a]\n[ profile  b ]\n[sso-session c]\n${BLOCK_START}\n[profile d]\n${BLOCK_END}\n`;
    assert.deepEqual([...profilesOutsideBlock(text, 'f')].sort(), ['a', 'b', 'default']);
  });
});

describe('credential_process quoting', () => {
  const self = { node: '/usr/bin/node', script: '/x/rolegate.cjs' };

  it('leaves plain arguments alone and single-quotes the rest (POSIX)', () => {
    assert.equal(quoteArg('/usr/bin/node', 'linux'), '/usr/bin/node');
    assert.equal(quoteArg("/a b/it's", 'linux'), `'/a b/it'\\''s'`);
    assert.equal(quoteArg('$HOME', 'darwin'), `'$HOME'`);
  });

  it('double-quotes on Windows and refuses what cmd.exe would expand', () => {
    assert.equal(
      quoteArg('C:\\Program Files\\nodejs\\node.exe', 'win32'),
      '"C:\\Program Files\\nodejs\\node.exe"',
    );
    assert.throws(() => quoteArg('C:\\100%\\node.exe', 'win32'), /contains ", % or a line break/);
  });

  it('refuses a line the INI readers would cut at " #" or split at a newline', () => {
    assert.throws(
      () => credentialProcessLine({ ...self, script: '/a #b/x.cjs' }, 'r/R', 'https://s', 'linux'),
      /read as a comment/,
    );
    assert.throws(
      () => credentialProcessLine({ ...self, script: '/a\nb' }, 'r/R', 'https://s', 'linux'),
      /line break/,
    );
  });
});

describe('unifiedDiff', () => {
  it('is empty for equal texts and one hunk with context otherwise', () => {
    assert.equal(unifiedDiff('a\n', 'a\n', 'f'), '');
    assert.equal(
      unifiedDiff('1\n2\n3\n4\n5\n', '1\n2\n3\n4\nX\n5\n', 'f'),
      '--- f\n+++ f\n@@ -2,4 +2,5 @@\n 2\n 3\n 4\n+X\n 5\n',
    );
    assert.equal(unifiedDiff('', 'a\n', 'f'), '--- f\n+++ f\n@@ -0,0 +1,1 @@\n+a\n');
  });
});
