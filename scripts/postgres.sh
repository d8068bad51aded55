#!/usr/bin/env bash
# Starts a private PostgreSQL cluster for the storage tests and prints the connection string.
#
#   eval "$(scripts/postgres.sh)"     # run: prints `export TWIN_TEST_POSTGRES=...` on stdout, logs on stderr
#   source scripts/postgres.sh        # sourced: exports TWIN_TEST_POSTGRES into the calling shell
#   scripts/postgres.sh stop          # stops the private cluster
#
# Idempotent: if the cluster is already running it only (re)creates the database if missing.
# The cluster is for tests only: trust auth, 127.0.0.1 only, fsync off.
#
# Overrides: TWIN_PG_PORT (55432), TWIN_PG_ROOT (<repo>/.pg, or /tmp/smartcity-twin-pg when the
# postgres user cannot reach the repo), TWIN_PG_DATABASE (twin_test).

_twin_pg_main() (
    set -euo pipefail

    log() { printf 'postgres.sh: %s\n' "$*" >&2; }

    local script_dir repo port database root data bin owner
    script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
    repo="$(cd "$script_dir/.." && pwd)"
    port="${TWIN_PG_PORT:-55432}"
    database="${TWIN_PG_DATABASE:-twin_test}"
    local action="${1:-start}"

    find_bin() {
        # Highest installed major version wins.
        local dir
        dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
        if [[ -n "$dir" && -x "$dir/pg_ctl" ]]; then
            printf '%s\n' "$dir"
        elif command -v pg_ctl >/dev/null 2>&1; then
            dirname "$(command -v pg_ctl)"
        fi
    }

    bin="$(find_bin)"
    if [[ -z "$bin" ]]; then
        if [[ "$action" == "stop" ]]; then
            log "no PostgreSQL installed; nothing to stop"
            return 0
        fi
        if [[ "$(id -u)" -ne 0 ]]; then
            log "PostgreSQL server binaries not found and not root: install the 'postgresql' package"
            return 1
        fi
        log "installing PostgreSQL (apt-get)..."
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq postgresql >&2
        bin="$(find_bin)"
        [[ -n "$bin" ]] || { log "PostgreSQL installed but pg_ctl not found"; return 1; }
    fi

    # As root the cluster belongs to the postgres user (postgres refuses to run as root);
    # otherwise it belongs to whoever runs the script.
    if [[ "$(id -u)" -eq 0 ]]; then
        owner=postgres
        id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
        as_owner() { runuser -u postgres -- "$@"; }
    else
        owner="$(id -un)"
        as_owner() { "$@"; }
    fi

    if [[ -n "${TWIN_PG_ROOT:-}" ]]; then
        root="$TWIN_PG_ROOT"
    else
        root="$repo/.pg"
        mkdir -p "$root"
        [[ "$owner" == "$(id -un)" ]] || chown "$owner" "$root"
        # The postgres user must be able to traverse every parent of the repo (e.g. not under a 0700 home).
        if ! as_owner test -w "$root"; then
            log "$owner cannot write $root; using /tmp/smartcity-twin-pg"
            root=/tmp/smartcity-twin-pg
        fi
    fi
    mkdir -p "$root"
    [[ "$owner" == "$(id -un)" ]] || chown "$owner" "$root"
    data="$root/data"

    if [[ "$action" == "stop" ]]; then
        if [[ -f "$data/postmaster.pid" ]]; then
            as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >&2 || true
        else
            log "not running"
        fi
        return 0
    fi

    if [[ ! -f "$data/PG_VERSION" ]]; then
        log "initialising cluster in $data"
        as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
        cat >>"$data/postgresql.conf" <<EOF

# smartcity-twin test cluster
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = ''
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    fi

    if as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        # The cluster may have been started on another port than the default (see below): ask it.
        port="$(sed -n 4p "$data/postmaster.pid")"
        log "already running on 127.0.0.1:$port ($data)"
    else
        # Another checkout's test cluster (or anything else) may hold the port: take the next free one. A port can
        # also be taken without a listener (a client connection's ephemeral port), which only the start reveals.
        local attempt
        for attempt in 1 2 3 4 5; do
            while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
                log "port $port is in use; trying $((port + 1))"
                port=$((port + 1))
            done
            log "starting on 127.0.0.1:$port ($data)"
            if as_owner "$bin/pg_ctl" -D "$data" -l "$root/postgres.log" -w -t 60 -o "-p $port" start >/dev/null; then
                break
            fi
            if [[ $attempt -eq 5 ]] || ! tail -n 5 "$root/postgres.log" | grep -q "Address already in use"; then
                log "start failed; see $root/postgres.log"; tail -n 20 "$root/postgres.log" >&2 || true; return 1
            fi
            log "port $port is bound by another socket; trying $((port + 1))"
            port=$((port + 1))
        done
    fi

    local psql=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
    if [[ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" != "1" ]]; then
        log "creating database $database"
        "${psql[@]}" -c "CREATE DATABASE \"$database\"" >/dev/null
    fi

    printf 'export TWIN_TEST_POSTGRES="Host=127.0.0.1;Port=%s;Username=postgres;Database=%s"\n' "$port" "$database"
)

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
    # Sourced: never `exit` or leave `set -e` behind in the caller's shell.
    if _twin_pg_export_line="$(_twin_pg_main "$@")"; then
        eval "$_twin_pg_export_line"
        [[ -z "$_twin_pg_export_line" ]] || printf '%s\n' "$_twin_pg_export_line" >&2
    else
        printf 'postgres.sh: failed\n' >&2
    fi
    unset _twin_pg_export_line
    unset -f _twin_pg_main
else
    _twin_pg_main "$@"
fi
