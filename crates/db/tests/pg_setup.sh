#!/usr/bin/env bash
# Throw-away PostgreSQL server for the db tests, on 127.0.0.1 only.
#
#   eval "$(bash crates/db/tests/pg_setup.sh start)"   # exports NEWSPARSE_TEST_PG_URL, NEWSPARSE_TEST_PG_DIR
#   bash crates/db/tests/pg_setup.sh stop "$NEWSPARSE_TEST_PG_DIR"
#
# Installs Debian's postgresql package when no server binaries are present
# (needs root). initdb refuses to run as root, so as root the cluster belongs
# to the `postgres` user. Progress goes to stderr; stdout is only the exports.
set -euo pipefail

find_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
    local bin
    bin="$(find_bin)"
    if [ -z "$bin" ]; then
        echo "pg_setup: installing postgresql from Debian's packages" >&2
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
        bin="$(find_bin)"
    fi
    local dir
    dir="$(mktemp -d /tmp/newsparse-pg.XXXXXX)"
    chmod 755 "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
    }
    # First free port from 55432 up; a port that answers on loopback is taken.
    local port=55432
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=50" start >&2 || {
        cat "$dir/server.log" >&2
        exit 1
    }
    echo "pg_setup: PostgreSQL running on 127.0.0.1:$port (data in $dir)" >&2
    echo "export NEWSPARSE_TEST_PG_URL=postgresql://postgres@127.0.0.1:$port/postgres"
    echo "export NEWSPARSE_TEST_PG_DIR=$dir"
}

stop() {
    local dir="$1" bin
    bin="$(find_bin)"
    [ -d "$dir/data" ] || return 0
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    rm -rf "$dir"
}

case "${1:-start}" in
start) start ;;
stop) stop "${2:?usage: pg_setup.sh stop DIR}" ;;
*)
    echo "usage: pg_setup.sh start | stop DIR" >&2
    exit 2
    ;;
esac
