#!/usr/bin/env bash
# Is cost linear in article size? The same words (BBC articles concatenated,
# TOTAL bytes, default 5 MB) cut into articles of 2 KB, 20 KB, 200 KB, 2 MB
# and 5 MB, each set extracted in one process with --jobs 1: CPU seconds per
# million words and peak memory per size. Linear: CPU per word at 5 MB within
# 1.3x of CPU per word at 2 KB; peak memory of the 5 MB article <= 250 MB.
#
#   cargo build --release && benches/article-size.sh [TOTAL_BYTES]
#
# NEWSPARSE_BIN overrides the binary, BBC_DIR the articles. Needs GNU time
# (/usr/bin/time) for CPU time and peak memory.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${NEWSPARSE_BIN:-$root/target/release/newsparse}
bbc=${BBC_DIR:-$root/../shared/data/bbc}
total=${1:-5000000}
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
[ -d "$bbc" ] || { echo "no articles at $bbc (set BBC_DIR)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/newsparse-size.XXXXXX")
trap 'rm -rf "$work"' EXIT

# One stream of article text, in a fixed order, at least TOTAL bytes long.
stream="$work/stream.txt"
find "$bbc" -name '*.txt' | LC_ALL=C sort | while read -r f; do
  cat "$f"; printf '\n\n'
done > "$stream.one"
while [ "$(stat -c %s "$stream" 2>/dev/null || echo 0)" -lt "$total" ]; do
  cat "$stream.one" >> "$stream"
done
head -c "$total" "$stream" > "$stream.cut" && mv "$stream.cut" "$stream"
# Cut at a paragraph break so no article starts mid-word.
python3 - "$stream" "$work" "$total" <<'PY'
import os, sys
stream, work, total = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(stream, encoding="utf-8", errors="ignore").read()
for size in (2_000, 20_000, 200_000, 2_000_000, 5_000_000):
    if size > total:
        continue
    d = os.path.join(work, f"size-{size}")
    os.makedirs(d)
    at, n = 0, 0
    while at < len(text):
        end = min(len(text), at + size)
        cut = text.rfind("\n\n", at + size // 2, end) if end < len(text) else -1
        end = cut if cut > at else end
        with open(os.path.join(d, f"{n:05}.txt"), "w", encoding="utf-8") as f:
            f.write(text[at:end].strip() + "\n")
        at, n = end, n + 1
PY

printf '%-10s %7s %10s %9s %14s %10s\n' size articles words cpu_s "cpu_s/Mwords" peak_MB
base=""
for d in "$work"/size-*; do
  size=${d##*size-}
  files=$(find "$d" -name '*.txt' | wc -l)
  words=$(cat "$d"/*.txt | wc -w)
  out=$( { /usr/bin/time -f '%U %S %M' "$bin" extract "$d" --jsonl /dev/null -q -j 1 >/dev/null; } 2>&1 | tail -1)
  read -r user sys kb <<< "$out"
  cpu=$(echo "$user + $sys" | bc -l)
  per=$(echo "$cpu * 1000000 / $words" | bc -l)
  [ -n "$base" ] || base=$per
  printf '%-10s %7d %10d %9.2f %14.3f %10.1f   x%.2f\n' "$size" "$files" "$words" "$cpu" "$per" \
    "$(echo "$kb / 1024" | bc -l)" "$(echo "$per / $base" | bc -l)"
done | sort -n -k1
