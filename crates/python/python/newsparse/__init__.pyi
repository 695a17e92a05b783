"""Type stubs for newsparse (see the module docstring for the story)."""

from typing import Any, Dict, Iterable, Iterator, List, NamedTuple, Optional, Tuple, Union

Text = Union[str, bytes, bytearray]
Record = Dict[str, Any]

__version__: str
DEFAULT_MAX_BYTES: int

class InputError(ValueError):
    """The input is not an article (empty, binary, not UTF-8, too large, an
    HTML page without article text); the message is the command line's
    reason."""

class InternalError(RuntimeError):
    """A bug in newsparse: a stage panicked or the record failed validation."""

class Problem(NamedTuple):
    """One way a record breaks the contract: a JSON Pointer and a message."""

    pointer: str
    message: str

def extract(
    text: Text,
    *,
    path: Optional[str] = None,
    format: str = "text",
    url: Optional[str] = None,
    max_bytes: int = ...,
    encoding: str = "utf-8",
) -> Record:
    """Extract one article's record (the command line's JSON, as a dict).

    ``format`` is ``"text"`` or ``"html"``; ``path`` is ``source.path``
    (default ``"-"``). Raises InputError with the command line's reason for
    input that is not an article."""

def extract_many(
    items: Iterable[Union[Text, Tuple[Optional[str], Text]]],
    *,
    jobs: Optional[int] = None,
    ordered: bool = True,
    format: str = "text",
    errors: str = "raise",
    max_bytes: int = ...,
    encoding: str = "utf-8",
) -> Iterator[Union[Record, Exception]]:
    """Records of many texts or (path, text) pairs, on ``jobs`` threads with
    the GIL released, in input order (``ordered=True``) or as done, with at
    most ``64 * jobs`` items in flight. ``errors="yield"`` yields the
    exception in a bad item's place instead of raising it."""

def validate(record: Union[Record, str, bytes]) -> List[Problem]:
    """The problems of a record (dict or JSON text); empty when valid."""

def review_html(record: Union[Record, str, bytes], text: Optional[str] = ...) -> str:
    """The review page of a record (self-contained HTML); `text` for a record without its own."""
    ...

def schema() -> Record:
    """The record's JSON Schema (draft 2020-12)."""
