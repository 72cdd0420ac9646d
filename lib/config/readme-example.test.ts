/** The README's full config example is documentation users copy: it must stay a valid config. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseConfigText } from '../core/config/parse';
import { spUrls } from '../core/saml/sp-urls';
import { idpSecretVar } from './env';

test('the README’s full config example parses, with every account, role and rule', () => {
  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const yaml = /### Config file \(full example\)[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(yaml, 'the README has a "Config file (full example)" yaml block');
  const config = parseConfigText(yaml, 'README.md');
  assert.ok(config.roles.size >= 3);
  assert.ok([...config.roles.values()].some((r) => r.sessionPolicy), 'the example shows a session policy');
  assert.ok(config.rules.length >= 1);
});

test('issue 13 §7: the README names the client secret variable the code reads, and never the wrong one', () => {
  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  assert.ok(!readme.includes('ROLEGATE_IDP_SECRET_'), 'ROLEGATE_IDP_SECRET_<ID> is read by nothing');
  const named = [...readme.matchAll(/ROLEGATE_IDP_[A-Z0-9_<>]+/g)].map((m) => m[0]);
  assert.ok(named.length >= 3, named.join(', '));
  for (const name of named) assert.match(name, /^ROLEGATE_IDP_(<ID>|[A-Z0-9_]+?)_CLIENT_SECRET$/, name);
  assert.equal(idpSecretVar('okta'), 'ROLEGATE_IDP_OKTA_CLIENT_SECRET');
});

test('issue 13 §7: the README states the SP entity id the code gives each SAML connection', () => {
  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const { spEntityId } = spUrls('https://rolegate.example.com', '<connection id>');
  assert.ok(readme.includes(`the SP entity id is the metadata URL itself,\n   \`${spEntityId}\``), spEntityId);
});
