#!/usr/bin/env bash
# The one test command (README: `npm run test:all`; CI: .ci/run). Installs what is missing, then runs
# every check: lint, types, unit + integration tests (SQLite and PostgreSQL), the attack suite, mutation
# testing of the changed access-decision files, the production build, the benchmark's load phase
# (shortened) and the Playwright end-to-end suite in Debian's Chromium. Prints how long each step took.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() {
  local name=$1
  shift
  printf '\n=== %s ===\n' "$name"
  local t0=$SECONDS
  "$@"
  printf '=== %s: ok in %ss ===\n' "$name" "$((SECONDS - t0))"
}

step setup bash .ci/setup.sh
step lint npx eslint .
step typecheck npx tsc --noEmit -p .
step unit node --import tsx e2e/support/run-unit.ts
step attacks node --import tsx e2e/attacks/run.ts
# Mutation testing of the access-decision files this change touched (README "Mutation testing"); ≤ 10 min.
step mutation node --import tsx e2e/support/mutation-changed.ts
step build npm run build
# The load phase shortened (20 users × 10 s through two instances on PostgreSQL, ≲ 90 s with start-up):
# fails on any 5xx answer or when the ledger's issuance rows differ from the issuances answered.
# --no-build: the step above made the build (in a fresh clone its new lib/server/start/dist makes the
# sources look newer than .next/BUILD_ID to demo/build.ts, which would build it all again).
step bench-load npm run bench -- --load-only --ci --no-build
step e2e npx playwright test -c e2e/playwright.config.ts
