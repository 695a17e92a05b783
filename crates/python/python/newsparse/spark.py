"""newsparse on Apache Spark: one record per article of a DataFrame.

    >>> from pyspark.sql import SparkSession
    >>> from newsparse.spark import extract_dataframe
    >>> spark = SparkSession.builder.master("local[2]").getOrCreate()
    >>> df = spark.read.format("binaryFile").load("articles/*.txt")
    >>> records = extract_dataframe(df, text_col="content", path_col="path")
    >>> records.select("path", "title", "people").show()

:func:`extract_dataframe` runs the extractor in the executors' Python
workers with ``mapInArrow``: each task streams its partition through
:func:`newsparse.extract_many` (Arrow batches in, Arrow batches out), so the
embedded model is loaded once per Python worker (Spark reuses workers across
tasks) and nothing is collected to the driver. Each executor needs the
``newsparse`` wheel and ``pyarrow`` in its Python: install them on the workers,
or ship a packed virtual environment with ``spark.archives`` (the repository's
README shows both).

A malformed input (empty, binary, not UTF-8, too large, an HTML page without
article text) gives a row whose ``error`` column says why and whose record
columns are null: a bad file never fails the job.
"""

from __future__ import annotations

import posixpath
from collections import deque
from typing import TYPE_CHECKING, Deque, Iterator, List, Optional

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa
    from pyspark.sql import DataFrame

__all__ = ["extract_dataframe", "SCHEMA", "record_row"]

#: The columns of :func:`extract_dataframe`'s result, as a Spark DDL string.
#:
#: - ``id``: the record id (from the input bytes' sha256); null for an error row
#: - ``path``: the input's path (``source.path``), from ``path_col`` or null
#: - ``title``, ``subtitle``: the article's title and subtitle
#: - ``published``: the publication date, ISO (``2024-05-03``, ``2024-05`` or ``2024``)
#: - ``month``: ``YYYY-MM`` of ``published`` when it names a month, else null
#: - ``byline``: the byline's names
#: - ``people``, ``organizations``, ``places``: entity names, in id order
#: - ``event_types``: each event's ACE 2005 type (``Conflict.Attack``...), in order
#: - ``quotes``: the number of quotes
#: - ``record``: the whole record as compact JSON (``newsparse extract --jsonl``'s line)
#: - ``error``: why there is no record (the command line's reason), else null
SCHEMA = (
    "id string, path string, title string, subtitle string, published string, "
    "month string, byline array<string>, people array<string>, "
    "organizations array<string>, places array<string>, event_types array<string>, "
    "quotes int, record string, error string"
)

_FIELDS = [
    ("id", "str"),
    ("path", "str"),
    ("title", "str"),
    ("subtitle", "str"),
    ("published", "str"),
    ("month", "str"),
    ("byline", "list"),
    ("people", "list"),
    ("organizations", "list"),
    ("places", "list"),
    ("event_types", "list"),
    ("quotes", "int"),
    ("record", "str"),
    ("error", "str"),
]

# Rows per output Arrow batch.
_BATCH_ROWS = 256


def _names(items) -> List[str]:
    return [e["name"] for e in items]


def record_row(record: dict, json_text: Optional[str] = None, path: Optional[str] = None) -> dict:
    """The row :func:`extract_dataframe` gives for a record (a ``dict`` as
    :func:`newsparse.extract` returns it): ``id``, ``path``, ``title``,
    ``published``, names of people, organizations and places, event types...
    ``record`` is ``json_text`` (the compact JSON) when given."""
    import json

    article = record["article"]
    published = article.get("published")
    byline = article.get("byline") or []
    return {
        "id": record["id"],
        "path": record["source"]["path"] if path is None else path,
        "title": article.get("title"),
        "subtitle": article.get("subtitle"),
        "published": published,
        "month": published[:7] if published and len(published) >= 7 else None,
        "byline": list(byline),
        "people": _names(record["people"]),
        "organizations": _names(record["organizations"]),
        "places": _names(record["places"]),
        "event_types": [e["type"] for e in record["events"]],
        "quotes": len(record["quotes"]),
        "record": json_text
        if json_text is not None
        else json.dumps(record, ensure_ascii=False, separators=(",", ":")),
        "error": None,
    }


def _error_row(path: Optional[str], error: Exception) -> dict:
    row = {name: None for name, _ in _FIELDS}
    row["path"] = path
    row["error"] = str(error)
    return row


def _format_of(format: str):
    if format == "auto":

        def by_extension(pair):
            path = pair[0] or ""
            ext = posixpath.splitext(path.lower())[1]
            return "html" if ext in (".html", ".htm", ".xhtml") else "text"

        return by_extension
    return lambda _pair: format


def _arrow_schema(large: bool) -> "pa.Schema":
    import pyarrow as pa

    s = pa.large_string() if large else pa.string()
    types = {"str": s, "list": pa.large_list(s) if large else pa.list_(s), "int": pa.int32()}
    return pa.schema([(name, types[kind]) for name, kind in _FIELDS])


def _partition(
    batches: Iterator["pa.RecordBatch"],
    text_col: str,
    path_col: Optional[str],
    format: str,
    jobs: int,
    max_bytes: int,
    large: bool,
) -> Iterator["pa.RecordBatch"]:
    """One partition: its Arrow batches through extract_many, rows in order."""
    import pyarrow as pa

    from . import _run

    schema = _arrow_schema(large)

    def items():
        for batch in batches:
            texts = batch.column(batch.schema.get_field_index(text_col)).to_pylist()
            if path_col is None:
                names = [None] * len(texts)
            else:
                names = batch.column(batch.schema.get_field_index(path_col)).to_pylist()
            for path, text in zip(names, texts):
                # A null text is an empty input: an error row, as for an empty file.
                yield (path, b"" if text is None else text)

    # Results come back in input order; each takes its path from here.
    paths: Deque[Optional[str]] = deque()

    def remembered():
        for path, text in items():
            paths.append(path)
            yield path, text

    pending: List[dict] = []
    results = _run(remembered(), jobs, True, False, max_bytes, _format_of(format), True)
    for result in results:
        path = paths.popleft()
        if isinstance(result, Exception):
            pending.append(_error_row(path, result))
        else:
            # The row is made in Rust (see record_row for what it holds).
            result["path"] = path
            pending.append(result)
        if len(pending) >= _BATCH_ROWS:
            yield pa.RecordBatch.from_pylist(pending, schema=schema)
            pending = []
    if pending:
        yield pa.RecordBatch.from_pylist(pending, schema=schema)


def extract_dataframe(
    df: "DataFrame",
    text_col: str = "text",
    path_col: Optional[str] = None,
    format: str = "text",
    *,
    jobs: int = 1,
    max_bytes: Optional[int] = None,
) -> "DataFrame":
    """One row per article of ``df``: the record and its main fields.

    Args:
        df: A DataFrame with a text column (string, or binary as
            ``spark.read.format("binaryFile")`` gives in ``content``).
        text_col: The column holding each article's text or bytes.
        path_col: A column naming each article (``source.path`` and the
            ``path`` column); ``None`` gives ``"-"`` in the record and a null
            ``path``. With ``binaryFile`` input use ``"path"`` (a ``file:``
            URI; strip the scheme first to get the command line's paths).
        format: ``"text"``, ``"html"``, or ``"auto"`` (``.html``/``.htm``
            paths are read as HTML, every other one as text).
        jobs: Threads per Spark task (default 1: Spark runs one task per
            core already; raise it when executors have spare cores).
        max_bytes: Refuse larger inputs (default 10 MiB, the command line's).

    Returns:
        A DataFrame with the columns of :data:`SCHEMA` (``id``, ``path``,
        ``title``, ``subtitle``, ``published``, ``month``, ``byline``,
        ``people``, ``organizations``, ``places``, ``event_types``,
        ``quotes``, ``record``, ``error``), one row per input row, in the
        input's order within each partition. ``record`` is the JSON line
        ``newsparse extract --jsonl`` writes for the same bytes and path.
        A malformed input gives a row with ``error`` set and null record
        columns (``path`` kept), never a failed job.

    Example::

        >>> df = spark.read.text("articles/", wholetext=True) \\
        ...     .withColumn("path", F.input_file_name())
        >>> out = extract_dataframe(df, text_col="value", path_col="path")
        >>> out.where("error IS NULL").groupBy("month").count().show()
    """
    from . import DEFAULT_MAX_BYTES

    if format not in ("text", "html", "auto"):
        raise ValueError(f'format must be "text", "html" or "auto", not {format!r}')
    if format == "auto" and path_col is None:
        raise ValueError('format="auto" reads the extension of path_col: give path_col')
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    for col in (text_col, path_col):
        if col is not None and col not in df.columns:
            raise ValueError(f"no column {col!r} in the DataFrame (it has {df.columns})")
    max_bytes = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    conf = df.sparkSession.conf.get("spark.sql.execution.arrow.useLargeVarTypes", "false")
    large = str(conf).lower() == "true"
    columns = [text_col] + ([path_col] if path_col is not None and path_col != text_col else [])

    def run(batches):
        return _partition(batches, text_col, path_col, format, jobs, max_bytes, large)

    return df.select(*columns).mapInArrow(run, SCHEMA)
