import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseClientArg } from './main';

describe('demo IdP CLI', () => {
  it('parses --client id:secret:uri[,uri]', () => {
    assert.deepEqual(parseClientArg('rolegate:secret:http://localhost:3000/a,http://localhost:3000/b'), {
      clientId: 'rolegate',
      clientSecret: 'secret',
      redirectUris: ['http://localhost:3000/a', 'http://localhost:3000/b'],
    });
  });

  it('rejects a malformed --client', () => {
    assert.throws(() => parseClientArg('rolegate'));
    assert.throws(() => parseClientArg('rolegate::http://localhost:3000/a'));
    assert.throws(() => parseClientArg('rolegate:secret:not-a-url'));
  });
});
