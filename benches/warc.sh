#!/usr/bin/env bash
# Throughput of `newsparse extract` over a WARC file of the benchmark pages.
#
# Writes a .warc.gz by hand (WARC/1.0 headers, one gzip member per record: a
# warcinfo record, then a request and an HTTP 200 text/html response per
# page, the page as served) from ../shared/data/article-extraction/html
# (91 .html.gz pages), then times `extract` over it into JSON Lines with
# --jobs 1 and 2, beside `extract` over the same pages as files. Prints
# wall and CPU seconds of the whole run, MB of HTML (inflated payload bytes)
# and pages per CPU-second, and the run's own summary (MB/s, articles/s, wall).
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

run() { # label, args…: wall and CPU seconds, and the run's summary line
  local label=$1; shift
  local times line
  exec 3>&1
  times=$( { TIMEFORMAT='%R %U %S'; time "$bin" extract "$@" 2>"$work/err" >/dev/null; } 2>&1 )
  exec 3>&-
  line=$(tail -n 1 "$work/err")
  read -r real user sys <<<"$times"
  echo "$label: ${real} s wall, $(echo "$user + $sys" | bc) s CPU, $(echo "scale=1; $html_mb / ($user + $sys)" | bc) MB/CPU-s, $(echo "scale=1; $n / ($user + $sys)" | bc) pages/CPU-s"
  echo "    $line"
}
html_mb=$(python3 -c "import gzip,os,sys; d=sys.argv[1]; print(round(sum(len(gzip.decompress(open(os.path.join(d,f),'rb').read())) for f in os.listdir(d) if f.endswith('.html.gz'))/1e6, 3))" "$pages")
n=$(ls "$pages" | grep -c '\.html\.gz$')
for jobs in 1 2; do
  run "warc  --jobs $jobs" "$work/pages.warc.gz" --jsonl "$work/warc.jsonl" --jobs "$jobs"
  run "pages --jobs $jobs" "$pages" --jsonl "$work/pages.jsonl" --jobs "$jobs"
done
