#!/usr/bin/env bash
# The one test command (README "Set up", .ci/run). Installs and starts what the tests need on a fresh
# machine of this project's kind, builds the solution once and runs every test project.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf 'test.sh: %s\n' "$*" >&2; }

command -v dotnet >/dev/null 2>&1 || { log "the .NET SDK (dotnet) is not on PATH"; exit 1; }

# The storage tests need a real PostgreSQL server; scripts/postgres.sh installs it if missing and
# starts a private cluster on 127.0.0.1. A caller that already has one sets TWIN_TEST_POSTGRES.
if [[ -z "${TWIN_TEST_POSTGRES:-}" ]]; then
    log "starting PostgreSQL for the storage tests"
    pg_export="$(bash scripts/postgres.sh)"
    eval "$pg_export"
fi
export TWIN_TEST_POSTGRES
log "PostgreSQL: $TWIN_TEST_POSTGRES"

# The MQTT interop tests drive clients nobody here wrote: mosquitto_pub/sub, paho (Python) and mqtt.js; the client
# and bridge tests start a real mosquitto broker.
log "checking the MQTT clients and broker for the interop tests"
bash scripts/mqtt-clients.sh

# The dashboard is built with npm, and its end-to-end tests drive Debian's Chromium through Playwright.
log "checking Node.js and Chromium for the dashboard"
TWIN_TEST_CHROMIUM="$(bash scripts/browser.sh)"
export TWIN_TEST_CHROMIUM

results="$(pwd)/TestResults"
rm -rf "$results"
# Screenshots and measurements of the browser tests land beside the trx files.
export TWIN_TEST_ARTIFACTS="$results/artifacts"

log "building (Release)"
dotnet build SmartCity.Twin.sln -c Release -nologo

log "running tests"
status=0
# A hung test must not eat the whole CI budget: blame-hang aborts a test host that stalls.
dotnet test SmartCity.Twin.sln -c Release --no-build -nologo \
    --results-directory "$results" \
    --logger "trx" --logger "console;verbosity=normal" \
    --blame-hang-timeout 10m --blame-hang-dump-type none \
    || status=$?

# One closing line over all test projects, summed from their trx files.
passed=0 failed=0 skipped=0 files=0
shopt -s nullglob globstar
attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
for trx in "$results"/**/*.trx; do
    files=$((files + 1))
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)"
    p="$(attr passed)"; f="$(attr failed)"; e="$(attr error)"; t="$(attr timeout)"; a="$(attr aborted)"; n="$(attr notExecuted)"
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
    skipped=$((skipped + ${n:-0}))
done

echo
echo "Test projects with results: $files"
echo "Total: $passed passed, $failed failed, $skipped skipped"

if [[ $status -eq 0 && $failed -gt 0 ]]; then status=1; fi
if [[ $status -eq 0 && $passed -eq 0 ]]; then
    log "no test ran"
    status=1
fi
exit "$status"
