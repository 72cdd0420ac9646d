#!/usr/bin/env node
/**
 * The `rolegate` command (package.json "bin"). Rebuilds lib/cli/dist/rolegate.cjs when it is
 * missing or older than its sources, then runs it. `credential_process` lines written by
 * `rolegate configure` call the bundle directly and skip this check.
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- the launcher runs as plain Node */
require('./build.cjs').run();
