"""newsparse: news articles in, span-grounded JSON records out.

Each record names the article's title, subtitle, byline, dateline and
publication date, its photos, the people, organizations and places it
mentions (every mention with its span), its quotes with their speakers, and
its events (ACE 2005 types) with participants, place and time. Every span is
a pair of Unicode code-point offsets into the text you gave, the same as
Python's ``str`` slicing::

    >>> import newsparse
    >>> text = open("article.txt", encoding="utf-8").read()
    >>> record = newsparse.extract(text, path="article.txt")
    >>> person = record["people"][0]
    >>> m = person["mentions"][0]
    >>> text[m["start"]:m["end"]] == m["text"]
    True

The record is the same, key for key, as the one ``newsparse extract`` writes
for the same bytes and path (its JSON Schema: :func:`schema`).

Functions:

- :func:`extract` -- one article (``str`` or ``bytes``, plain text or HTML);
- :func:`extract_many` -- an iterator of records over many articles, on all
  cores with the GIL released, in bounded memory;
- :func:`validate` -- the problems of a record (empty when valid);
- :func:`schema` -- the record's JSON Schema.

Errors: :class:`InputError` (a ``ValueError``) for input that is not an
article (empty, binary, not UTF-8, too large, an HTML page without article
text), with the same reason the command line prints; :class:`InternalError`
(a ``RuntimeError``) for a bug inside newsparse. Neither ever takes the
interpreter down.

For Apache Spark, see :mod:`newsparse.spark`.
"""

from __future__ import annotations

import json as _json
from itertools import islice as _islice
from typing import Any, Dict, Iterable, Iterator, List, NamedTuple, Optional, Tuple, Union

from . import _newsparse
from ._newsparse import InputError, InternalError

__all__ = [
    "extract",
    "extract_many",
    "validate",
    "schema",
    "review_html",
    "Problem",
    "InputError",
    "InternalError",
    "DEFAULT_MAX_BYTES",
    "__version__",
]

__version__: str = _newsparse.VERSION

#: The largest input accepted by default, in bytes (10 MiB, as the command
#: line's ``--max-bytes``).
DEFAULT_MAX_BYTES: int = _newsparse.DEFAULT_MAX_BYTES

Text = Union[str, bytes, bytearray]

_FORMATS = ("text", "html")

# Inputs in flight per worker thread in extract_many: enough to keep every
# worker busy while the caller consumes records, few enough to bound memory.
_WINDOW_PER_JOB = 64


class Problem(NamedTuple):
    """One way a record breaks the contract.

    ``pointer`` is a JSON Pointer (RFC 6901) to the offending value ("" is
    the whole record), ``message`` says what is wrong with it.
    """

    pointer: str
    message: str


def _check_format(format: str) -> None:
    if format not in _FORMATS:
        raise ValueError(f'format must be "text" or "html", not {format!r}')


def extract(
    text: Text,
    *,
    path: Optional[str] = None,
    format: str = "text",
    url: Optional[str] = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str = "utf-8",
) -> Dict[str, Any]:
    """Extract one article's record.

    Args:
        text: The article, as ``str`` or as UTF-8 ``bytes`` (a file's bytes
            as read: a byte-order mark, CR LF and non-breaking spaces are
            kept, and spans index the text exactly as given).
        path: What the record's ``source.path`` says; ``None`` gives ``"-"``
            (as for standard input on the command line). Pass the same path
            as ``newsparse extract FILE`` was given to get the same record.
        format: ``"text"`` (a raw article) or ``"html"`` (a web page: its
            article is found and rendered as text, which the record carries
            in ``text`` and which every span indexes).
        url: For ``"html"``: the page's URL for ``source.url`` (by default
            the canonical URL the page gives, if any).
        max_bytes: Refuse larger inputs (the command line's ``--max-bytes``).
        encoding: For plain text given as ``bytes``: the command line's
            ``--encoding`` (``"utf-8"``, strict, by default; a label such as
            ``"windows-1252"``; or ``"auto"`` to guess). HTML ``bytes`` are
            decoded as the command line decodes a page (byte-order mark,
            ``<meta charset>``, else UTF-8 or a guess) and may be gzipped.
            A ``str`` is text already and is never re-decoded.

    Returns:
        The record as a ``dict`` (``json.dumps`` gives the command line's
        JSON): ``id`` (from the bytes' sha256), ``source``, ``article``
        (title, subtitle, byline, published, dateline, counts, spans),
        ``photos``, ``people``, ``organizations``, ``places``, ``quotes``,
        ``events`` and ``warnings``. It has been validated against
        :func:`schema` and the contract's invariants.

    Raises:
        InputError: the input is not an article; the message is the command
            line's reason, e.g. ``"empty file (no text)"`` or
            ``"not UTF-8 text (invalid byte at offset 1187)"``.
        InternalError: a bug in newsparse (no record is returned).
        TypeError: ``text`` is neither ``str`` nor ``bytes``.

    The work runs in Rust with the GIL released, so several Python threads
    can extract at once; for many articles :func:`extract_many` is simpler.

    Example::

        >>> r = newsparse.extract("Mayor opens Velmora bridge\\n\\n"
        ...                       "The mayor of Velmora, Anna Corvel, opened the bridge.")
        >>> r["article"]["title"]
        'Mayor opens Velmora bridge'
    """
    _check_format(format)
    return _json.loads(_newsparse.extract_one(text, path, format, url, max_bytes, encoding))


def extract_many(
    items: Iterable[Union[Text, Tuple[Optional[str], Text]]],
    *,
    jobs: Optional[int] = None,
    ordered: bool = True,
    format: str = "text",
    errors: str = "raise",
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str = "utf-8",
) -> Iterator[Dict[str, Any]]:
    """Extract many articles in parallel: an iterator of records.

    Args:
        items: Any iterable (a list, a generator reading files...) of texts
            (``str`` or ``bytes``) or of ``(path, text)`` pairs; ``path`` is
            the record's ``source.path`` (``None`` gives ``"-"``).
        jobs: Worker threads (default: one per core). The work runs in Rust
            on these threads with the GIL released.
        ordered: ``True`` yields records in input order; ``False`` yields
            each as soon as it is done (faster when articles differ in size;
            use ``record["source"]["path"]`` to tell them apart).
        format: ``"text"`` or ``"html"``, for every item (see :func:`extract`).
        errors: ``"raise"`` raises :class:`InputError` (or
            :class:`InternalError`) at a bad item, which ends the iteration;
            ``"yield"`` yields the exception object in the item's place and
            goes on (``isinstance(r, Exception)`` tells them apart).
        max_bytes: Refuse larger inputs, as in :func:`extract`.
        encoding: How ``bytes`` texts are decoded, as in :func:`extract`.

    Yields:
        One record per item, the same ``dict`` :func:`extract` returns.

    Memory stays bounded whatever the number of items: the iterable is read
    lazily, at most ``64 * jobs`` items are in flight (read, being worked on,
    or done and waiting for their turn), and records are made only as fast as
    you consume them.

    Example::

        >>> from pathlib import Path
        >>> files = sorted(Path("corpus").rglob("*.txt"))
        >>> pairs = ((str(p), p.read_bytes()) for p in files)
        >>> for record in newsparse.extract_many(pairs, jobs=4):
        ...     print(record["source"]["path"], record["article"]["title"])
    """
    _check_format(format)
    if errors not in ("raise", "yield"):
        raise ValueError(f'errors must be "raise" or "yield", not {errors!r}')
    if jobs is not None and jobs < 1:
        raise ValueError("jobs must be at least 1")
    return _run(items, jobs, ordered, errors == "raise", max_bytes, lambda _item: format, False,
                encoding)


def _as_pair(item: Any) -> Tuple[Optional[str], Any]:
    if isinstance(item, tuple):
        if len(item) != 2:
            raise TypeError("an item must be a text or a (path, text) pair")
        return item
    return None, item


def _run(items, jobs, ordered, raise_errors, max_bytes, format_of, as_row, encoding="utf-8"):
    """The generator behind extract_many (and newsparse.spark): a window of
    items in flight on a Runner, results yielded in order or as they come."""
    runner = _newsparse.Runner(jobs, max_bytes, as_row, encoding)
    # Records come back as their JSON text (made on the workers) and become
    # dicts here; newsparse.spark's rows come back as dicts already.
    settle = (lambda r: r) if as_row else _record_of
    window = _WINDOW_PER_JOB * runner.jobs
    source = iter(items)
    submitted = 0  # items handed to the runner
    yielded = 0  # items given back to the caller
    waiting: Dict[int, Any] = {}  # done, not yet their turn (ordered)
    exhausted = False
    while True:
        if not exhausted and submitted - yielded < window:
            batch = []
            for item in _islice(source, window - (submitted - yielded)):
                path, text = _as_pair(item)
                batch.append((submitted + len(batch), path, text, format_of((path, text))))
            if batch:
                runner.submit(batch)
                submitted += len(batch)
            else:
                exhausted = True
        if runner.pending == 0 and not waiting:
            if exhausted:
                return
            continue
        for index, result in runner.collect():
            if ordered:
                waiting[index] = result
            else:
                yielded += 1
                yield _settle(result, raise_errors, settle)
        while yielded in waiting:
            result = waiting.pop(yielded)
            yielded += 1
            yield _settle(result, raise_errors, settle)


def _record_of(json_text: str) -> Dict[str, Any]:
    return _json.loads(json_text)


def _settle(result, raise_errors, settle):
    if isinstance(result, Exception):
        if raise_errors:
            raise result
        return result
    return settle(result)


def validate(record: Union[Dict[str, Any], str, bytes]) -> List[Problem]:
    """Check a record against the schema and the contract's invariants.

    Args:
        record: A record as a ``dict`` (as :func:`extract` returns it, or
            ``json.load`` reads it) or as JSON text (``str`` or ``bytes``).

    Returns:
        A list of :class:`Problem` ``(pointer, message)``, empty when the
        record is valid: what ``newsparse validate`` reports for it, less the
        file positions. JSON text that does not parse gives one problem at
        pointer ``""`` whose message starts with ``"not JSON"``.

    Example::

        >>> r = newsparse.extract(text)
        >>> newsparse.validate(r)
        []
        >>> r["people"][0]["mentions"][0]["start"] = -1
        >>> newsparse.validate(r)[0].pointer
        '/people/0/mentions/0/start'
    """
    if isinstance(record, (bytes, bytearray)):
        record = bytes(record).decode("utf-8", errors="replace")
    if not isinstance(record, str):
        record = _json.dumps(record, ensure_ascii=False, allow_nan=False)
    return [Problem(p, m) for p, m in _newsparse.check(record)]


def review_html(
    record: Union[Dict[str, Any], str, bytes], text: Optional[str] = None
) -> str:
    """The review page of a record, as a self-contained HTML document.

    The page is what ``newsparse review`` writes: the article text with every
    span marked (people, organizations, places, quotes, event triggers,
    title, captions), lists to select them, validation problems shown where
    they are, the record's JSON folded. Inline style and script, nothing
    fetched.

    Args:
        record: A record as a ``dict`` or JSON text.
        text: The article text the record was made from. Not needed for a
            record that carries its own ``text`` (an HTML or WARC page).

    Returns:
        The page as a ``str``. In a notebook, show it in a frame so that its
        script runs::

            >>> import html
            >>> from IPython.display import HTML
            >>> page = newsparse.review_html(r, text)
            >>> HTML(f'<iframe srcdoc="{html.escape(page)}" width="100%" height="600"></iframe>')

    Raises:
        ValueError: the record is not JSON, or it has no text and none is given.
    """
    if isinstance(record, (bytes, bytearray)):
        record = bytes(record).decode("utf-8", errors="replace")
    if not isinstance(record, str):
        record = _json.dumps(record, ensure_ascii=False, allow_nan=False)
    return _newsparse.review_page(record, text)


def schema() -> Dict[str, Any]:
    """The record's JSON Schema (draft 2020-12), as a new ``dict``.

    The same document ``newsparse schema`` prints
    (``schemas/article.schema.json`` in the repository). Use it with any
    JSON Schema tool; :func:`validate` checks it and more (unique ids,
    references that resolve, span order).
    """
    return _json.loads(_newsparse.schema_json())
