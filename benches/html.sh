#!/usr/bin/env bash
# Pages per CPU-second and MB of HTML per CPU-second: `newsparse text` and
# the page records `extract` makes (render + the whole pipeline, through
# examples/page_records), beside trafilatura 2.x (`trafilatura.extract` over
# the same pages, one process), in the same run.
#
#   cargo build --release && cargo build --release --example page_records
#   python3 -m venv /tmp/tvenv && /tmp/tvenv/bin/pip install trafilatura lxml_html_clean
#   benches/html.sh [PAGES_DIR] [ROUNDS]
#
# CPU time is user + system of the whole process (start-up, reading and
# gunzipping included), the best of ROUNDS runs.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-../shared/data/article-extraction/html}
ROUNDS=${2:-5}
BIN=${CARGO_TARGET_DIR:-target}/release
PY=${TRAFILATURA_PYTHON:-/tmp/tvenv/bin/python}
pages=$(find "$DIR" -name '*.htm*' | wc -l)
mb=$(find "$DIR" -name '*.htm*' -print0 | xargs -0 -I{} sh -c 'case {} in *.gz) zcat {};; *) cat {};; esac' | wc -c | awk '{printf "%.2f", $1/1e6}')
cpu() { # best user+sys seconds of ROUNDS runs of "$@"
    best=
    for _ in $(seq "$ROUNDS"); do
        /usr/bin/time -o /tmp/html-bench-time.$$ -f '%U %S' "$@" >/dev/null 2>/dev/null
        t=$(awk '{print $1+$2}' /tmp/html-bench-time.$$)
        best=$(awk -v a="$t" -v b="${best:-$t}" 'BEGIN{print (a<b)?a:b}')
    done
    echo "$best"
}
report() {
    awk -v name="$1" -v s="$2" -v p="$pages" -v mb="$mb" \
        'BEGIN{printf "%-28s %6.3f CPU s  %8.1f pages/s  %7.2f MB/s\n", name, s, p/s, mb/s}'
}
echo "$pages pages, $mb MB of HTML, best of $ROUNDS"
# The pages REPEAT times in one run, so the CPU time is well above the
# clock's 10 ms resolution; figures are per pass.
REPEAT=${REPEAT:-10}
dirs=(); for _ in $(seq "$REPEAT"); do dirs+=("$DIR"); done
t_text=$(cpu "$BIN/newsparse" text "${dirs[@]}" --jsonl /dev/null)
t_text=$(awk -v t="$t_text" -v r="$REPEAT" 'BEGIN{print t/r}')
report "newsparse text" "$t_text"
if [ -x "$BIN/examples/page_records" ]; then
    report "newsparse page records" "$(cpu "$BIN/examples/page_records" "$DIR")"
fi
if [ -x "$PY" ]; then
    line=$("$PY" benches/trafilatura_pages.py "$DIR" --rounds "$ROUNDS")
    t_traf=$(echo "$line" | sed -E 's/.* ([0-9.]+) CPU s.*/\1/')
    report "trafilatura (in-process)" "$t_traf"
    awk -v a="$t_traf" -v b="$t_text" 'BEGIN{printf "newsparse text is %.1fx trafilatura per CPU-second\n", a/b}'
fi
