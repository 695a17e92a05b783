#!/usr/bin/env bash
# Score the release build on the development gold set (../shared/gold/dev):
# copies the seed and the BBC dev articles into a temp dir laid out as
# <folder>/<name>.txt (the scorer pairs records by last folder + file name),
# runs `newsparse extract` on it and prints the scorer's table.
# Usage: scripts/dev-score.sh [--verbose]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
shared="${NEWSPARSE_SHARED:-$top/../shared}"
bin="$top/target/release/newsparse"
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/in/seed"
cp "$shared"/seed/*.txt "$tmp/in/seed/"
for g in "$shared"/gold/dev/bbc-*.gold.json; do
  n=$(basename "$g" .gold.json); cat=$(echo "$n" | cut -d- -f2); num=$(echo "$n" | cut -d- -f3)
  mkdir -p "$tmp/in/$cat"; cp "$shared/data/bbc/$cat/$num.txt" "$tmp/in/$cat/"
done
"$bin" extract "$tmp/in" -o "$tmp/out" --quiet
python3 "${SCORE_PY:-$shared/tools/score.py}" --gold "$shared/gold/dev" --pred "$tmp/out" "$@"
