#!/usr/bin/env bash
# Installs what the dashboard's build and its browser tests (tests/Web.Tests) need on a fresh Debian machine:
#   - Node.js and npm, which build web/ (the web project runs npm ci and npm run build)
#   - Debian's Chromium, which Playwright drives headless (Playwright's own browser download does not work here)
#
#   bash scripts/browser.sh        # idempotent; quiet and fast when everything is present
#
# Prints the browser's path. Installing needs root (apt-get); exits non-zero with the cause on stderr otherwise.
set -euo pipefail

log() { printf 'browser.sh: %s\n' "$*" >&2; }
fail() { log "$*"; exit 1; }

bash "$(dirname "${BASH_SOURCE[0]}")/node.sh"

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)

if ((${#missing[@]})); then
    command -v apt-get >/dev/null 2>&1 || fail "${missing[*]} missing and apt-get not available: install them"
    [[ "$(id -u)" -eq 0 ]] || fail "${missing[*]} missing and not root: run 'apt-get install ${missing[*]}' as root"
    export DEBIAN_FRONTEND=noninteractive
    log "installing ${missing[*]} (apt-get)"
    apt_log="$(mktemp)"
    trap 'rm -f "$apt_log"' EXIT
    if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$apt_log" 2>&1; then
        log "apt-get install failed; refreshing the package lists and trying again"
        apt-get update -qq >"$apt_log" 2>&1 || { cat "$apt_log" >&2; fail "apt-get update failed"; }
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$apt_log" 2>&1 || { cat "$apt_log" >&2; fail "apt-get install ${missing[*]} failed"; }
    fi
fi

/usr/bin/chromium --version >/dev/null 2>&1 || fail "/usr/bin/chromium does not run"
echo /usr/bin/chromium
