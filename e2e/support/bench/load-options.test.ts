/** Issue 14 §5: `npm run bench` arguments — phases, the load's size, the CI profile, and what is refused. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CI_ISSUANCE, CI_LOAD, FULL_ISSUANCE, FULL_LOAD, parseBenchArgs } from './load-options';

test('no arguments: the issuance phase, the browser phase, then 100 users × 60 s on 2 instances', () => {
  assert.deepEqual(parseBenchArgs([], {}), { browser: true, build: true, appLogs: false, ledger: true, picker: true, issuance: FULL_ISSUANCE, load: FULL_LOAD });
  assert.deepEqual(FULL_ISSUANCE, { users: 100, seconds: 20 });
  assert.deepEqual(FULL_LOAD, { users: 100, seconds: 60, instances: 2 });
});

test('--load-only, --no-load and --ci choose the phases and the shortened CI load; --no-build keeps the build', () => {
  assert.deepEqual(parseBenchArgs(['--load-only'], {}), { browser: false, build: true, appLogs: false, ledger: false, picker: false, issuance: null, load: FULL_LOAD });
  assert.deepEqual(parseBenchArgs(['--no-load'], {}), { browser: true, build: true, appLogs: false, ledger: true, picker: true, issuance: FULL_ISSUANCE, load: null });
  assert.equal(parseBenchArgs(['--load-only', '--ci', '--no-build'], {}).build, false);
  assert.equal(parseBenchArgs(['--app-logs'], {}).appLogs, true);
  assert.equal(parseBenchArgs(['--picker', '--load-only'], {}).picker, true);
  assert.equal(parseBenchArgs(['--no-picker'], {}).picker, false);
  assert.equal(parseBenchArgs(['--no-ledger'], {}).ledger, false);
  assert.equal(parseBenchArgs(['--no-ledger', '--no-picker'], {}).picker, false);
  assert.equal(parseBenchArgs(['--ledger', '--issuance-only'], {}).ledger, true);
  assert.deepEqual(parseBenchArgs(['--load-only', '--ci'], {}).load, CI_LOAD);
  assert.deepEqual(parseBenchArgs(['--load-only'], { BENCH_LOAD: 'ci' }).load, CI_LOAD);
  assert.deepEqual(parseBenchArgs(['--load-only'], { BENCH_LOAD: 'full' }).load, FULL_LOAD);
});

test('--issuance-only runs the issuance phase alone, --no-issuance skips it, --ci shortens it', () => {
  assert.deepEqual(parseBenchArgs(['--issuance-only'], {}), { browser: false, build: true, appLogs: false, ledger: false, picker: false, issuance: FULL_ISSUANCE, load: null });
  assert.equal(parseBenchArgs(['--no-issuance'], {}).issuance, null);
  assert.equal(parseBenchArgs(['--no-issuance'], {}).browser, true);
  assert.deepEqual(parseBenchArgs(['--issuance-only', '--ci'], {}).issuance, CI_ISSUANCE);
  assert.throws(() => parseBenchArgs(['--issuance-only', '--load-only'], {}), /--load-only and --issuance-only exclude each other/);
  assert.throws(() => parseBenchArgs(['--issuance-only', '--no-issuance'], {}), /--issuance-only and --no-issuance exclude each other/);
});

test('sizes come from flags (both spellings), else the environment, else the profile', () => {
  assert.deepEqual(parseBenchArgs(['--users', '7', '--seconds=3'], {}).load, { users: 7, seconds: 3, instances: 2 });
  assert.deepEqual(parseBenchArgs([], { BENCH_LOAD_USERS: '9', BENCH_LOAD_SECONDS: '4' }).load, { users: 9, seconds: 4, instances: 2 });
  assert.deepEqual(parseBenchArgs(['--users=5', '--instances', '3'], { BENCH_LOAD_USERS: '9' }).load, { users: 5, seconds: 60, instances: 3 });
  assert.deepEqual(parseBenchArgs(['--ci', '--seconds', '20'], {}).load, { users: 20, seconds: 20, instances: 2 });
});

test('refuses sizes that are not whole numbers in bounds, so a run stays bounded', () => {
  for (const bad of [['--users', '0'], ['--users', '501'], ['--users', 'many'], ['--users', '1.5'], ['--seconds', '601'], ['--seconds', '-1'], ['--instances', '7']]) {
    assert.throws(() => parseBenchArgs(bad, {}), /must be a whole number/, bad.join(' '));
  }
  assert.throws(() => parseBenchArgs([], { BENCH_LOAD_SECONDS: '0' }), /BENCH_LOAD_SECONDS: seconds must be a whole number from 1 to 600/);
  assert.throws(() => parseBenchArgs([], { BENCH_LOAD_USERS: '' }), /BENCH_LOAD_USERS/);
});

test('refuses a flag without its value, unknown arguments, contradictions and an unknown profile', () => {
  assert.throws(() => parseBenchArgs(['--users'], {}), /--users needs a value/);
  assert.throws(() => parseBenchArgs(['--users', '--ci'], {}), /--users needs a value/);
  assert.throws(() => parseBenchArgs(['--user', '5'], {}), /unknown argument "--user"/);
  assert.throws(() => parseBenchArgs(['extra'], {}), /unknown argument "extra"/);
  assert.throws(() => parseBenchArgs(['--load-only', '--no-load'], {}), /exclude each other/);
  assert.throws(() => parseBenchArgs([], { BENCH_LOAD: 'huge' }), /BENCH_LOAD must be "ci" or "full"/);
});

test('--ledger runs the ledger bench first, its sizes are values; anything else is still refused', () => {
  assert.equal(parseBenchArgs(['--ledger', '--sqlite-rows', '1000', '--pg-rows', '5000', '--no-load'], {}).ledger, true);
  assert.throws(() => parseBenchArgs(['--ledgers'], {}), /unknown argument "--ledgers"/);
});
