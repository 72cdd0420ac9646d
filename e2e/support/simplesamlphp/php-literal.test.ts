import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { phpLiteral } from './php-literal';

test('issue 13 §6: quotes and backslashes in generated SimpleSAMLphp config cannot end the PHP string', () => {
  assert.equal(phpLiteral("it's \\' ok"), "'it\\'s \\\\\\' ok'");
  assert.equal(phpLiteral({ a: [1, true, null] }), "[\n    'a' => [\n        1,\n        true,\n        null,\n    ],\n]");
  assert.equal(phpLiteral([]), '[]');
});

test('issue 13 §6: PHP reads back exactly the value we wrote', { skip: !existsSync('/usr/bin/php') && 'php is not installed' }, () => {
  const value = { "x'; system('id'); //": ['a\\', "b'", 'c\n'], n: 3, flag: false, none: null, nested: { '0': 'exampleauth:UserPass' } };
  const json = execFileSync('php', ['-r', `echo json_encode(${phpLiteral(value)});`], { encoding: 'utf8' });
  assert.deepEqual(JSON.parse(json), { ...value, nested: ['exampleauth:UserPass'] });
});
