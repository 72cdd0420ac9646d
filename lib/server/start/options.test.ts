import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localUrl, parseStartOptions } from './options';

test('as `next start`: -p wins over PORT, -H and --keepAliveTimeout pass through, the directory defaults to cwd', () => {
  assert.deepEqual(parseStartOptions([], 3000, '/srv/rolegate'), { dir: '/srv/rolegate', port: 3000, hostname: undefined, keepAliveTimeoutMs: undefined });
  assert.deepEqual(parseStartOptions(['-p', '4000', '-H', '127.0.0.1', '--keepAliveTimeout', '65000', 'app'], 3000, '/srv'), {
    dir: '/srv/app',
    port: 4000,
    hostname: '127.0.0.1',
    keepAliveTimeoutMs: 65000,
  });
  assert.equal(parseStartOptions(['--port=4100', '--hostname=::'], 3000, '/srv').port, 4100);
});

test('rejects bad ports, unknown options and more than one directory, with the usage', () => {
  for (const argv of [['-p', '0'], ['-p', '65536'], ['-p', '30x0'], ['-p', '-1'], ['--keepAliveTimeout', '1.5'], ['--turbo'], ['a', 'b'], ['-H', '']]) {
    assert.throws(() => parseStartOptions(argv, 3000, '/srv'), (e: Error & { code?: string }) => e.code === 'CONFIG_INVALID' && e.message.includes('usage: npm start'), argv.join(' '));
  }
});

test('the local URL is the one `next start` prints: localhost for every interface, brackets for IPv6', () => {
  assert.equal(localUrl({ port: 3000 }), 'http://localhost:3000');
  assert.equal(localUrl({ port: 3000, hostname: '0.0.0.0' }), 'http://localhost:3000');
  assert.equal(localUrl({ port: 3000, hostname: '::' }), 'http://[::1]:3000');
  assert.equal(localUrl({ port: 8443, hostname: '10.0.0.5' }), 'http://10.0.0.5:8443');
  assert.equal(localUrl({ port: 80, hostname: 'fd00::5' }), 'http://[fd00::5]:80');
});
