#!/usr/bin/env bash
# Installs what the tests need, idempotently: Debian's Chromium (Playwright never downloads a browser),
# the shells whose credential formats are executed for real, Debian's AWS CLI v2 (e2e/cli runs it
# against the AWS emulator), Debian's SimpleSAMLphp (a real upstream SAML IdP for e2e/ui/simplesamlphp)
# and the npm dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v zsh >/dev/null || missing+=(zsh)
command -v fish >/dev/null || missing+=(fish)
# By path, not `command -v aws`: a pip or pyenv `aws` earlier on PATH may be the v1 CLI.
[ -x /usr/bin/aws ] || missing+=(awscli)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi

# SimpleSAMLphp 1.19 runs under `php -S` (e2e/support/simplesamlphp); mini-httpd only satisfies the
# package's httpd dependency. Debian's package does not pull in the DOM and mbstring extensions it needs.
if [ ! -f /usr/share/simplesamlphp/www/index.php ] || ! php -r 'exit(extension_loaded("dom") && extension_loaded("mbstring") ? 0 : 1);' 2>/dev/null; then
  echo "setup: installing SimpleSAMLphp from Debian"
  t0=$SECONDS
  ssp=(simplesamlphp php-cli php-cgi php-xml php-mbstring mini-httpd)
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${ssp[@]}" >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${ssp[@]}" >/dev/null; }
  echo "setup: SimpleSAMLphp install took $((SECONDS - t0))s"
fi

# npm ci when node_modules is missing or older than the lock file.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  t0=$SECONDS
  npm ci --no-audit --no-fund
  echo "setup: npm ci took $((SECONDS - t0))s"
fi
# Root lifecycle scripts are not guaranteed to run under npm's allowScripts policy: generate explicitly.
node --import tsx prisma/generate.ts
