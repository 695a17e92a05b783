#!/usr/bin/env bash
# Cost of the database sinks inside `newsparse extract` (wall clock, release).
#
# Runs extract over the BBC articles three ways, best of R runs each:
#   files        -o DIR                      (the baseline)
#   files+sqlite -o DIR --sqlite FILE        (target: at most 30% slower)
#   sqlite only  --sqlite FILE --no-files
#   jsonl        --jsonl FILE, and jsonl+sqlite
# and, when NEWSPARSE_BENCH_PG_URL names a server whose user may create
# databases, files+postgres into a fresh database.
#
#   cargo build --release && bash crates/db/bench-extract.sh [R]
#
# NEWSPARSE_BIN overrides the binary, BBC_DIR the articles.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${NEWSPARSE_BIN:-$root/target/release/newsparse}
bbc=${BBC_DIR:-$root/../shared/data/bbc}
runs=${1:-3}
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
articles=$(find "$bbc" -name '*.txt' | wc -l)
echo "corpus: $articles articles ($bbc); binary: $bin; best of $runs"

# Best wall-clock and best CPU (user + system) time of R runs; on a busy
# machine the CPU time is the steadier figure.
best() { # label, then the command; every run starts from empty outputs
    local label=$1 wall cpu best_wall= best_cpu= t
    shift
    for _ in $(seq "$runs"); do
        rm -rf "$work/out" "$work"/db.sqlite*
        t=$( { TIMEFORMAT='%R %U %S'; time "$@" > /dev/null 2> "$work/stderr"; } 2>&1 ) || true
        wall=$(echo "$t" | awk '{ print $1 }')
        cpu=$(echo "$t" | awk '{ print $2 + $3 }')
        if [ -z "$best_wall" ] || awk -v s="$wall" -v b="$best_wall" 'BEGIN { exit !(s < b) }'; then best_wall=$wall; fi
        if [ -z "$best_cpu" ] || awk -v s="$cpu" -v b="$best_cpu" 'BEGIN { exit !(s < b) }'; then best_cpu=$cpu; fi
    done
    tail -n 1 "$work/stderr" | sed 's/^/    /'
    awk -v l="$label" -v s="$best_wall" -v c="$best_cpu" -v n="$articles" \
        'BEGIN { printf "%-16s %6.2f s wall (%4.0f articles/s)  %6.2f s cpu\n", l, s, n / s, c }'
    echo "$best_wall $best_cpu" > "$work/$label.time"
}
compare() { # label a, label b
    awk -v a="$(cat "$work/$1.time")" -v b="$(cat "$work/$2.time")" -v la="$1" -v lb="$2" \
        'BEGIN { split(a, x, " "); split(b, y, " ");
                 printf "%s vs %s: %+.0f%% wall, %+.0f%% cpu\n", lb, la, (y[1] / x[1] - 1) * 100, (y[2] / x[2] - 1) * 100 }'
}

cat "$bbc"/*/*.txt > /dev/null # warm the page cache
best files "$bin" extract "$bbc" -o "$work/out"
best files+sqlite "$bin" extract "$bbc" -o "$work/out" --sqlite "$work/db.sqlite"
best sqlite-only "$bin" extract "$bbc" --sqlite "$work/db.sqlite" --no-files -o "$work/out"
best jsonl "$bin" extract "$bbc" --jsonl "$work/records.jsonl"
best jsonl+sqlite "$bin" extract "$bbc" --jsonl "$work/records.jsonl" --sqlite "$work/db.sqlite"
compare files files+sqlite
compare jsonl jsonl+sqlite

if [ -n "${NEWSPARSE_BENCH_PG_URL:-}" ]; then
    db="newsparse_bench_$$"
    server=${NEWSPARSE_BENCH_PG_URL%/*}
    psql=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)/psql
    "$psql" -q "$NEWSPARSE_BENCH_PG_URL" -c "CREATE DATABASE $db"
    best files+postgres "$bin" extract "$bbc" -o "$work/out" --postgres "$server/$db"
    "$psql" -q "$NEWSPARSE_BENCH_PG_URL" -c "DROP DATABASE $db WITH (FORCE)"
    compare files files+postgres
fi
