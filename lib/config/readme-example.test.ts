/** The README's full config example is documentation users copy: it must stay a valid config. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseConfigText } from '../core/config/parse';

test('the README’s full config example parses, with every account, role and rule', () => {
  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const yaml = /### Config file \(full example\)[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(yaml, 'the README has a "Config file (full example)" yaml block');
  const config = parseConfigText(yaml, 'README.md');
  assert.ok(config.roles.size >= 3);
  assert.ok([...config.roles.values()].some((r) => r.sessionPolicy), 'the example shows a session policy');
  assert.ok(config.rules.length >= 1);
});
