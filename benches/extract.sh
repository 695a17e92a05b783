#!/usr/bin/env bash
# Throughput of `newsparse extract` and `newsparse validate` on a release build.
#
# 1. extract over every BBC article (2,225 files) into a temporary directory,
#    with --jobs 1 and --jobs 2: articles/s and MB/s (wall clock, whole run).
# 2. the BBC records as JSON Lines, repeated to N records (default 10,000),
#    timed through `newsparse validate`: records/s.
#
#   cargo build --release && benches/extract.sh [N]
#
# NEWSPARSE_BIN overrides the binary, BBC_DIR the articles. Output goes to
# /dev/shm when there is one (disk writes on shared VMs vary by +-40% from
# minute to minute and would swamp the figures); BENCH_DIR overrides.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${NEWSPARSE_BIN:-$root/target/release/newsparse}
bbc=${BBC_DIR:-$root/../shared/data/bbc}
n=${1:-10000}
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
[ -d "$bbc" ] || { echo "no articles at $bbc (set BBC_DIR)" >&2; exit 2; }
if [ -n "${BENCH_DIR:-}" ]; then
  work=$(mktemp -d "$BENCH_DIR/newsparse-bench.XXXXXX")
elif [ -d /dev/shm ] && [ -w /dev/shm ]; then
  work=$(mktemp -d /dev/shm/newsparse-bench.XXXXXX)
else
  work=$(mktemp -d)
fi
echo "output: $work"
trap 'rm -rf "$work"' EXIT

articles=$(find "$bbc" -name '*.txt' | wc -l)
bytes=$(find "$bbc" -name '*.txt' -print0 | xargs -0 cat | wc -c)
echo "corpus: $articles articles, $(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }') MB ($bbc)"
echo "binary: $bin"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) on $(nproc) cores"

now() { date +%s.%N; }

for jobs in 1 2; do
    # Warm the page cache so both runs read from memory.
    find "$bbc" -name '*.txt' -print0 | xargs -0 cat > /dev/null
    start=$(now)
    status=0
    # CPU seconds (user + system) too: steadier than wall time on a busy machine.
    TIMEFORMAT='%U %S'
    { time "$bin" extract "$bbc" -o "$work/out-$jobs" --jobs "$jobs" -q 2> "$work/stderr-$jobs" || status=$?; } 2> "$work/cpu-$jobs"
    end=$(now)
    cpu=$(awk '{ print $1 + $2 }' "$work/cpu-$jobs")
    written=$(find "$work/out-$jobs" -name '*.json' | wc -l)
    awk -v s="$start" -v e="$end" -v n="$articles" -v b="$bytes" -v j="$jobs" -v w="$written" -v st="$status" -v c="$cpu" \
        'BEGIN { printf "extract --jobs %d: %.2f s, %.1f articles/s, %.2f MB/s (%d records, exit %d; %.2f CPU s, %.1f articles per CPU s)\n",
                 j, e - s, n / (e - s), b / 1e6 / (e - s), w, st, c, n / c }'
    if [ "$status" -ne 0 ]; then head -5 "$work/stderr-$jobs" >&2; fi
done

"$bin" extract "$bbc" --jsonl "$work/bbc.jsonl" -q 2>/dev/null || true
base=$(wc -l < "$work/bbc.jsonl")
awk -v n="$n" '{ line[NR] = $0 } END { for (i = 0; i < n; i++) print line[i % NR + 1] }' \
    "$work/bbc.jsonl" > "$work/records.jsonl"
start=$(now)
status=0
"$bin" validate "$work/records.jsonl" > "$work/report" 2>&1 || status=$?
end=$(now)
awk -v s="$start" -v e="$end" -v n="$n" -v base="$base" -v st="$status" \
    -v mb="$(wc -c < "$work/records.jsonl")" \
    'BEGIN { printf "validate: %d records (%d BBC records repeated, %.1f MB): %.2f s, %.0f records/s (exit %d)\n",
             n, base, mb / 1e6, e - s, n / (e - s), st }'
