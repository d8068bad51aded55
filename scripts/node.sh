#!/usr/bin/env bash
# Installs Node.js and npm, which build the dashboard (web/), when they are missing. The web project runs this before
# its npm build, so `dotnet run --project silo` works on a fresh Debian machine.
#
#   bash scripts/node.sh        # idempotent; silent when node and npm are present
#
# Installing needs root (apt-get); exits non-zero with the cause on stderr otherwise.
set -euo pipefail

log() { printf 'node.sh: %s\n' "$*" >&2; }
fail() { log "$*"; exit 1; }

command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && exit 0

command -v apt-get >/dev/null 2>&1 || fail "Node.js 20+ and npm are needed to build the dashboard (web/) and apt-get is not available: install them"
[[ "$(id -u)" -eq 0 ]] || fail "Node.js 20+ and npm are needed to build the dashboard (web/): run 'apt-get install nodejs npm' as root"
export DEBIAN_FRONTEND=noninteractive
log "installing nodejs npm (apt-get)"
apt_log="$(mktemp)"
trap 'rm -f "$apt_log"' EXIT
if ! apt-get install -y -qq --no-install-recommends nodejs npm >"$apt_log" 2>&1; then
    apt-get update -qq >"$apt_log" 2>&1 || { cat "$apt_log" >&2; fail "apt-get update failed"; }
    apt-get install -y -qq --no-install-recommends nodejs npm >"$apt_log" 2>&1 || { cat "$apt_log" >&2; fail "apt-get install nodejs npm failed"; }
fi
