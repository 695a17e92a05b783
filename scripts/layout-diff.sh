#!/usr/bin/env bash
# What a layout change does to the 2,225 BBC articles: runs the layout stage
# alone (the dump_layout example) over the corpus and compares title,
# subtitle, byline, published, dateline and photos with a saved run.
#   scripts/layout-diff.sh save      # before the change: save the baseline
#   scripts/layout-diff.sh [N]       # after it: counts per field, N examples each
# LAYOUT_DIFF_DIR (default /tmp/newsparse-layout-diff) holds the runs;
# BBC_DIR overrides the corpus.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bbc=${BBC_DIR:-$top/../shared/data/bbc}
dir=${LAYOUT_DIFF_DIR:-/tmp/newsparse-layout-diff}
mode=${1:-3}
cargo build --release -q -p newsparse-layout --example dump_layout --manifest-path "$top/Cargo.toml"
bin="${CARGO_TARGET_DIR:-$top/target}/release/examples/dump_layout"
run() { rm -rf "$1"; mkdir -p "$1"; find "$bbc" -name '*.txt' -print0 | sort -z | xargs -0 "$bin" "$1"; }
if [ "$mode" = save ]; then
  run "$dir/base"; echo "baseline saved in $dir/base"; exit 0
fi
[ -d "$dir/base" ] || { echo "no baseline: run '$0 save' first" >&2; exit 2; }
run "$dir/new"
python3 - "$dir/base" "$dir/new" "$mode" <<'PY'
import json, pathlib, sys
base, new, n = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
fields = ["title", "subtitle", "byline", "published", "dateline"]
changed = {f: [] for f in fields + ["photos"]}
files = sorted(base.rglob("*.json"))
for b in files:
    rel = b.relative_to(base)
    x, y = json.loads(b.read_text()), json.loads((new / rel).read_text())
    for f in fields:
        if x["article"].get(f) != y["article"].get(f):
            changed[f].append((str(rel), x["article"].get(f), y["article"].get(f)))
    if x["photos"] != y["photos"]:
        changed["photos"].append((str(rel), len(x["photos"]), len(y["photos"])))
print(f"{len(files)} articles")
for f, rows in changed.items():
    print(f"{f:10} {len(rows)} changed")
    for rel, a, b in rows[:n]:
        print(f"    {rel}: {str(a)[:90]!r} -> {str(b)[:90]!r}")
PY
