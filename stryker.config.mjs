// @ts-check
/**
 * Mutation testing of the code that decides who gets in (issue 12 §8): `npm run test:mutation` runs it all,
 * `npm run test:mutation -- <file>…` only the files given; .ci/mutation-changed.sh runs the changed ones.
 *
 * Runner: `tap`, not `command`. Both run our node:test files unchanged, but the command runner can only run
 * one command for every mutant (every test file, ~25 s here) and knows nothing of coverage, while the tap
 * runner spawns each test file on its own, records which files reach which mutant (coverageAnalysis
 * perTest: one "test" is one file) and then runs only those, bailing at the first failure. Measured on
 * time-window.ts (the 2-core CI machine): command ~25 s a mutant, tap ~2–9 s a mutant.
 * Node 20's test runner prints TAP when stdout is not a terminal, which is what the tap runner reads.
 */
const mutate = [
  // Policy: who may assume which role.
  'lib/core/policy/*.ts',
  // The identity values the policy and AWS read.
  'lib/core/idp/*.ts',
  'lib/core/aws/{endpoints,patterns,profile-name,revocation-policy,session-name}.ts',
  // The upstream SAML checks that decide acceptance (not the samlify / xpath / xml-crypto adapters).
  'lib/core/saml/sp/{algorithms,assertion-checks,cert-trust,decrypt,gate,identity,metadata,metadata-expiry,session-checks,structure,time-window,validate-response}.ts',
  // Our own IdP: the assertion we sign for AWS and its values.
  'lib/core/saml/aws/*.ts',
  '!**/*.test.ts',
  '!lib/core/saml/aws/test-fixtures.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate,
  testRunner: 'tap',
  tap: {
    testFiles: [
      'lib/core/{policy,idp,aws}/*.test.ts',
      'lib/core/saml/{sp,aws}/*.test.ts',
      // The SAML attack suite (e2e/attacks/run.ts) as node:test tests.
      'e2e/attacks/attacks.test.ts',
    ],
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
