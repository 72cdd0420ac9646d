/**
 * Issue 15 §4: each config text is parsed once per process — the same text gives the same frozen config —
 * while a refused text is refused every time, with the file name of that call, and nothing is kept for it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXAMPLE_CONFIG_YAML } from './fixtures';
import { ConfigError, parseConfigText } from './parse';
import { knownConfig, PARSED_CONFIGS_KEPT } from './parsed-cache';

const variant = (n: number) => `${EXAMPLE_CONFIG_YAML}# variant ${n}\n`;

test('the same text is parsed once: the second call answers with the same frozen config', () => {
  const text = variant(1);
  assert.equal(knownConfig(text), undefined);
  const first = parseConfigText(text, 'rolegate.yaml');
  assert.equal(knownConfig(text), first);
  assert.equal(parseConfigText(text, 'config revision 7'), first);
  assert.ok(Object.isFrozen(first) && Object.isFrozen(first.rules));
  // Another text, even one that means the same, is parsed on its own.
  const other = parseConfigText(variant(2));
  assert.notEqual(other, first);
  assert.deepEqual(other.rules, first.rules);
});

test('a refused text is refused at every call with that call’s file name, and is not kept', () => {
  const bad = EXAMPLE_CONFIG_YAML.replace('roles: [dev/Admin]', 'roles: [dev/Nobody]');
  const refusal = (file: string) => {
    try {
      parseConfigText(bad, file);
    } catch (e) {
      assert.ok(e instanceof ConfigError && e.code === 'CONFIG_INVALID');
      return e.message;
    }
    assert.fail('expected CONFIG_INVALID');
  };
  assert.match(refusal('first.yaml'), /first\.yaml: rules\[0\]\.roles\[0\]: unknown role "dev\/Nobody"/);
  assert.match(refusal('config revision 9'), /config revision 9: rules\[0\]\.roles\[0\]/);
  assert.equal(knownConfig(bad), undefined);
  assert.throws(() => parseConfigText(`${EXAMPLE_CONFIG_YAML}\u0000`), (e: unknown) => e instanceof ConfigError && e.code === 'CONFIG_INVALID');
  assert.equal(knownConfig(`${EXAMPLE_CONFIG_YAML}\u0000`), undefined);
});

test(`keeps the ${PARSED_CONFIGS_KEPT} most recently used texts; an older one is parsed again`, () => {
  const texts = Array.from({ length: PARSED_CONFIGS_KEPT + 1 }, (_, i) => variant(100 + i));
  const first = parseConfigText(texts[0] ?? '');
  for (const text of texts.slice(1, PARSED_CONFIGS_KEPT)) parseConfigText(text);
  // Using the first again makes it the most recent: the next new text pushes out the second.
  assert.equal(parseConfigText(texts[0] ?? ''), first);
  parseConfigText(texts[PARSED_CONFIGS_KEPT] ?? '');
  assert.equal(knownConfig(texts[0] ?? ''), first);
  assert.equal(knownConfig(texts[1] ?? ''), undefined);
  const again = parseConfigText(texts[1] ?? '');
  assert.deepEqual(again.rules, first.rules);
});
