import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../../core/errors';
import { parsePastedClaims } from './pasted-claims';

test('pasted claims get safe defaults: an email is unverified unless the paste says so', () => {
  assert.deepEqual(parsePastedClaims('{"idpId":"okta","email":"ann@example.com","groups":["aws-dev-admins"]}'), {
    idpId: 'okta', email: 'ann@example.com', emailVerified: false, groups: ['aws-dev-admins'], issuer: '(pasted claims)', subject: '(pasted claims)', extra: {},
  });
});

test('bad JSON, a wrong shape or unknown keys are a typed BAD_REQUEST naming the problem', () => {
  const bad = (text: string, detail: RegExp) =>
    assert.throws(() => parsePastedClaims(text), (e: unknown) => e instanceof GatewayError && e.code === 'BAD_REQUEST' && detail.test(e.publicDetail ?? ''));
  bad('{not json', /not valid JSON/);
  bad('{"groups":["x"]}', /claims\.idpId/);
  bad('{"idpId":"okta","groups":"admins"}', /claims\.groups/);
  bad('{"idpId":"okta","isAdmin":true}', /isAdmin/);
  bad('[]', /claims\./);
});
