#!/usr/bin/env node
/**
 * The `rolegate` command (package.json "bin"). Rebuilds lib/cli/dist/rolegate.cjs when it is
 * missing or older than its sources, then runs it. `credential_process` lines written by
 * `rolegate configure` call the bundle directly and skip this check.
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- the launcher runs as plain Node */
const { ensureFresh } = require('./build.cjs');

let bundle;
try {
  bundle = ensureFresh();
} catch (e) {
  process.stderr.write(
    `rolegate: could not build the CLI: ${e instanceof Error ? e.message : e}\n`,
  );
  process.exit(1);
}
require(bundle);
