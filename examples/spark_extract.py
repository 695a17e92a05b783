#!/usr/bin/env python3
"""Extract records from a news archive with Apache Spark.

Reads a directory of articles (``.txt`` and ``.html`` files, searched
recursively) or JSON Lines (one article per line: ``{"path": ..., "text": ...}``),
runs newsparse on the executors, and writes one row per article as Parquet or
JSON Lines, partitioned by the month of publication (``month=2004-12``;
``month=unknown`` for articles without a dated month, ``month=error`` for
inputs that gave no record, with the reason in ``error``).

    spark-submit examples/spark_extract.py inputs/ out/ --format jsonl
    spark-submit --master 'local[2]' examples/spark_extract.py ../shared/data/bbc out/
    spark-submit examples/spark_extract.py archive.jsonl out/ --partitions 64

Every executor needs the newsparse wheel and pyarrow: see the README's
"Python and Spark" section (a packed venv with --archives, or installed on
the workers). The same script runs with plain ``python`` (local mode,
``--master``), which is how the tests and benches/python.sh run it.
"""

from __future__ import annotations

import argparse
import sys


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="a directory of .txt/.html files, or a .jsonl file or directory")
    p.add_argument("output", help="the output directory (replaced)")
    p.add_argument("--format", choices=["parquet", "jsonl"], default="parquet",
                   help="output format (default parquet)")
    p.add_argument("--input-format", choices=["files", "jsonl"], default=None,
                   help="how to read INPUT (default: jsonl for *.jsonl, else files)")
    p.add_argument("--partitions", type=int, default=None,
                   help="repartition the input into N partitions (default: as read; "
                        "a few per executor core is best)")
    p.add_argument("--master", default=None,
                   help="Spark master when run without spark-submit, e.g. 'local[2]'")
    p.add_argument("--jobs", type=int, default=1, help="newsparse threads per Spark task")
    return p.parse_args(argv)


def local_path(col):
    """binaryFile's `file:` URIs as plain paths (percent escapes decoded), so
    that source.path is what `newsparse extract` gives for the same absolute
    path. A Spark expression, not a Python UDF: no extra Python round trip."""
    from pyspark.sql import functions as F

    no_scheme = F.regexp_replace(col, "^file:(//)?", "")
    # url_decode reads '+' as a space; in a path it is a plain '+'.
    return F.url_decode(F.replace(no_scheme, F.lit("+"), F.lit("%2B")))


def read_articles(spark, args):
    """A DataFrame (path string, text binary-or-string), one row per article."""
    from pyspark.sql import functions as F

    jsonl = args.input_format == "jsonl" or (
        args.input_format is None and args.input.endswith(".jsonl")
    )
    if jsonl:
        df = spark.read.schema("path string, text string").json(args.input)
    else:
        df = (
            spark.read.format("binaryFile")
            .option("recursiveFileLookup", "true")
            .option("pathGlobFilter", "*.{txt,html,htm}")
            .load(args.input)
            .select(local_path(F.col("path")).alias("path"), F.col("content").alias("text"))
        )
    if args.partitions:
        df = df.repartition(args.partitions)
    return df


def run(spark, args):
    """Read, extract, write; returns (rows, errors)."""
    from pyspark.sql import functions as F

    from newsparse.spark import extract_dataframe

    articles = read_articles(spark, args)
    records = extract_dataframe(articles, text_col="text", path_col="path",
                                format="auto", jobs=args.jobs)
    records = records.withColumn(
        "month",
        F.when(F.col("error").isNotNull(), F.lit("error"))
        .otherwise(F.coalesce(F.col("month"), F.lit("unknown"))),
    ).cache()
    writer = records.write.mode("overwrite").partitionBy("month")
    if args.format == "parquet":
        writer.parquet(args.output)
    else:
        # Spark's JSON writer: one object per line, in part files per month.
        writer.json(args.output)
    counts = records.agg(F.count("*").alias("rows"),
                         F.count("error").alias("errors")).first()
    records.unpersist()
    return counts["rows"], counts["errors"]


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("newsparse-extract")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        rows, errors = run(spark, args)
    finally:
        spark.stop()
    print(f"{rows} articles, {errors} errors -> {args.output} ({args.format}, by month)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
