#!/usr/bin/env python3
"""Time trafilatura.extract over a directory of .html/.html.gz pages in one process (CPU time).

usage: trafilatura_pages.py DIR [--jsonl OUT] [--rounds N]
Prints pages, MB of HTML, CPU seconds (best round), pages/s and MB/s per CPU-second.
With --jsonl, writes {"path", "title", "byline", "published", "body"} lines for the scorers.
"""
import argparse, gzip, json, os, time
import trafilatura

ap = argparse.ArgumentParser()
ap.add_argument("dir")
ap.add_argument("--jsonl")
ap.add_argument("--rounds", type=int, default=1)
a = ap.parse_args()
pages = []
for name in sorted(os.listdir(a.dir)):
    p = os.path.join(a.dir, name)
    raw = gzip.open(p).read() if name.endswith(".gz") else open(p, "rb").read()
    pages.append((p, raw.decode("utf-8", "replace")))
mb = sum(len(h.encode("utf-8")) for _, h in pages) / 1e6
best, out = None, []
for _ in range(a.rounds):
    out = []
    t = time.process_time()
    for p, h in pages:
        body = trafilatura.extract(h) or ""
        out.append((p, body))
    cpu = time.process_time() - t
    best = cpu if best is None else min(best, cpu)
print(f"trafilatura {trafilatura.__version__}: {len(pages)} pages, {mb:.1f} MB, {best:.2f} CPU s, "
      f"{len(pages) / best:.1f} pages/s, {mb / best:.2f} MB/s")
if a.jsonl:
    with open(a.jsonl, "w") as f:
        for p, body in out:
            meta = trafilatura.extract_metadata(dict(pages)[p])
            f.write(json.dumps({"path": p, "body": body, "title": meta.title if meta else None,
                                "byline": [meta.author] if meta and meta.author else [],
                                "published": meta.date if meta else None}) + "\n")
