"""Stream LL2 records out of a JSON file without loading it whole.

A file may hold one object, a page envelope (``count/next/previous/results``) or a bare
array of objects. Records are yielded one at a time with their JSON path, so memory stays
bounded by the largest single record, not by the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

import ijson

from ingest.errors import IngestError


@dataclass(frozen=True)
class Record:
    path: str
    value: Any
    page_url: str | None  # the envelope's next/previous link, a hint for the endpoint


def iter_records(stream: IO[bytes]) -> Iterator[Record]:
    events = ijson.parse(stream, use_float=True)
    where = ""
    try:
        first = next(events, None)
        if first is None:
            raise IngestError("", "empty file: expected a JSON object or array")
        _, event, _ = first
        if event == "start_array":
            for index, value in enumerate(_array_items(events, "item")):
                where = f"[{index}]"
                yield Record(where, value, None)
        elif event == "start_map":
            yield from _map_records(events)
        else:
            raise IngestError("", "expected a JSON object or array at the top level")
        trailing = next(events, None)
        if trailing is not None:
            raise IngestError("", "unexpected data after the top-level JSON value")
    except ijson.JSONError as error:
        raise IngestError(where, f"invalid JSON: {_reason(error)}") from None


def _map_records(events: Iterator[tuple[str, str, Any]]) -> Iterator[Record]:
    top: dict[str, Any] = {}
    streamed = False
    index = -1
    try:
        for prefix, event, value in events:
            if event == "end_map" and prefix == "":
                break
            if event != "map_key":
                continue
            key = value
            if key == "results":
                _, start, _ = next(events)
                if start == "start_array":
                    streamed = True
                    hint = top.get("next") or top.get("previous")
                    for index, item in enumerate(_array_items(events, "results.item")):
                        yield Record(f"results[{index}]", item, hint)
                    continue
                top[key] = _build(events, start, None, "results")
            else:
                _, start, scalar = next(events)
                top[key] = _build(events, start, scalar, key)
    except ijson.JSONError as error:
        where = f"results[{index + 1}]" if streamed or index >= 0 else ""
        raise IngestError(where, f"invalid JSON: {_reason(error)}") from None
    if not streamed:
        if "results" in top and "count" in top:
            raise IngestError("results", "expected an array of objects")
        yield Record("", top, None)


def _array_items(events: Iterator[tuple[str, str, Any]], prefix: str) -> Iterator[Any]:
    """Build each item of the array whose items live at ``prefix``; stop at its end."""
    for item_prefix, event, value in events:
        if event == "end_array":
            return
        yield _build(events, event, value, item_prefix)


def _build(events: Iterator[tuple[str, str, Any]], event: str, value: Any, prefix: str) -> Any:
    if event not in ("start_map", "start_array"):
        return value
    builder = ijson.ObjectBuilder()
    builder.event(event, value)
    depth = 1
    for _, inner_event, inner_value in events:
        builder.event(inner_event, inner_value)
        if inner_event in ("start_map", "start_array"):
            depth += 1
        elif inner_event in ("end_map", "end_array"):
            depth -= 1
            if depth == 0:
                return builder.value
    raise ijson.IncompleteJSONError("truncated file")


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:200]
