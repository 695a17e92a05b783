#!/usr/bin/env bash
# Throughput of `newsparse validate` on the release build.
#
# Extracts records from a sample of BBC articles, repeats them to N records
# (default 10,000) as one JSON Lines file, and times `validate` on it, without
# and with --source. Target: >= 20,000 records/s.
#
#   cargo build --release && benches/validate.sh [N]
#
# NEWSPARSE_BIN overrides the binary; BBC_DIR the articles; SAMPLE how many.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${NEWSPARSE_BIN:-$root/target/release/newsparse}
bbc=${BBC_DIR:-/work/shared/data/bbc}
n=${1:-10000}
sample=${SAMPLE:-200}
work=${BENCH_WORK:-$(mktemp -d)}
[ -n "${BENCH_WORK:-}" ] || trap 'rm -rf "$work"' EXIT

# Relative paths, so that `--source $bbc` finds each record's text.
cd "$bbc"
find . -name '*.txt' | sed 's|^\./||' | sort | awk -v k="$sample" 'NR % int(2225 / k) == 0' | head -n "$sample" > "$work/inputs"
if "$bin" extract --help 2>&1 | grep -c -- '--jsonl' > /dev/null; then
    # Inputs the pipeline fails on are left out (extract reports them).
    xargs "$bin" extract --quiet --jsonl "$work/base.jsonl" < "$work/inputs" 2>/dev/null || true
else
    # Older CLI: pretty JSON records on stdout, one after another.
    xargs "$bin" extract < "$work/inputs" | python3 -c '
import json, sys
text, dec, at = sys.stdin.read(), json.JSONDecoder(), 0
while True:
    while at < len(text) and text[at].isspace(): at += 1
    if at >= len(text): break
    rec, at = dec.raw_decode(text, at)
    print(json.dumps(rec, ensure_ascii=False))
' > "$work/base.jsonl"
fi
base=$(wc -l < "$work/base.jsonl")
awk -v n="$n" '{ line[NR] = $0 } END { for (i = 0; i < n; i++) print line[i % NR + 1] }' \
    "$work/base.jsonl" > "$work/records.jsonl"
echo "records: $n (repeating $base extracted from $bbc), $(du -h "$work/records.jsonl" | cut -f1)"

# Wall-clock time, and CPU time (user + sys) too: on a shared, loaded machine
# the wall clock mostly measures the other processes.
time_validate() {
    local label=$1; shift
    local status=0
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$bin" validate "$@" "$work/records.jsonl" \
        > "$work/report" 2>/dev/null || status=$?
    read -r wall user sys < <(tail -n 1 "$work/time")
    awk -v w="$wall" -v u="$user" -v s="$sys" -v n="$n" -v l="$label" -v st="$status" \
        -v p="$(wc -l < "$work/report")" \
        'BEGIN { printf "%-16s wall %.2f s = %6.0f records/s; cpu %.2f s = %6.0f records/cpu-s; exit %d, %d problem(s)\n",
                 l, w, n / (w > 0 ? w : 0.01), u + s, n / (u + s > 0 ? u + s : 0.01), st, p }'
}
time_validate "validate"
time_validate "validate+source" --source "$bbc"
