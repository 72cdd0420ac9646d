import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXAMPLE_CONFIG_YAML } from '../../core/config/fixtures';
import { parseConfigText } from '../../core/config/parse';
import { GatewayError } from '../../core/errors';
import { previewConfigImport } from './config-preview';

const live = parseConfigText(EXAMPLE_CONFIG_YAML);
const badRequest = (detail: RegExp) => (e: unknown) => e instanceof GatewayError && e.code === 'BAD_REQUEST' && detail.test(e.publicDetail ?? '');

test('the same file previews as no change', () => {
  assert.deepEqual(previewConfigImport(live, { yaml: EXAMPLE_CONFIG_YAML }), { changes: [] });
});

test('an invalid file lists every problem; a wrong body is a typed 400', () => {
  const broken = EXAMPLE_CONFIG_YAML.replace('alias: dev', 'alias: "Dev!"').concat('\naudit: { retentionDays: 1 }\n');
  assert.throws(() => previewConfigImport(live, { yaml: broken }), badRequest(/^(?=[\s\S]*accounts\[0\]\.alias)(?=[\s\S]*audit\.retentionDays)/));
  const unknownRole = EXAMPLE_CONFIG_YAML.replace('roles: [prod/Operator]', 'roles: [nope/Nope]');
  assert.throws(() => previewConfigImport(live, { yaml: unknownRole }), badRequest(/unknown role "nope\/Nope"/));
  assert.throws(() => previewConfigImport(live, { yaml: 'a: [' }), badRequest(/not valid YAML/));
  assert.throws(() => previewConfigImport(live, { config: 'x' }), badRequest(/send \{ "yaml"/));
  assert.throws(() => previewConfigImport(live, { yaml: 'x'.repeat(1_000_001) }), badRequest(/at most 1 MB/));
});
