#!/usr/bin/env bash
# Runs every test of the solution (unit, component, API and real-browser tests) and prints
# "N passed, N failed" computed from the TRX result files. Installs Debian's chromium and nginx for the
# browser tests when they are missing (needs root, as on CI and the dev machines); nginx fronts the published app
# in NginxProxyTests.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || { echo "Could not install chromium (browser tests will fail)." >&2; }
fi

if [ ! -x /usr/sbin/nginx ]; then
  echo "Installing Debian's nginx for the reverse-proxy browser tests..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null) \
    || { echo "Could not install nginx (the reverse-proxy browser tests will fail)." >&2; }
fi

results="test-results"
rm -rf "$results"/*.trx
mkdir -p "$results"
# Build once, then run the test projects one after another: the browser tests time real clicks, so they should
# not share the two cores with the torch-heavy projects.
dotnet build Interpret.Explorer.sln
status=$?
if [ "$status" -eq 0 ]; then
  for project in Tests/Interpret.Core.Tests Tests/Components.Tests Tests/Explorer.App.Tests Tests/Browser.Tests; do
    dotnet test "$project" --no-build --logger "trx" --results-directory "$results" "$@" || status=$?
  done
fi

passed=0; failed=0; total=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); total=$((total + ${t:-0}))
done
# A test project that crashed writes no TRX; count the run as failed rather than hide it.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$total" -gt 0 ]
