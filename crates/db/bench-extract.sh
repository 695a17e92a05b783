#!/usr/bin/env bash
# Cost of the database sinks inside `newsparse extract` (wall clock and CPU,
# release build).
#
# Runs extract over the BBC articles in five modes, R rounds, the modes
# interleaved within each round so that a slow moment of the machine does not
# fall on one mode only:
#   files        -o DIR                      (the baseline)
#   files+sqlite -o DIR --sqlite FILE        (target: at most 30% slower)
#   sqlite-only  --sqlite FILE --no-files
#   jsonl        --jsonl FILE, and jsonl+sqlite
# and, when NEWSPARSE_BENCH_PG_URL names a server whose user may create
# databases, files+postgres into a fresh database.
#
# Outputs go to a RAM file system (/dev/shm) when there is one, so that the
# figures are the CPU cost of the sinks: on the 2-core development VM the
# disk's latency swings run to run by more than the whole SQLite cost, and
# unevenly between modes. Set BENCH_DIR to a directory on a disk to include
# the disk. Every run writes into output paths never used before, as a first
# conversion of an archive does (deleting thousands of files just before a
# run makes ext4 scan for recently freed inodes on every create); old outputs
# are deleted only when all timing is done.
#
#   cargo build --release && bash crates/db/bench-extract.sh [R]
#
# NEWSPARSE_BIN overrides the binary, BBC_DIR the articles.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${NEWSPARSE_BIN:-$root/target/release/newsparse}
bbc=${BBC_DIR:-$root/../shared/data/bbc}
rounds=${1:-3}
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
if [ -z "${BENCH_DIR:-}" ] && [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ]; then
    BENCH_DIR=/dev/shm
fi
work=$(mktemp -d -p "${BENCH_DIR:-${TMPDIR:-/tmp}}")
trap 'rm -rf "$work"' EXIT
articles=$(find "$bbc" -name '*.txt' | wc -l)
echo "corpus: $articles articles ($bbc); outputs in $work ($(stat -f -c %T "$work")); binary: $bin"
echo "$rounds rounds; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

run=0
time_one() { # label, then the command with {out} for a fresh output stem
    local label=$1 stem t
    shift
    run=$((run + 1))
    stem="$work/run$run"
    t=$( { TIMEFORMAT='%R %U %S'; time "${@//\{out\}/$stem}" > /dev/null 2> "$work/stderr"; } 2>&1 ) \
        || { cat "$work/stderr" >&2; exit 1; }
    echo "$t" | awk '{ print $1, $2 + $3 }' >> "$work/$label.times"
}
report() { # label: best and median wall and CPU seconds
    sort -n "$work/$1.times" | awk -v l="$1" -v n="$articles" '
        { w[NR] = $1 } END { m = w[int((NR + 1) / 2)];
          printf "%-16s wall best %5.2f s (%4.0f articles/s), median %5.2f s", l, w[1], n / w[1], m }'
    sort -n -k2 "$work/$1.times" | awk '{ c[NR] = $2 } END { printf "; cpu best %5.2f s, median %5.2f s\n", c[1], c[int((NR + 1) / 2)] }'
}
compare() { # label a, label b: b's extra cost over a, on best and on median times
    paste <(sort -n "$work/$1.times" | cut -d' ' -f1) <(sort -n "$work/$2.times" | cut -d' ' -f1) \
        <(sort -n -k2 "$work/$1.times" | cut -d' ' -f2) <(sort -n -k2 "$work/$2.times" | cut -d' ' -f2) |
        awk -v a="$1" -v b="$2" '{ wa[NR] = $1; wb[NR] = $2; ca[NR] = $3; cb[NR] = $4 }
            END { m = int((NR + 1) / 2);
                  printf "%s vs %s: best %+.0f%% wall, %+.0f%% cpu; median %+.0f%% wall, %+.0f%% cpu\n", b, a,
                      (wb[1] / wa[1] - 1) * 100, (cb[1] / ca[1] - 1) * 100,
                      (wb[m] / wa[m] - 1) * 100, (cb[m] / ca[m] - 1) * 100 }'
}

cat "$bbc"/*/*.txt > /dev/null # warm the page cache
modes=(files files+sqlite sqlite-only jsonl jsonl+sqlite)
for _ in $(seq "$rounds"); do
    time_one files "$bin" extract "$bbc" -o {out}.out
    time_one files+sqlite "$bin" extract "$bbc" -o {out}.out --sqlite {out}.sqlite
    time_one sqlite-only "$bin" extract "$bbc" --sqlite {out}.sqlite --no-files -o {out}.out
    time_one jsonl "$bin" extract "$bbc" --jsonl {out}.jsonl
    time_one jsonl+sqlite "$bin" extract "$bbc" --jsonl {out}.jsonl --sqlite {out}.sqlite
done
tail -n 1 "$work/stderr" | sed 's/^/    /'
for m in "${modes[@]}"; do report "$m"; done
compare files files+sqlite
compare jsonl jsonl+sqlite

if [ -n "${NEWSPARSE_BENCH_PG_URL:-}" ]; then
    db="newsparse_bench_$$"
    server=${NEWSPARSE_BENCH_PG_URL%/*}
    psql=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)/psql
    for _ in $(seq "$rounds"); do
        "$psql" -q "$NEWSPARSE_BENCH_PG_URL" -c "CREATE DATABASE $db"
        time_one files+postgres "$bin" extract "$bbc" -o {out}.out --postgres "$server/$db"
        "$psql" -q "$NEWSPARSE_BENCH_PG_URL" -c "DROP DATABASE $db WITH (FORCE)"
    done
    report files+postgres
    compare files files+postgres
fi
