#!/usr/bin/env bash
# The README's screenshot of a review page: the seed article
# (inputs/000_c5283d59746e3ef3.txt) reviewed, one person selected, captured
# by headless chromium into docs/review.png.
#   cargo build --release && scripts/review-screenshot.sh [ID]
# ID is the entity, quote or event selected (default p1). NEWSPARSE_BIN
# overrides the binary (default: target/release/newsparse, or under
# CARGO_TARGET_DIR when set).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${NEWSPARSE_BIN:-${CARGO_TARGET_DIR:-$top/target}/release/newsparse}
select=${1:-p1}
[ -x "$bin" ] || { echo "no newsparse binary at $bin (cargo build --release)" >&2; exit 2; }
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "chromium is not installed (apt-get install chromium)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$top" && "$bin" review inputs/000_c5283d59746e3ef3.txt -o "$tmp/out" -q)
page=$tmp/out/inputs/000_c5283d59746e3ef3.html
mkdir -p "$top/docs"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$tmp/profile" --window-size=1280,960 \
    --screenshot="$top/docs/review.png" "file://$page#test=select:$select" 2> /dev/null
echo "docs/review.png: $page with $select selected"
