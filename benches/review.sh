#!/usr/bin/env bash
# What `newsparse review` adds to `extract`, in CPU time (user + sys), on the
# BBC corpus: extract with --jobs 1, then review its records with --jobs 1,
# alternated ROUNDS times (default 5) so that both see the same load on a
# shared machine; prints each run, the medians and the ratio (target: review
# <= 20% of extract). With BASE_BIN, that binary's review runs alternated too
# (on the same records), and its pages are compared with the new ones.
#
#   cargo build --release && benches/review.sh [ROUNDS]
#   BASE_BIN=/tmp/newsparse-base benches/review.sh 5
#
# NEWSPARSE_BIN overrides the binary; BBC_DIR the articles; BENCH_WORK the
# scratch directory (default: a new one under /dev/shm when it exists, so that
# the disk does not weigh in).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${NEWSPARSE_BIN:-${CARGO_TARGET_DIR:-$root/target}/release/newsparse}
base=${BASE_BIN:-}
bbc=${BBC_DIR:-$root/../shared/data/bbc}
rounds=${1:-5}
scratch=/tmp
[ -d /dev/shm ] && scratch=/dev/shm
work=${BENCH_WORK:-$(mktemp -d "$scratch/review-bench.XXXXXX")}
[ -n "${BENCH_WORK:-}" ] || trap 'rm -rf "$work"' EXIT

# One timed run: "user sys" appended to $work/$label.
run() {
    local label=$1; shift
    /usr/bin/time -f "%U %S" -o "$work/time" "$@" > /dev/null
    tail -n 1 "$work/time" >> "$work/$label"
    printf '%-8s %s\n' "$label" "$(tail -n 1 "$work/time")"
}

rm -f "$work/extract" "$work/review" "$work/base"
for i in $(seq "$rounds"); do
    rm -rf "$work/rec" "$work/pages" "$work/base-pages"
    run extract "$bin" extract "$bbc" -o "$work/rec" -q --jobs 1
    run review "$bin" review "$work/rec" --source "$bbc" -o "$work/pages" -q --jobs 1
    if [ -n "$base" ]; then
        run base "$base" review "$work/rec" --source "$bbc" -o "$work/base-pages" -q --jobs 1
    fi
done

median() { awk '{ print $1 + $2 }' "$work/$1" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
e=$(median extract)
r=$(median review)
echo "records: $(find "$work/rec" -name '*.json' | wc -l); pages: $(find "$work/pages" -name '*.html' | wc -l) ($(du -sh "$work/pages" | cut -f1))"
awk -v e="$e" -v r="$r" 'BEGIN { printf "median cpu s: extract %.2f, review %.2f = %.1f%% of extract\n", e, r, 100 * r / e }'
if [ -n "$base" ]; then
    b=$(median base)
    awk -v e="$e" -v b="$b" 'BEGIN { printf "median cpu s: base review %.2f = %.1f%% of extract\n", b, 100 * b / e }'
    if diff -rq "$work/base-pages" "$work/pages" > /dev/null; then
        echo "pages: byte-identical to the base binary's"
    else
        echo "pages: differ from the base binary's:"
        diff -rq "$work/base-pages" "$work/pages" | head -n 20
    fi
fi
