"""Shared fixtures: the repository, the command line, the BBC corpus.

The tests compare the package with the `newsparse` binary of the same
checkout: NEWSPARSE_BIN names it, else $CARGO_TARGET_DIR/release/newsparse or
target/release/newsparse is used (`cargo build --release` makes it). The BBC
corpus is ../shared/data/bbc beside the repository (BBC_DIR overrides).
Without either, the tests that need it skip, except under CI=true, where they
fail (as the Rust corpus tests do).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
IN_CI = os.environ.get("CI") == "true"


def missing(what: str):
    if IN_CI:
        pytest.fail(f"{what} (required under CI=true)")
    pytest.skip(what)


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def cli() -> Path:
    candidates = []
    if os.environ.get("NEWSPARSE_BIN"):
        candidates.append(Path(os.environ["NEWSPARSE_BIN"]))
    if os.environ.get("CARGO_TARGET_DIR"):
        candidates.append(Path(os.environ["CARGO_TARGET_DIR"]) / "release" / "newsparse")
    candidates.append(REPO / "target" / "release" / "newsparse")
    for c in candidates:
        if c.is_file() and os.access(c, os.X_OK):
            return c
    missing("no newsparse binary (cargo build --release, or set NEWSPARSE_BIN)")


@pytest.fixture(scope="session")
def bbc_dir() -> Path:
    d = Path(os.environ.get("BBC_DIR", REPO.parent / "shared" / "data" / "bbc"))
    if not d.is_dir():
        missing(f"no BBC corpus at {d}")
    return d


def bbc_sample(bbc_dir: Path, n: int, seed: int = 16) -> list:
    """n BBC article paths, a fixed random sample, as relative-looking
    strings the CLI is given (so source.path matches)."""
    files = sorted(bbc_dir.rglob("*.txt"))
    assert len(files) >= n, f"{bbc_dir} holds {len(files)} articles, fewer than {n}"
    return sorted(random.Random(seed).sample(files, n))


def cli_jsonl(cli: Path, paths, tmp_path: Path, name: str = "cli.jsonl") -> list:
    """The CLI's records (`newsparse extract PATHS --jsonl FILE`), in order."""
    out = tmp_path / name
    run = subprocess.run(
        [str(cli), "extract", "-q", "--jsonl", str(out), *[str(p) for p in paths]],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
