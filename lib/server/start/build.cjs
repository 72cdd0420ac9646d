/**
 * Bundles Rolegate's production server (main.ts and the lib/ modules it imports) into one CommonJS
 * file, lib/server/start/dist/server.cjs, which launch.cjs runs in plain Node. Packages stay external
 * (Next.js, pino, zod load from node_modules). Running main.ts through tsx instead would cost ~85 MiB
 * of RSS and ~0.7 s of start for the transform hooks. `npm run build` runs this file after `next build`;
 * launch.cjs rebuilds a stale bundle itself (lib/build/bundle.cjs).
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a plain-Node script, run without tsx */
const path = require('node:path');
const { bundler } = require('../../build/bundle.cjs');

const server = bundler({
  name: 'server',
  entry: path.join(__dirname, 'main.ts'),
  outFile: path.join(__dirname, 'dist', 'server.cjs'),
  generatedBy: 'lib/server/start/build.cjs',
  esbuild: { packages: 'external' },
});

module.exports = { run: server.run, OUT_FILE: server.OUT_FILE };

if (require.main === module) server.buildAndReport();
