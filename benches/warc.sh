#!/usr/bin/env bash
# Throughput of `newsparse extract` over a WARC file of the benchmark pages.
#
# Writes a .warc.gz by hand (WARC/1.0 headers, one gzip member per record: a
# warcinfo record, then a request and an HTTP 200 text/html response per
# page, the page as served) from ../shared/data/article-extraction/html
# (91 .html.gz pages), then times `extract` over it into JSON Lines with
# --jobs 1 and 2, beside `extract` over the same pages as files. Prints
# pages/s and MB/s of HTML (inflated payload bytes), wall clock, whole run.
#
#   cargo build --release && benches/warc.sh
#
# NEWSPARSE_BIN overrides the binary, PAGES_DIR the pages; output goes to
# /dev/shm when there is one (BENCH_DIR overrides).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${NEWSPARSE_BIN:-$root/target/release/newsparse}
pages=${PAGES_DIR:-$root/../shared/data/article-extraction/html}
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
[ -d "$pages" ] || { echo "no pages at $pages (set PAGES_DIR)" >&2; exit 2; }
if [ -n "${BENCH_DIR:-}" ]; then
  work=$(mktemp -d "$BENCH_DIR/newsparse-warc.XXXXXX")
elif [ -d /dev/shm ] && [ -w /dev/shm ]; then
  work=$(mktemp -d /dev/shm/newsparse-warc.XXXXXX)
else
  work=$(mktemp -d)
fi
trap 'rm -rf "$work"' EXIT

python3 - "$pages" "$work/pages.warc.gz" <<'PY'
import gzip, os, sys, uuid
pages, out = sys.argv[1], sys.argv[2]
def record(kind, uri, ctype, block):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, kind + uri)}>\r\n"
            f"WARC-Target-URI: {uri}\r\nContent-Type: {ctype}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return gzip.compress(head + block + b"\r\n\r\n", 6)
total = 0
with open(out, "wb") as f:
    f.write(record("warcinfo", "", "application/warc-fields", b"software: benches/warc.sh\r\n"))
    for name in sorted(os.listdir(pages)):
        if not name.endswith(".html.gz"):
            continue
        body = gzip.decompress(open(os.path.join(pages, name), "rb").read())
        total += len(body)
        uri = f"https://bench.example/{name[:-8]}"
        f.write(record("request", uri, "application/http; msgtype=request",
                       f"GET /{name[:-8]} HTTP/1.1\r\nHost: bench.example\r\n\r\n".encode()))
        f.write(record("response", uri, "application/http; msgtype=response",
                       b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body))
print(f"WARC: {os.path.getsize(out)} bytes, {total} bytes of HTML", file=sys.stderr)
PY

run() { # label, args…
  local label=$1; shift
  local t0 t1 line
  t0=$(date +%s.%N)
  line=$("$bin" extract "$@" 2>&1 | tail -n 1)
  t1=$(date +%s.%N)
  echo "$label: $(echo "$t1 - $t0" | bc) s wall; $line"
}
for jobs in 1 2; do
  run "warc  --jobs $jobs" "$work/pages.warc.gz" --jsonl "$work/warc.jsonl" --jobs "$jobs"
  run "pages --jobs $jobs" "$pages" --jsonl "$work/pages.jsonl" --jobs "$jobs"
done
