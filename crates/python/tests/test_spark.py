"""newsparse.spark with a real PySpark in local[2] mode.

Skipped when pyspark or Java is missing, except under CI=true.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys

import pytest

from conftest import REPO, bbc_sample, cli_jsonl, missing


@pytest.fixture(scope="module")
def spark():
    if importlib.util.find_spec("pyspark") is None or importlib.util.find_spec("pyarrow") is None:
        missing("pyspark and pyarrow are not installed (pip install pyspark pyarrow)")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        missing("no Java (apt-get install openjdk-17-jre-headless)")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("newsparse-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_300_bbc_articles_give_the_cli_records_row_for_row(spark, cli, bbc_dir, tmp_path):
    from newsparse.spark import extract_dataframe, record_row

    paths = bbc_sample(bbc_dir, 300, seed=1616)
    expected = cli_jsonl(cli, paths, tmp_path)
    expected_lines = (tmp_path / "cli.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [(str(p), p.read_bytes()) for p in paths]
    # Four partitions, in the CLI's order (parallelize keeps it).
    rdd = spark.sparkContext.parallelize(rows, 4)
    df = spark.createDataFrame(rdd, "path string, content binary")
    assert df.rdd.getNumPartitions() == 4
    out = extract_dataframe(df, text_col="content", path_col="path").collect()
    assert len(out) == 300
    assert [r["path"] for r in out] == [str(p) for p in paths]
    assert all(r["error"] is None for r in out)
    # The record column is the CLI's JSONL line, byte for byte.
    assert [r["record"] for r in out] == expected_lines
    for row, record in zip(out, expected):
        assert row["id"] == record["id"]
        assert row["title"] == record["article"]["title"]
        assert row["published"] == record["article"]["published"]
        assert row["people"] == [p["name"] for p in record["people"]]
        assert row["organizations"] == [o["name"] for o in record["organizations"]]
        assert row["places"] == [p["name"] for p in record["places"]]
        assert row["event_types"] == [e["type"] for e in record["events"]]
        assert row["quotes"] == len(record["quotes"])
        # The row made in Rust is the documented record_row of the record.
        assert row.asDict() == record_row(record)
    # The typed columns carry something in this sample.
    assert sum(len(r["people"]) for r in out) > 300
    assert sum(len(r["event_types"]) for r in out) > 100


def test_malformed_inputs_become_error_rows(spark):
    from newsparse.spark import extract_dataframe

    good = (
        "Velmora council approves ferry link to Port Averin\n\n"
        "The Velmora harbour council approved a ferry route on Tuesday, "
        "its leader Marta Keloway said.\n"
    ).encode()
    rows = [
        ("good.txt", good),
        ("latin1.txt", b"Caf\xe9 owner Anna Corvel opens\n\nA body line.\n"),
        ("empty.txt", b""),
        ("binary.txt", b"\x00\x01\x02"),
        ("null.txt", None),
        ("page.html", b"<html><body><h1>Velmora ferry</h1>\n\n<p>The council of Velmora met "
                      b"Marta Keloway on Tuesday.</p></body></html>"),
        ("nothing.html", b"<html><body></body></html>"),
    ]
    df = spark.createDataFrame(rows, "path string, content binary")
    out = extract_dataframe(df, text_col="content", path_col="path", format="auto").collect()
    by_path = {r["path"]: r for r in out}
    assert [r["path"] for r in out] == [p for p, _ in rows]
    assert by_path["good.txt"]["error"] is None
    assert json.loads(by_path["good.txt"]["record"])["source"]["path"] == "good.txt"
    assert by_path["latin1.txt"]["error"] == "not UTF-8 text (invalid byte at offset 3)"
    assert by_path["latin1.txt"]["record"] is None and by_path["latin1.txt"]["id"] is None
    assert by_path["empty.txt"]["error"] == "empty file (no text)"
    assert by_path["null.txt"]["error"] == "empty file (no text)"
    assert by_path["binary.txt"]["error"] == "binary file (contains NUL bytes), not text"
    assert by_path["page.html"]["error"] is None
    assert json.loads(by_path["page.html"]["record"])["source"]["format"] == "html"
    assert by_path["nothing.html"]["error"] == "the page holds no article text"


def test_string_column_without_paths(spark):
    from newsparse.spark import extract_dataframe

    df = spark.createDataFrame(
        [("Kestrel Lines names Ilsa Donnet chief\n\nIlsa Donnet will lead Kestrel Lines, "
          "the company said on Monday.\n",)],
        "text string",
    )
    (row,) = extract_dataframe(df).collect()
    assert row["error"] is None and row["path"] is None
    assert json.loads(row["record"])["source"]["path"] == "-"
    with pytest.raises(ValueError, match="no column"):
        extract_dataframe(df, text_col="body")


def test_example_job_writes_jsonl_by_month(spark, repo, tmp_path):
    sys.path.insert(0, str(REPO / "examples"))
    try:
        import spark_extract
    finally:
        sys.path.pop(0)
    src = tmp_path / "articles"
    (src / "world").mkdir(parents=True)
    shutil.copy(next((repo / "inputs").glob("*.txt")), src / "world" / "a.txt")
    (src / "dated.txt").write_text(
        "Velmora opens its new harbour\n\nPublished 3 May 2024\n\n"
        "The town of Velmora opened its new harbour on Friday, mayor Anna Corvel said.\n",
        encoding="utf-8",
    )
    (src / "bad.txt").write_bytes(b"\xff\xfeT\x00")
    (src / "notes.md").write_text("not an article", encoding="utf-8")
    args = spark_extract.parse_args([str(src), str(tmp_path / "out"), "--format", "jsonl"])
    rows, errors = spark_extract.run(spark, args)
    assert (rows, errors) == (3, 1)
    parts = {p.parent.name for p in (tmp_path / "out").rglob("*.json")}
    assert "month=error" in parts and len(parts) >= 2
    lines = [json.loads(line) for f in (tmp_path / "out").rglob("*.json")
             for line in f.read_text(encoding="utf-8").splitlines()]
    assert sorted(os.path.basename(r["path"]) for r in lines) == ["a.txt", "bad.txt", "dated.txt"]
    recorded = [json.loads(r["record"]) for r in lines if r.get("record")]
    assert {os.path.basename(r["source"]["path"]) for r in recorded} == {"a.txt", "dated.txt"}
