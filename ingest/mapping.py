"""Per-table maps from LL2 keys to columns, built once from the store's metadata."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Date, Float, String, Table, Text

from ingest.specs import CHILDREN, Child
from store.tables import metadata
from store.types import UTCDateTime


class BadValue(ValueError):
    """A JSON value of the wrong type for its column; the message says what was expected."""


def _describe(value: Any) -> str:
    import orjson

    text = orjson.dumps(value).decode()
    return text if len(text) <= 60 else text[:57] + "..."


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadValue(f"expected integer, got {_describe(value)}")
    return value


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BadValue(f"expected number, got {_describe(value)}")
    return float(value)


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise BadValue(f"expected boolean, got {_describe(value)}")
    return value


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise BadValue(f"expected string, got {_describe(value)}")
    return value


def _moment(value: Any) -> datetime:
    try:
        parsed = datetime.fromisoformat(_string(value))
    except ValueError:
        raise BadValue(f"expected ISO-8601 date-time, got {_describe(value)}") from None
    if parsed.tzinfo is None:
        raise BadValue(f"expected a date-time with a timezone, got {_describe(value)}")
    return parsed


def _day(value: Any) -> date:
    try:
        return date.fromisoformat(_string(value))
    except ValueError:
        raise BadValue(f"expected ISO-8601 date, got {_describe(value)}") from None


def _json(value: Any) -> Any:
    if not isinstance(value, (list, dict)):
        raise BadValue(f"expected array or object, got {_describe(value)}")
    return value


def converter(column_type: Any) -> Callable[[Any], Any]:
    """The JSON → Python conversion (and type check) for a column type."""
    for kind, convert in (
        (UTCDateTime, _moment),
        (BigInteger, _integer),
        (Float, _number),
        (Boolean, _flag),
        (Date, _day),
        (JSON, _json),
        (String, _string),
        (Text, _string),
    ):
        if isinstance(column_type, kind):
            return convert
    raise TypeError(f"no LL2 converter for column type {column_type!r}")


VERBATIM: dict[Callable[[Any], Any], type] = {
    _string: str,
    _integer: int,
    _number: float,
    _flag: bool,
}


@dataclass(frozen=True)
class TableMap:
    table: Table
    convert_id: Callable[[Any], Any]
    scalars: Mapping[str, Callable[[Any], Any]]  # LL2 key (= column) -> converter
    refs: Mapping[str, tuple[str, str]]  # LL2 key -> (column, target table)
    links: Mapping[str, Table]  # LL2 key -> association table
    children: Mapping[str, Child]
    has_last_updated: bool
    # LL2 key -> the Python type a value may be stored as without conversion
    verbatim: Mapping[str, type]


def _id_converter(table: Table) -> Callable[[Any], Any]:
    if isinstance(table.c.id.type, String):

        def uuid_text(value: Any) -> str:
            import uuid

            try:
                return str(uuid.UUID(_string(value)))
            except ValueError:
                raise BadValue(f"expected UUID, got {_describe(value)}") from None

        return uuid_text
    return _integer


@cache
def table_map(name: str) -> TableMap:
    table = metadata.tables[name]
    scalars: dict[str, Callable[[Any], Any]] = {}
    refs: dict[str, tuple[str, str]] = {}
    for column in table.columns:
        if column.name in ("id", "extra"):
            continue
        if column.foreign_keys:
            key = column.info.get("ll2")
            if key:
                target = next(iter(column.foreign_keys)).column.table.name
                refs[key] = (column.name, target)
            continue
        if "ll2" in column.info and column.info["ll2"] is None:
            continue  # set by ingest (a list position, the API version), not read from a key
        scalars[column.name] = converter(column.type)
    links = {
        link.info["link"]["key"]: link
        for link in metadata.tables.values()
        if "link" in link.info and link.info["link"]["owner"] == name
    }
    return TableMap(
        table=table,
        convert_id=_id_converter(table),
        scalars=scalars,
        refs=refs,
        links=links,
        children={child.key: child for child in CHILDREN.get(name, ())},
        has_last_updated="last_updated" in table.c,
        verbatim={
            key: VERBATIM[convert] for key, convert in scalars.items() if convert in VERBATIM
        },
    )
