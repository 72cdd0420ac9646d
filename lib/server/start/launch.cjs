#!/usr/bin/env node
/**
 * `npm start`: rebuilds lib/server/start/dist/server.cjs when it is missing or older than its sources
 * (build.cjs), then runs it in this process. Arguments are main.ts's (`next start`'s).
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- the launcher runs as plain Node */
require('./build.cjs').run();
