#!/usr/bin/env bash
# The one test command (README: `npm run test:all`; CI: .ci/run). Installs what is missing, then runs
# every check: lint, types, unit + integration tests (SQLite and PostgreSQL), the attack suite, mutation
# testing of the changed access-decision files, the production build and the Playwright end-to-end suite
# in Debian's Chromium. Prints how long each step took.
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
step e2e npx playwright test -c e2e/playwright.config.ts
