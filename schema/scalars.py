"""Custom scalars: LL2-style ``DateTime`` and ``Date``, ISO-8601 ``Duration``, ``BigInt``."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any, NewType

import strawberry
from strawberry.types.scalar import ScalarDefinition

Duration = NewType("Duration", str)
BigInt = NewType("BigInt", int)

# P[n]Y[n]M[n]W[n]DT[n]H[n]M[n]S, each part optional (seconds may be fractional).
_DURATION = re.compile(
    r"^-?P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(?:\.\d+)?S)?)?$"
)


def serialize_datetime(value: datetime) -> str:
    """LL2 writes UTC timestamps with a ``Z``: ``2024-09-06T01:10:00Z``."""
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _parse_datetime(value: Any) -> datetime:
    if not isinstance(value, str):
        raise ValueError(f"DateTime must be a string, got {value!r}")
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError(f"DateTime {value!r} has no timezone (add Z or an offset)")
    try:
        parsed.astimezone(UTC)  # the store compares in UTC
    except OverflowError:
        raise ValueError(f"DateTime {value!r} is out of range in UTC (years 1 to 9999)") from None
    return parsed


def _parse_date(value: Any) -> date:
    if not isinstance(value, str):
        raise ValueError(f"Date must be a string, got {value!r}")
    return date.fromisoformat(value)


def _parse_duration(value: Any) -> str:
    if not isinstance(value, str) or not _DURATION.match(value):
        raise ValueError(f"Duration must be ISO-8601 like 'P266DT10H58M', got {value!r}")
    return value


def _parse_bigint(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"BigInt must be an integer, got {value!r}")
    return value


SCALARS: dict[object, ScalarDefinition] = {
    datetime: strawberry.scalar(
        name="DateTime",
        description="A UTC timestamp, ISO-8601 with a Z as LL2 writes it: 2024-09-06T01:10:00Z.",
        serialize=serialize_datetime,
        parse_value=_parse_datetime,
        specified_by_url="https://datatracker.ietf.org/doc/html/rfc3339",
    ),
    date: strawberry.scalar(
        name="Date",
        description="A calendar date, ISO-8601: 2020-09-04.",
        serialize=date.isoformat,
        parse_value=_parse_date,
    ),
    Duration: strawberry.scalar(
        name="Duration",
        description="A length of time as LL2 gives it, ISO-8601: P266DT10H58M.",
        serialize=str,
        parse_value=_parse_duration,
        specified_by_url="https://en.wikipedia.org/wiki/ISO_8601#Durations",
    ),
    BigInt: strawberry.scalar(
        name="BigInt",
        description="An integer that may not fit in 32 bits (money, masses), as a JSON number.",
        serialize=int,
        parse_value=_parse_bigint,
    ),
}
