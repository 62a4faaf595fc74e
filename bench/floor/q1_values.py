"""Q1's value serialization, as flightgraph serializes: DateTime, Date, booleans (SQLite
hands back 0/1), the JSON-kept info/video link lists; and per-request memoization of shapes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import orjson

Shaped = dict[str, Any] | None


def _ts(value: datetime | str | None) -> str | None:
    """flightgraph's DateTime: UTC, ISO-8601, ``Z``. SQLite hands back the stored text."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _b(value: Any) -> bool | None:
    """SQLite hands booleans back as 0/1 (the statements are untyped text)."""
    return None if value is None else bool(value)


def _day(value: date | str | None) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else value.isoformat()


def _json(value: Any) -> Any:
    return orjson.loads(value) if isinstance(value, str | bytes) else value


def _moment(value: Any) -> str | None:
    """A timestamp inside a JSON value: flightgraph keeps only well-formed, aware ones."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return None
    return parsed.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _lookup(value: Any, *names: str) -> Shaped:
    if not isinstance(value, dict):
        return None
    return {"id": value.get("id"), **{name: value.get(name) for name in names}}


def _info_urls(value: Any) -> list[Shaped] | None:
    items = _json(value)
    if items is None:
        return None
    return [
        {
            "priority": v.get("priority"),
            "source": v.get("source"),
            "title": v.get("title"),
            "description": v.get("description"),
            "feature_image": v.get("feature_image"),
            "url": v.get("url"),
            "type": _lookup(v.get("type"), "name"),
            "language": _lookup(v.get("language"), "name", "code"),
        }
        for v in items
        if isinstance(v, dict)
    ]


def _vid_urls(value: Any) -> list[Shaped] | None:
    items = _json(value)
    if items is None:
        return None
    return [
        {
            "priority": v.get("priority"),
            "source": v.get("source"),
            "publisher": v.get("publisher"),
            "title": v.get("title"),
            "description": v.get("description"),
            "feature_image": v.get("feature_image"),
            "url": v.get("url"),
            "type": _lookup(v.get("type"), "name"),
            "language": _lookup(v.get("language"), "name", "code"),
            "start_time": _moment(v.get("start_time")),
            "end_time": _moment(v.get("end_time")),
            "live": v.get("live"),
        }
        for v in items
        if isinstance(v, dict)
    ]


def _memoized(method: Any) -> Any:
    """Shape each (fragment, arguments) once per request: LL2 repeats agencies, pads,
    images… across flights, and orjson writes a shared dict wherever it appears."""
    kind = method.__name__

    def shaped(self: Any, key: Any, *args: Any) -> Shaped:
        if key is None:
            return None
        memo_key = (kind, key, *args)
        found = self.memo.get(memo_key, False)
        if found is False:
            found = self.memo[memo_key] = method(self, key, *args)
        return found

    return shaped
