#!/usr/bin/env python3
"""Throughput of the Python package and the Spark job against the CLI.

1. `newsparse extract BBC --jsonl FILE -j 2` (the CLI) against
   `newsparse.extract_many(((path, bytes) ...), jobs=2)` over the same files,
   reading the files inside the timing in both: articles/s, best and median
   of R interleaved rounds (target: the package within 10% of the CLI).
2. The Spark job (`newsparse.spark.extract_dataframe` over `binaryFile`
   input, records written as JSON Lines) in `local[2]`: SparkSession start-up,
   then wall clock per run for 1, 2, 4, 8... partitions (the overhead over the
   CLI, and how it scales with partitions).

    cargo build --release
    pip install maturin pyspark pyarrow 'pandas<3'
    maturin build --release -m crates/python/Cargo.toml --out /tmp/wheels
    pip install /tmp/wheels/newsparse-*.whl
    python benches/python.py [--rounds 3] [--partitions 1,2,4,8] [--no-spark]

NEWSPARSE_BIN overrides the binary, BBC_DIR the articles. Output goes to
/dev/shm when there is one (BENCH_DIR overrides), as in benches/extract.sh.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--partitions", default="1,2,4,8")
    p.add_argument("--spark-rounds", type=int, default=2)
    p.add_argument("--no-spark", action="store_true")
    return p.parse_args()


def main():
    args = parse_args()
    import newsparse

    target = os.environ.get("CARGO_TARGET_DIR", str(ROOT / "target"))
    cli = Path(os.environ.get("NEWSPARSE_BIN", Path(target) / "release" / "newsparse"))
    bbc = Path(os.environ.get("BBC_DIR", ROOT.parent / "shared" / "data" / "bbc"))
    if not cli.is_file():
        sys.exit(f"no CLI at {cli}: cargo build --release (or set NEWSPARSE_BIN)")
    if not bbc.is_dir():
        sys.exit(f"no articles at {bbc} (set BBC_DIR)")
    base = os.environ.get("BENCH_DIR") or ("/dev/shm" if os.access("/dev/shm", os.W_OK) else None)
    work = Path(tempfile.mkdtemp(prefix="newsparse-pybench.", dir=base))
    try:
        files = sorted(bbc.rglob("*.txt"))
        n = len(files)
        mb = sum(f.stat().st_size for f in files) / 1e6
        print(f"corpus: {n} articles, {mb:.2f} MB ({bbc}); output: {work}")
        print(f"CLI: {cli}; newsparse {newsparse.__version__} at {Path(newsparse.__file__).parent}")
        load = os.getloadavg()
        print(f"load average: {load[0]:.2f} {load[1]:.2f} on {os.cpu_count()} cores")
        for f in files:  # warm the page cache
            f.read_bytes()

        def cpu(who):
            r = resource.getrusage(who)
            return r.ru_utime + r.ru_stime

        def run_cli():
            out = work / "cli.jsonl"
            t, c = time.perf_counter(), cpu(resource.RUSAGE_CHILDREN)
            subprocess.run([str(cli), "extract", "-q", "-j", str(args.jobs), "--jsonl", str(out),
                            str(bbc)], check=True)
            return time.perf_counter() - t, cpu(resource.RUSAGE_CHILDREN) - c

        def run_py():
            t, c = time.perf_counter(), cpu(resource.RUSAGE_SELF)
            pairs = ((str(f), f.read_bytes()) for f in files)
            count = sum(1 for _ in newsparse.extract_many(pairs, jobs=args.jobs))
            assert count == n
            return time.perf_counter() - t, cpu(resource.RUSAGE_SELF) - c

        run_py()  # warm-up: the model, the pool
        times = {"cli": [], "extract_many": []}
        for _ in range(args.rounds):
            times["cli"].append(run_cli())
            times["extract_many"].append(run_py())
        print(f"\n1. jobs={args.jobs}, {args.rounds} interleaved rounds: articles/s of wall "
              "clock, best / median; CPU seconds (user+sys, all threads), best / median")
        rate = {}
        for name, runs in times.items():
            walls, cpus = [w for w, _ in runs], [c for _, c in runs]
            best, med = n / min(walls), n / statistics.median(walls)
            rate[name] = (best, med, min(cpus), statistics.median(cpus))
            print(f"   {name:13} {best:5.0f} / {med:5.0f} articles/s   "
                  f"CPU {min(cpus):5.2f} / {statistics.median(cpus):5.2f} s")
        py, cl = rate["extract_many"], rate["cli"]
        print(f"   extract_many / CLI: throughput {py[0] / cl[0]:.1%} best, "
              f"{py[1] / cl[1]:.1%} median; "
              f"CPU {py[2] / cl[2]:.1%} best, {py[3] / cl[3]:.1%} median")
        cli_best = min(w for w, _ in times["cli"])
        cli_cpu = min(c for _, c in times["cli"])

        if not args.no_spark:
            spark_bench(args, bbc, n, work, cli_best, cli_cpu)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def tree_cpu(root: int) -> float:
    """CPU seconds (user+sys) of a process and all its descendants, living
    and reaped: the driver, the JVM and the Python workers it forks."""
    tick = os.sysconf("SC_CLK_TCK")
    parent, cpu = {}, {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(d)] = int(fields[1])
        # utime, stime, cutime, cstime (fields 14-17 of stat)
        cpu[int(d)] = sum(int(x) for x in fields[11:15]) / tick
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += cpu.get(pid, 0.0)
        todo.extend(p for p, pp in parent.items() if pp == pid)
    return total


def spark_bench(args, bbc, n, work, cli_best, cli_cpu):
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from newsparse.spark import extract_dataframe

    t = time.perf_counter()
    spark = (SparkSession.builder.master("local[2]").appName("newsparse-bench")
             .config("spark.ui.enabled", "false").config("spark.driver.memory", "2g")
             .config("spark.ui.showConsoleProgress", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    startup = time.perf_counter() - t
    print(f"\n2. Spark local[2] (binaryFile -> extract_dataframe -> JSON Lines), "
          f"best of {args.spark_rounds}; session start-up {startup:.1f} s (not counted)")
    print(f"   CLI -j {args.jobs} best: {cli_best:.2f} s = {n / cli_best:.0f} articles/s, "
          f"CPU {cli_cpu:.2f} s")
    def read(parts):
        return (spark.read.format("binaryFile").option("recursiveFileLookup", "true")
                .option("pathGlobFilter", "*.txt").load(str(bbc))
                .select("path", "content").repartition(parts))

    try:
        # Spark alone: the same read, shuffle and write with no extraction.
        io = []
        for _ in range(2):  # the first run also warms the JVM
            t, c = time.perf_counter(), tree_cpu(os.getpid())
            read(2).select("path").write.mode("overwrite").text(str(work / "spark-io"))
            io.append((time.perf_counter() - t, tree_cpu(os.getpid()) - c))
        print(f"   Spark I/O alone (read, 2 partitions, write paths): {min(io)[0]:.2f} s, "
              f"CPU {min(io)[1]:.2f} s")
        for parts in [int(p) for p in args.partitions.split(",")]:
            runs = []
            for r in range(args.spark_rounds):
                df = read(parts)
                out = work / f"spark-{parts}-{r}"
                t, c = time.perf_counter(), tree_cpu(os.getpid())
                records = extract_dataframe(df, text_col="content", path_col="path")
                records.select("record").write.mode("overwrite").text(str(out))
                runs.append((time.perf_counter() - t, tree_cpu(os.getpid()) - c))
                written = sum(1 for f in out.glob("part-*") for _ in f.open("rb"))
                assert written == n, f"{written} records, expected {n}"
                shutil.rmtree(out, ignore_errors=True)
            best = min(w for w, _ in runs)
            cpu = min(c for _, c in runs)
            print(f"   {parts:3} partitions: {best:6.2f} s = {n / best:5.0f} articles/s "
                  f"({best / cli_best:.2f}x the CLI's time); CPU {cpu:.2f} s "
                  f"({cpu / cli_cpu:.2f}x the CLI's)")
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
