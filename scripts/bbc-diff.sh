#!/usr/bin/env bash
# What a change does to the 2,225 BBC articles, end to end: extracts the
# corpus with a baseline binary and with the current release build (as JSON
# Lines) and lists the people, organizations, quotes' speakers and events
# that appear or disappear, with counts per kind.
#   cp target/release/newsparse /tmp/newsparse-base   # before the change
#   cargo build --release && scripts/bbc-diff.sh [N]  # after it; N examples per kind
# BASE_BIN overrides the baseline (default /tmp/newsparse-base), BBC_DIR the corpus.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bbc=${BBC_DIR:-$top/../shared/data/bbc}
base=${BASE_BIN:-/tmp/newsparse-base}
new=$top/target/release/newsparse
n=${1:-5}
[ -x "$base" ] || { echo "no baseline binary at $base" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$base" extract "$bbc" --jsonl "$tmp/base.jsonl" --quiet || true
"$new" extract "$bbc" --jsonl "$tmp/new.jsonl" --quiet || true
python3 - "$tmp/base.jsonl" "$tmp/new.jsonl" "$n" <<'PY'
import json, sys, collections
def items(path):
    out = {}
    for line in open(path):
        r = json.loads(line)
        k = r["source"]["path"]
        names = lambda key: {e["name"] for e in r.get(key, [])}
        ids = {e["id"]: e["name"] for key in ("people", "organizations", "places") for e in r.get(key, [])}
        out[k] = {
            "people": names("people"),
            "organizations": names("organizations"),
            "places": names("places"),
            "speakers": {(q["text"][:40], ids.get((q.get("speaker") or {}).get("ref"), (q.get("speaker") or {}).get("name"))) for q in r.get("quotes", [])},
            "events": {(e["type"], e["trigger"]["text"]) for e in r.get("events", [])},
        }
    return out
a, b, n = items(sys.argv[1]), items(sys.argv[2]), int(sys.argv[3])
print(f"{len(a)} articles (baseline), {len(b)} (new)")
for kind in ("people", "organizations", "places", "speakers", "events"):
    gone, added, touched = [], [], 0
    for k in a:
        x, y = a[k][kind], b.get(k, {}).get(kind, set())
        if x != y:
            touched += 1
        gone += [(k, v) for v in sorted(x - y, key=str)]
        added += [(k, v) for v in sorted(y - x, key=str)]
    print(f"{kind:14} {touched} articles changed: -{len(gone)} +{len(added)}")
    for k, v in gone[:n]:
        print(f"    - {k.split('bbc/')[-1]}: {v}")
    for k, v in added[:n]:
        print(f"    + {k.split('bbc/')[-1]}: {v}")
PY
