"""Stream LL2 records out of a JSON file without loading it whole.

A file may hold one object, a page envelope (``count/next/previous/results``) or a bare
array of objects. Files up to ``WHOLE_FILE_LIMIT`` (an LL2 page of 100 detailed records is
about 1.5 MB) are parsed whole by orjson, the fastest parser at hand. Larger ones are
streamed: a shallow pass reads the top-level structure, then ijson builds one record at a
time, so memory stays bounded by the largest record. Bad JSON is always located by the
streaming parser, so the error names the record it broke in.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

import ijson
import orjson

from ingest.errors import IngestError


@dataclass(frozen=True)
class Record:
    path: str
    value: Any
    page_url: str | None  # the envelope's next/previous link, a hint for the endpoint


@dataclass(frozen=True)
class Layout:
    kind: str  # "array" | "envelope" | "object"
    page_url: str | None = None


WHOLE_FILE_LIMIT = 16 * 1024 * 1024


def iter_records(stream: IO[bytes], size: int | None = None) -> Iterator[Record]:
    if size is not None and size <= WHOLE_FILE_LIMIT:
        try:
            document = orjson.loads(stream.read())
        except orjson.JSONDecodeError:
            stream.seek(0)  # let the streaming parser say where it broke
        else:
            yield from _records_of(document)
            return
    layout = _layout(stream)
    stream.seek(0)
    if layout.kind == "object":
        prefix, label = "", ""
    elif layout.kind == "array":
        prefix, label = "item", ""
    else:
        prefix, label = "results.item", "results"
    done = 0
    try:
        for value in ijson.items(stream, prefix, use_float=True):
            where = f"{label}[{done}]" if prefix else ""
            yield Record(where, value, layout.page_url)
            done += 1
    except ijson.JSONError as error:
        where = f"{label}[{done}]" if prefix else ""
        raise IngestError(where, f"invalid JSON: {_reason(error)}") from None


def _records_of(document: Any) -> Iterator[Record]:
    if isinstance(document, list):
        for index, value in enumerate(document):
            yield Record(f"[{index}]", value, None)
    elif isinstance(document, dict) and "results" in document:
        results = document["results"]
        if not isinstance(results, list):
            raise IngestError("results", "expected an array of objects")
        hint = document.get("next") or document.get("previous")
        hint = hint if isinstance(hint, str) else None
        for index, value in enumerate(results):
            yield Record(f"results[{index}]", value, hint)
    elif isinstance(document, dict):
        yield Record("", document, None)
    else:
        raise IngestError("", "expected a JSON object or array at the top level")


def _layout(stream: IO[bytes]) -> Layout:
    """Top-level shape of the file, reading no further than the start of ``results``."""
    events = ijson.parse(stream, use_float=True)
    hints: dict[str, str] = {}
    try:
        first = next(events, None)
        if first is None:
            raise IngestError("", "empty file: expected a JSON object or array")
        if first[1] == "start_array":
            return Layout("array")
        if first[1] != "start_map":
            raise IngestError("", "expected a JSON object or array at the top level")
        depth, key = 1, None
        for _, event, value in events:
            if depth == 1 and event == "map_key":
                key = value
                if key == "results":
                    _, start, _ = next(events)
                    if start != "start_array":
                        raise IngestError("results", "expected an array of objects")
                    return Layout("envelope", hints.get("next") or hints.get("previous"))
            elif event in ("start_map", "start_array"):
                depth += 1
            elif event in ("end_map", "end_array"):
                depth -= 1
                if depth == 0:
                    return Layout("object")
            elif depth == 1 and key in ("next", "previous") and isinstance(value, str):
                hints[key] = value
    except ijson.JSONError as error:
        raise IngestError("", f"invalid JSON: {_reason(error)}") from None
    raise IngestError("", "invalid JSON: premature end of file")


def _reason(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0][:200] if text else type(error).__name__
