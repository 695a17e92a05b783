"""10,000 extract_many calls in one process keep memory flat."""

from __future__ import annotations

import gc
import os

import newsparse

# Invented articles (made-up names), varied so the caches see several texts.
TEXTS = [
    f"Harbour board {i} names Ilsa Donnet chief of Kestrel Lines\n\n"
    f"The Harbour Board of Velmora named Ilsa Donnet chief executive of Kestrel Lines "
    f"on Monday, the board said in a statement from Port Averin.\n\n"
    f"\"We will run {i} more crossings,\" Ms Donnet said.\n"
    for i in range(8)
]


def rss_bytes() -> int:
    with open(f"/proc/{os.getpid()}/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def run_calls(n: int) -> int:
    made = 0
    for i in range(n):
        items = [("a.txt", TEXTS[i % len(TEXTS)]), ("b.txt", TEXTS[(i + 3) % len(TEXTS)])]
        if i % 10 == 0:
            items.append(("bad.txt", b"\xff\xfe"))  # an error now and then
        for r in newsparse.extract_many(items, jobs=2, errors="yield"):
            made += not isinstance(r, Exception)
        if i % 100 == 0:
            # An early stop: the iterator is dropped with work in flight.
            it = newsparse.extract_many([TEXTS[0]] * 64, jobs=2)
            next(it)
            it.close()
    return made


def test_ten_thousand_extract_many_calls_keep_rss_flat():
    run_calls(1_000)  # warm-up: model, thread pool, allocator arenas
    gc.collect()
    before = rss_bytes()
    made = run_calls(10_000)
    gc.collect()
    after = rss_bytes()
    assert made == 20_000
    growth = after - before
    print(f"RSS {before / 2**20:.1f} MiB -> {after / 2**20:.1f} MiB over 10,000 calls")
    # A leak of one record per call would be ~20 MB at least; allow allocator noise.
    assert growth < 16 * 2**20, f"RSS grew {growth / 2**20:.1f} MiB over 10,000 calls"
