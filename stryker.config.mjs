// @ts-check
/**
 * Mutation testing of the code that decides who gets in (issue 12 §8). `npm run test:mutation` runs it all,
 * `npx stryker run --mutate <file>,…` the files given, `npm run test:mutation:changed` (CI) the changed ones.
 *
 * Runner: `tap`, not `command`. Both run our node:test files unchanged, but the command runner can only run
 * one command for every mutant and knows nothing of coverage, so every mutant pays for every test file:
 * one pass of these tests took 81 s of CPU (12 min wall on the shared 2-core machine). The tap runner spawns
 * each test file on its own, records which files reach which mutant (coverageAnalysis perTest: one "test"
 * is one file) and then runs only those, bailing at the first failure: 1.06 files per mutant on average,
 * 386 mutants of the SAML checks in 25 min at concurrency 2 on that same busy machine.
 * Node 20's test runner prints TAP when stdout is not a terminal, which is what the tap runner reads.
 */
import { readdirSync } from 'node:fs';

/** The mutate set, per directory: `true` for every source file there, else the file names. */
const MUTATE = {
  // Policy: who may assume which role.
  'lib/core/policy': true,
  // The identity values the policy and AWS read.
  'lib/core/idp': true,
  'lib/core/aws': ['endpoints', 'patterns', 'profile-name', 'revocation-policy', 'session-name'],
  // The upstream SAML checks that decide acceptance (not the samlify / xpath / xml-crypto adapters).
  'lib/core/saml/sp': [
    'algorithms', 'assertion-checks', 'cert-trust', 'decrypt', 'gate', 'identity', 'metadata', 'metadata-expiry',
    'session-checks', 'signed-view', 'structure', 'time-window', 'validate-response', 'verify-signatures',
    // One refusal code from decryption to the signature check (no padding or format oracle).
    'encrypted-refusal',
    // Single logout (issue 13 §5): what decides whether an IdP's LogoutRequest ends sessions.
    'logout-checks', 'logout-request', 'logout-signature', 'logout-structure', 'redirect-binding',
  ],
  // Our own IdP: the assertion we sign for AWS and its values.
  'lib/core/saml/aws': true,
};
const NOT_SOURCE = /\.test\.ts$|^test-fixtures\.ts$/;

/** Every file Stryker mutates, as paths from the repository root (also read by e2e/support/mutation-changed.ts). */
export const mutateFiles = Object.entries(MUTATE).flatMap(([dir, names]) =>
  readdirSync(new URL(dir, import.meta.url))
    .filter((f) => f.endsWith('.ts') && !NOT_SOURCE.test(f) && (names === true || names.includes(f.slice(0, -3))))
    .sort()
    .map((f) => `${dir}/${f}`),
);

/** The test files: those beside each mutated file, plus the SAML attack suite as node:test tests. */
export const testFiles = [
  ...Object.keys(MUTATE).map((dir) => `${dir}/*.test.ts`),
  'e2e/attacks/attacks.test.ts',
];

/**
 * STRYKER_TEST_FILES (comma-separated) narrows them, as the CI gate does to the tests that load the files
 * it runs: a module-level ("static") mutant is otherwise tried against every test file above, which made
 * one lib/core/saml/aws file take over an hour. A test that does not load a file cannot kill its mutants.
 */
const narrowed = process.env.STRYKER_TEST_FILES?.split(',').filter(Boolean);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: mutateFiles,
  testRunner: 'tap',
  tap: {
    testFiles: narrowed?.length ? narrowed : testFiles,
    nodeArgs: ['--import', 'tsx'],
    forceBail: true,
  },
  coverageAnalysis: 'perTest',
  // Two cores, shared: one mutant at a time unless told otherwise (--concurrency 2).
  concurrency: 1,
  // Generating test keys and certificates makes the first test of a file slow on a busy machine.
  timeoutMS: 30000,
  timeoutFactor: 2,
  // Copy only what the tests load into the sandbox.
  ignorePatterns: ['/.next', '/app', '/public', '/data', '/test-results', '/playwright-report', '/reports', '/e2e/ui', '/e2e/api', '/e2e/cli', 'lib/cli/dist', 'lib/server/start/dist'],
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
  thresholds: { high: 95, low: 90, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
