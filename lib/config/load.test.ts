import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../core/config/parse';
import { EXAMPLE_CONFIG_YAML, SAML_ONLY_YAML } from '../core/config/fixtures';
import { parseEnv } from './env';
import { validateConfigText } from './load';

const env = parseEnv({
  NODE_ENV: 'test',
  NEXTAUTH_URL: 'https://rolegate.example.com',
  NEXTAUTH_SECRET: 'x'.repeat(32),
  ROLEGATE_ENCRYPTION_KEYS: Buffer.alloc(32, 1).toString('base64'),
});
const secrets = (...ids: string[]) => new Map(ids.map((id) => [id, 'secret']));
const problems = (text: string, have: ReadonlyMap<string, string>): string[] => {
  try {
    validateConfigText(env, text, 'rolegate.yaml', have);
  } catch (e) {
    assert.ok(e instanceof ConfigError);
    return e.problems.map((p) => `${p.path}: ${p.message}`);
  }
  return [];
};
const disable = (text: string, id: string) => text.replace(`  - id: ${id}\n`, `  - id: ${id}\n    disabled: true\n`);

test('issue 13 §1: a SAML-only config needs no client secret at all', () => {
  assert.deepEqual(problems(SAML_ONLY_YAML, secrets()), []);
});

test('issue 13 §1: a disabled OIDC IdP needs no client secret; an enabled one still does, named by its variable', () => {
  assert.deepEqual(problems(disable(EXAMPLE_CONFIG_YAML, 'entra'), secrets('okta', 'google')), []);
  assert.deepEqual(problems(EXAMPLE_CONFIG_YAML, secrets('okta', 'google')), [
    'idps[2]: client secret missing: set ROLEGATE_IDP_ENTRA_CLIENT_SECRET in the environment or enter it on the Connections page',
  ]);
});
