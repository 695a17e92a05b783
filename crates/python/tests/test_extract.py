"""newsparse.extract / extract_many against the command line, and errors."""

from __future__ import annotations

import json
import subprocess

import pytest

import newsparse
from conftest import bbc_sample, cli_jsonl

# Invented article (names made up for the tests).
ARTICLE = (
    "Velmora council approves new ferry link to Port Averin\n\n"
    "The Velmora harbour council has approved a ferry route to Port Averin, "
    "its leader Marta Keloway said on Tuesday.\n\n"
    "\"This will bring the islands back into the life of the coast,\" "
    "Ms Keloway told reporters.\n\n"
    "The Dunmore Ferry Company will run two crossings a day from May.\n"
)


def test_inputs_equal_the_cli_record_files(cli, repo, tmp_path):
    # The record files the CLI writes (pretty JSON), key for key and in order.
    inputs = sorted((repo / "inputs").glob("*.txt"))
    assert inputs, "inputs/ holds no article"
    run = subprocess.run(
        [str(cli), "extract", "-q", "-o", str(tmp_path / "out"), "inputs"],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    for f in inputs:
        rel = f.relative_to(repo)
        written = (tmp_path / "out" / (f.stem + ".json")).read_text(encoding="utf-8")
        record = newsparse.extract(f.read_bytes(), path=str(rel))
        assert record == json.loads(written)
        assert list(record) == list(json.loads(written))
        # The same bytes as the CLI's file, written the way serde_json does.
        assert json.dumps(record, indent=2, ensure_ascii=False) + "\n" == written


def test_bbc_sample_equals_the_cli_jsonl(cli, bbc_dir, tmp_path):
    paths = bbc_sample(bbc_dir, 120)
    expected = cli_jsonl(cli, paths, tmp_path)
    assert len(expected) == len(paths)
    # extract() on str and on bytes, and extract_many over (path, text) pairs.
    for p, want in list(zip(paths, expected))[:40]:
        assert newsparse.extract(p.read_text(encoding="utf-8"), path=str(p)) == want
    got = list(newsparse.extract_many(((str(p), p.read_bytes()) for p in paths), jobs=2))
    assert got == expected
    # As JSON Lines: the CLI's bytes.
    lines = (tmp_path / "cli.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in got] == lines


def test_extract_many_orders_and_unordered_gives_the_same_set():
    texts = [ARTICLE.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Friday")] * 20
    ordered = list(newsparse.extract_many(texts, jobs=2))
    assert [r["id"] for r in ordered] == [newsparse.extract(t)["id"] for t in texts]
    unordered = list(newsparse.extract_many(texts, jobs=2, ordered=False))
    assert sorted(r["id"] for r in unordered) == sorted(r["id"] for r in ordered)
    assert all(r["source"]["path"] == "-" for r in ordered)


def test_extract_many_reads_the_iterable_lazily():
    seen = []

    def texts():
        for i in range(10_000):
            seen.append(i)
            yield ARTICLE

    it = newsparse.extract_many(texts(), jobs=2)
    first = next(it)
    assert first["article"]["title"] == "Velmora council approves new ferry link to Port Averin"
    # A window of 64 per job in flight, not the whole iterable.
    assert len(seen) <= 2 * 64 + 1
    it.close()


@pytest.mark.parametrize(
    "text, reason",
    [
        (b"", "empty file (no text)"),
        ("  \n\t\r\n", "empty file (no text)"),
        ("\ufeff\n", "empty file (no text)"),
        (b"ab\x00cd", "binary file (contains NUL bytes), not text"),
        ("ab\x00cd", "binary file (contains NUL bytes), not text"),
        (b"\xff\xfeT\x00i\x00", "UTF-16 text, not UTF-8 (convert it first, e.g. with iconv)"),
        (b"ok \xa3 15", "not UTF-8 text (invalid byte at offset 3)"),
        ("ok \ud800 15", "not UTF-8 text (invalid byte at offset 3)"),
    ],
)
def test_bad_input_raises_input_error_with_the_cli_reason(text, reason):
    with pytest.raises(newsparse.InputError) as caught:
        newsparse.extract(text)
    assert str(caught.value) == reason
    assert isinstance(caught.value, ValueError)


def test_input_error_reason_is_the_cli_line(cli, tmp_path):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(ARTICLE.encode("utf-8")[:40] + b"\xa3" + ARTICLE.encode("utf-8")[40:])
    run = subprocess.run([str(cli), "extract", "-q", "--jsonl", "-", str(bad)],
                         capture_output=True, text=True)
    with pytest.raises(newsparse.InputError) as caught:
        newsparse.extract(bad.read_bytes(), path=str(bad))
    assert f"error: {bad}: {caught.value}" in run.stderr
    assert str(caught.value) == "not UTF-8 text (invalid byte at offset 40)"


def test_too_large_input_is_refused():
    with pytest.raises(newsparse.InputError, match=r"^too large: \d+ bytes, limit is 100 "):
        newsparse.extract(ARTICLE, max_bytes=100)


def test_wrong_types_and_options_raise_python_errors():
    with pytest.raises(TypeError, match="str or bytes"):
        newsparse.extract(42)
    with pytest.raises(ValueError, match="format"):
        newsparse.extract(ARTICLE, format="pdf")
    with pytest.raises(ValueError, match="jobs"):
        newsparse.extract_many([ARTICLE], jobs=0)
    with pytest.raises(TypeError):
        list(newsparse.extract_many([("a.txt", ARTICLE, "extra")]))


def test_extract_many_errors_raise_or_yield_in_place():
    items = [("good.txt", ARTICLE), ("empty.txt", b""), ("also.txt", ARTICLE)]
    got = list(newsparse.extract_many(items, jobs=2, errors="yield"))
    assert [r["source"]["path"] for r in (got[0], got[2])] == ["good.txt", "also.txt"]
    assert isinstance(got[1], newsparse.InputError)
    assert str(got[1]) == "empty file (no text)"
    it = newsparse.extract_many(items, jobs=2)
    assert next(it)["source"]["path"] == "good.txt"
    with pytest.raises(newsparse.InputError, match="empty file"):
        next(it)


def test_html_page_gives_a_record_carrying_its_text():
    page = (
        "<html><body><h1>Velmora council approves ferry link</h1>\n\n"
        "<p>The Velmora harbour council approved a ferry route on Tuesday, "
        "its leader Marta Keloway said.</p>\n\n</body></html>"
    )
    r = newsparse.extract(page, path="page.html", format="html", url="https://example.org/a")
    assert r["source"]["format"] == "html"
    assert r["source"]["url"] == "https://example.org/a"
    assert newsparse.validate(r) == []
    for person in r["people"]:
        for m in person["mentions"]:
            assert r["text"][m["start"]:m["end"]] == m["text"]
    with pytest.raises(newsparse.InputError, match="no article text"):
        newsparse.extract("<html><body>\n\n</body></html><p></p>", format="html")


def test_spans_index_the_python_string():
    text = "\ufeffCaf\u00e9 owner Anna Corvel opens in Velmora\r\n\r\n" + ARTICLE
    r = newsparse.extract(text)
    mentions = [m for kind in ("people", "organizations", "places")
                for e in r[kind] for m in e["mentions"]]
    assert mentions
    for m in mentions:
        assert text[m["start"]:m["end"]] == m["text"]


def test_help_teaches():
    for f in (newsparse.extract, newsparse.extract_many, newsparse.validate):
        assert "Example" in f.__doc__ and "Args:" in f.__doc__, f.__name__
    assert "JSON Schema" in newsparse.schema.__doc__
    assert "InputError" in newsparse.extract.__doc__
    assert "code-point" in newsparse.__doc__


def test_ctrl_c_interrupts_extract_many_while_an_article_runs():
    import signal
    import threading
    import time

    # ~3 MB: long enough (some 0.4 s) to be caught well inside one article
    # even on a loaded machine.
    big = ARTICLE * 10000
    t = time.perf_counter()
    newsparse.extract(big)
    one = time.perf_counter() - t
    # A run started in the background (`cmd &` in a script) inherits SIGINT
    # ignored, and Python then leaves it so: interrupt_main would do nothing.
    # Ctrl-C as a terminal user gets it: Python's own handler.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        threading.Timer(0.1, __import__("_thread").interrupt_main).start()
        t = time.perf_counter()
        with pytest.raises(KeyboardInterrupt):
            list(newsparse.extract_many([big] * 4, jobs=1))
        waited = time.perf_counter() - t
    finally:
        signal.signal(signal.SIGINT, previous)
    # Raised within a slice of waiting, not when the article is done.
    assert waited < 0.1 + one / 2, f"interrupted after {waited:.2f} s; one takes {one:.2f} s"


def test_no_path_is_the_cli_reading_stdin(cli):
    run = subprocess.run([str(cli), "extract", "-q", "--jsonl", "-", "-"],
                         input=ARTICLE.encode("utf-8"), capture_output=True)
    assert run.returncode == 0, run.stderr
    (line,) = run.stdout.decode("utf-8").splitlines()
    record = newsparse.extract(ARTICLE)
    assert record["source"]["path"] == "-"
    assert record == json.loads(line)


def test_encodings_and_gzipped_pages_as_the_cli_reads_them(cli, tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes(ARTICLE.replace("Velmora", "Vélmora").encode("latin-1"))
    with pytest.raises(newsparse.InputError, match="not UTF-8"):
        newsparse.extract(latin.read_bytes())
    (want,) = cli_jsonl_of(cli, tmp_path, ["--encoding", "windows-1252", str(latin)])
    got = newsparse.extract(latin.read_bytes(), path=str(latin), encoding="windows-1252")
    assert got == want
    assert "Vélmora" in got["article"]["title"]
    with pytest.raises(ValueError, match="not an encoding label"):
        newsparse.extract(ARTICLE, encoding="klingon")
    import gzip
    page = tmp_path / "page.html"
    page.write_bytes(gzip.compress(
        b"<html><head><meta charset='windows-1252'></head><body><h1>V\xe9lmora ferry</h1>\n\n"
        b"<p>The council of V\xe9lmora met Marta Keloway on Tuesday.</p></body></html>"))
    (want,) = cli_jsonl_of(cli, tmp_path, [str(page)])
    assert newsparse.extract(page.read_bytes(), path=str(page), format="html") == want


def cli_jsonl_of(cli, tmp_path, args):
    run = subprocess.run([str(cli), "extract", "-q", "--jsonl", "-", *args], capture_output=True)
    assert run.returncode == 0, run.stderr
    return [json.loads(line) for line in run.stdout.decode("utf-8").splitlines()]
