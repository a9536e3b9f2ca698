#!/usr/bin/env bash
# A throwaway PostgreSQL on loopback for the NOV store tests.
#
#   eval "$(.ci/postgres.sh start)"   installs PostgreSQL from Debian packages if missing,
#                                     starts a fresh cluster and prints
#                                     export GOEDGEREGELD_TEST_POSTGRES_URL=postgresql://...
#   .ci/postgres.sh stop              stops the cluster and removes its files
#
# The cluster lives in $GG_PG_DIR (default /tmp/goedgeregeld-ci-postgres), listens only on
# 127.0.0.1 at $GG_PG_PORT (default 54329) and trusts local connections: test use only.
set -euo pipefail

dir=${GG_PG_DIR:-/tmp/goedgeregeld-ci-postgres}
port=${GG_PG_PORT:-54329}
database=goedgeregeld_nov_test

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    echo "$found"
}

as_owner() {
    # initdb and postgres refuse to run as root; use the Debian 'postgres' account then.
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start() {
    local bin
    bin=$(find_bin)
    if [ -z "$bin" ]; then
        log "installing PostgreSQL from Debian packages"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq --no-install-recommends postgresql >&2
        bin=$(find_bin)
    fi
    [ -n "$bin" ] || { log "no PostgreSQL server found after installing"; exit 1; }
    stop_quietly
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null
    "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
        -c "CREATE DATABASE $database" >/dev/null
    echo "$bin" > "$dir/bin"
    log "PostgreSQL running on 127.0.0.1:$port (files in $dir)"
    echo "export GOEDGEREGELD_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:$port/$database"
}

stop_quietly() {
    if [ -f "$dir/bin" ] && [ -d "$dir/data" ]; then
        as_owner "$(cat "$dir/bin")/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}

case "${1:-start}" in
    start) start ;;
    stop) stop_quietly; log "stopped" ;;
    *) log "usage: $0 [start|stop]"; exit 2 ;;
esac
