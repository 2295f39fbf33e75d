#!/usr/bin/env bash
# Soak: runs one spec's compiled suite against its reference N times in a row and prints the
# pass count. Not part of `npm test`. With --busy, a CPU burner keeps the other core busy,
# as on a shared CI machine. A flake found here is fixed at its cause, never by loosening a check.
#
#   bash scripts/soak.sh rate-limit 20 --busy
set -uo pipefail
cd "$(dirname "$0")/.."

spec=${1:?usage: soak.sh SPEC [RUNS] [--busy]}
runs=${2:-20}
busy=${3:-}
logs=$(mktemp -d "${TMPDIR:-/tmp}/soak-$spec-XXXXXX")

burner=""
stop_burner() { [ -n "$burner" ] && kill "$burner" 2>/dev/null; }
trap stop_burner EXIT INT TERM
if [ "$busy" = "--busy" ]; then
  node -e 'for (;;) {}' &
  burner=$!
fi

passed=0
failed=0
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  if npx specgate test "$spec" >"$logs/run-$i.log" 2>&1; then
    passed=$((passed + 1)); verdict=pass
  else
    failed=$((failed + 1)); verdict="FAIL (log: $logs/run-$i.log)"
  fi
  echo "run $i/$runs: $verdict in $(($(date +%s) - start)) s"
done
echo "soak $spec${busy:+ $busy}: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
