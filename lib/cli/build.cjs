/**
 * Bundles the CLI (lib/cli/entry.ts and the lib/core modules it imports) into one CommonJS file,
 * lib/cli/dist/rolegate.cjs, so `credential-process` starts without tsx or a module graph to
 * resolve. `npm run build:cli` runs this file; bin.cjs calls ensureFresh() before every run.
 *
 * The machinery (staleness check, atomic writes) is lib/build/bundle.cjs. The AWS SDK stays
 * external: only decode-message loads it, lazily, from node_modules.
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a plain-Node script, run without tsx */
const path = require('node:path');
const { bundler } = require('../build/bundle.cjs');

const cli = bundler({
  name: 'CLI',
  entry: path.join(__dirname, 'entry.ts'),
  outFile: path.join(__dirname, 'dist', 'rolegate.cjs'),
  generatedBy: 'lib/cli/build.cjs',
  esbuild: { external: ['@aws-sdk/*'], minifySyntax: true, minifyWhitespace: true },
});

module.exports = { build: cli.build, ensureFresh: cli.ensureFresh, isStale: cli.isStale, run: cli.run, OUT_FILE: cli.OUT_FILE };

if (require.main === module) cli.buildAndReport();
