/**
 * Issue 15 §4: the config's YAML reader keeps the semantics the `yaml` package gave (YAML 1.2 core schema,
 * duplicate keys refused) and refuses a document whose aliases expand beyond the limit, before anything
 * walks it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { EXAMPLE_CONFIG_YAML } from './fixtures';
import { ConfigError, parseConfigText } from './parse';
import { expandedShape, loadYamlDocument, MAX_DEPTH, MAX_EXPANDED_VALUES } from './yaml-text';

/** Nine levels, each a list of ten aliases to the level below: 10^9 values once expanded. */
function billionLaughs(): string {
  const lines = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= 9; i++) lines.push(`l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n';
}

test('YAML 1.2 core schema: dates, 1_000, 0b11, yes and << stay what `yaml` read them as', () => {
  assert.deepEqual(loadYamlDocument('a: 2026-01-01\nb: 1_000\nc: 0b11\nd: yes\ne: 0x1F\nf: ~\n"<<": {x: 1}\n'), {
    a: '2026-01-01',
    b: '1_000',
    c: '0b11',
    d: 'yes',
    e: 31,
    f: null,
    '<<': { x: 1 },
  });
});

test('refuses a duplicate key, an unknown tag, several documents and an empty text', () => {
  assert.throws(() => loadYamlDocument('a: 1\na: 2\n'), /duplicated mapping key/);
  assert.throws(() => loadYamlDocument('a: !!binary aGVsbG8=\n'), /unknown scalar tag/);
  assert.throws(() => loadYamlDocument('a: 1\n---\nb: 2\n'), /single document/);
  assert.throws(() => loadYamlDocument(''), /empty/);
});

test('a __proto__ key is an own key, never the prototype', () => {
  const doc = loadYamlDocument('__proto__: { polluted: 1 }\n') as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(doc), Object.prototype);
  assert.deepEqual(Object.keys(doc), ['__proto__']);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('aliases are fine within the limit and counted in full', () => {
  const doc = loadYamlDocument('x: &g [a, b]\ny: *g\nz: *g\n');
  assert.deepEqual(doc, { x: ['a', 'b'], y: ['a', 'b'], z: ['a', 'b'] });
  assert.deepEqual(expandedShape(doc), { values: 1 + 3 * 3, depth: 2 });
});

// A walk of the expansion would not end within the test's timeout: passing at all shows none happened.
test('a billion laughs is refused at once, by the reader and by the config parser', () => {
  assert.throws(() => loadYamlDocument(billionLaughs()), /aliases expand it beyond 1,000,000 values/);
  const problems = (() => {
    try {
      parseConfigText(billionLaughs(), 'rolegate.yaml');
    } catch (e) {
      assert.ok(e instanceof ConfigError);
      return e.problems.map((p) => p.message);
    }
    return [];
  })();
  assert.deepEqual(problems, ['not valid YAML/JSON: its aliases expand it beyond 1,000,000 values']);
});

test('a node that contains itself counts as too big instead of recursing forever', () => {
  const loop: unknown[] = ['a'];
  loop.push(loop);
  const shape = expandedShape({ loop });
  assert.ok(shape.values > MAX_EXPANDED_VALUES && shape.depth > MAX_DEPTH);
});

test('a chain of aliases that nests deeper than the limit is refused, without overflowing the stack', () => {
  // Each anchor is a list 50 deep ending in an alias to the one before: 3,000 levels once expanded.
  const lines = ['a0: &a0 x'];
  for (let i = 1; i <= 60; i++) lines.push(`a${i}: &a${i} ${'['.repeat(50)}*a${i - 1}${']'.repeat(50)}`);
  assert.throws(() => loadYamlDocument(lines.join('\n') + '\n'), /its aliases nest it deeper than 100 levels/);
  // The same within the limit reads.
  assert.doesNotThrow(() => loadYamlDocument(lines.slice(0, 2).join('\n') + '\n'));
});

test('what the `yaml` package writes for a config, this reader reads back unchanged', () => {
  const doc = loadYamlDocument(EXAMPLE_CONFIG_YAML);
  assert.deepEqual(loadYamlDocument(stringify(doc)), doc);
  const awkward = { s: ['1_000', '0o17', 'yes', 'null', '~', '2026-01-01', '.inf', '+12', '1e3', 'True', '0x1F', '<<', '- x', 'a: b', '#c'] };
  assert.deepEqual(loadYamlDocument(stringify(awkward)), awkward);
});
