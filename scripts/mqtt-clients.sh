#!/usr/bin/env bash
# Installs the third-party MQTT clients the silo's MQTT interop tests (tests/Silo.Tests/Mqtt) drive:
#   - mosquitto_pub / mosquitto_sub (Debian: mosquitto-clients; mosquitto too, for developing scripts locally)
#   - paho-mqtt for Debian's /usr/bin/python3 (Debian: python3-paho-mqtt)
#   - mqtt.js (npm) in tests/Silo.Tests/Mqtt/clients/node, from its committed package-lock.json
#   - @microsoft/signalr and mqtt.js (npm) in tests/Silo.Tests/Live/clients/node (the live hub's acceptance test), likewise
#
#   bash scripts/mqtt-clients.sh        # idempotent; quiet and fast when everything is present
#
# Installing Debian packages needs root (apt-get). Exits non-zero with the cause on stderr when something
# cannot be installed.
set -euo pipefail

log() { printf 'mqtt-clients.sh: %s\n' "$*" >&2; }
fail() { log "$*"; exit 1; }

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node_dir="$repo/tests/Silo.Tests/Mqtt/clients/node"
python=/usr/bin/python3

debian_missing() {
    command -v mosquitto_pub >/dev/null 2>&1 || return 0
    command -v mosquitto_sub >/dev/null 2>&1 || return 0
    command -v mosquitto >/dev/null 2>&1 || return 0
    [[ -x "$python" ]] || return 0
    "$python" -c 'import paho.mqtt.client' >/dev/null 2>&1 || return 0
    return 1
}

if debian_missing; then
    command -v apt-get >/dev/null 2>&1 \
        || fail "mosquitto clients or python3-paho-mqtt missing and apt-get not available: install mosquitto, mosquitto-clients and python3-paho-mqtt"
    [[ "$(id -u)" -eq 0 ]] \
        || fail "mosquitto clients or python3-paho-mqtt missing and not root: run 'apt-get install mosquitto mosquitto-clients python3-paho-mqtt' as root"
    packages=(mosquitto mosquitto-clients python3 python3-paho-mqtt)
    export DEBIAN_FRONTEND=noninteractive
    log "installing ${packages[*]} (apt-get)"
    apt_log="$(mktemp)"
    trap 'rm -f "$apt_log"' EXIT
    if ! apt-get install -y -qq --no-install-recommends "${packages[@]}" >"$apt_log" 2>&1; then
        # A fresh machine's package lists may be missing or stale: update once, then try again.
        log "apt-get install failed; running apt-get update and retrying"
        apt-get update -qq >"$apt_log" 2>&1 || { cat "$apt_log" >&2; fail "apt-get update failed"; }
        apt-get install -y -qq --no-install-recommends "${packages[@]}" >"$apt_log" 2>&1 \
            || { cat "$apt_log" >&2; fail "apt-get install ${packages[*]} failed"; }
    fi
    debian_missing && fail "installed ${packages[*]} but mosquitto_pub, mosquitto_sub or paho for $python is still missing"
    # The tests start their own brokers. Debian's package also starts a system mosquitto on 1883 where systemd runs,
    # which would take the port the silo serves MQTT on: stop the service this script just installed.
    if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet mosquitto 2>/dev/null; then
        log "stopping and disabling the system mosquitto service (port 1883 is the silo's)"
        systemctl disable --now mosquitto >/dev/null 2>&1 || log "could not stop the mosquitto service; stop it before running the silo"
    fi
fi

# Node packages: `npm ci` in each client folder when its node_modules is missing or older than the lock file (npm
# writes its own copy of the lock to node_modules/.package-lock.json on every install).
command -v node >/dev/null 2>&1 || fail "node is not on PATH: install Node.js (Debian: nodejs npm)"
command -v npm >/dev/null 2>&1 || fail "npm is not on PATH: install npm (Debian: npm)"

node_stale() {
    local dir="$1" module="$2"
    local installed="$dir/node_modules/.package-lock.json"
    [[ -f "$installed" && -d "$dir/node_modules/$module" ]] || return 0
    [[ "$dir/package-lock.json" -nt "$installed" ]] && return 0
    (cd "$dir" && node -e "require('$module')") >/dev/null 2>&1 || return 0
    return 1
}

npm_install() {
    local dir="$1" module="$2"
    [[ -f "$dir/package-lock.json" ]] || fail "$dir/package-lock.json is missing"
    node_stale "$dir" "$module" || return 0
    log "installing Node packages (npm ci in ${dir#"$repo"/})"
    local npm_log
    npm_log="$(mktemp)"
    if ! (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) >"$npm_log" 2>&1; then
        cat "$npm_log" >&2
        rm -f "$npm_log"
        fail "npm ci failed in $dir"
    fi
    rm -f "$npm_log"
    node_stale "$dir" "$module" && fail "npm ci finished but $module still cannot be loaded from $dir"
    return 0
}

npm_install "$node_dir" mqtt
npm_install "$repo/tests/Silo.Tests/Live/clients/node" @microsoft/signalr

exit 0
