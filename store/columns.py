"""Column and table builders that encode the store's naming rules.

The rules let ingest map LL2 JSON to rows without a per-field table of its own:

* a scalar column is named exactly like the LL2 key it holds;
* ``<key>_id`` with a foreign key holds the id of the nested object under ``<key>``;
* ``owner(...)`` columns are back references filled from an enclosing object, never from a key;
* JSON columns store SQL NULL for None (not JSON ``null``), so ``IS NULL`` means "no value";
* every entity table has ``extra`` (JSON): LL2 keys the store has no column for, so that a field
  LL2 adds tomorrow is kept instead of dropped;
* every entity table has ``api_version``: the LL2 API version whose document last wrote the row
  (2.3.0 is 20300), so that an older version's capture never overwrites a newer one's;
* an association table (``link``) stores an ordered many-to-many list under one LL2 key.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

from store.types import UTCDateTime

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

UUID_LENGTH = 36
# Launches are keyed by UUID text; every other LL2 entity by integer.
STRING_KEYED = {"launches"}


def _key_type(table: str) -> Any:
    return String(UUID_LENGTH) if table in STRING_KEYED else BigInteger()


def text(name: str, index: bool = False) -> Column[Any]:
    return Column(name, Text, index=index)


def integer(name: str, index: bool = False) -> Column[Any]:
    return Column(name, BigInteger, index=index)


def number(name: str) -> Column[Any]:
    return Column(name, Float)


def flag(name: str, index: bool = False) -> Column[Any]:
    return Column(name, Boolean, index=index)


def moment(name: str, index: bool = False) -> Column[Any]:
    return Column(name, UTCDateTime, index=index)


def day(name: str, index: bool = False) -> Column[Any]:
    return Column(name, Date, index=index)


def duration(name: str) -> Column[Any]:
    """An ISO-8601 duration (``P266DT10H58M``), kept as LL2 writes it."""
    return Column(name, Text, info={"kind": "duration"})


def values(name: str) -> Column[Any]:
    """A list of value objects with no identity of their own, kept as JSON."""
    return Column(name, JSON(none_as_null=True))


def ref(key: str, target: str) -> Column[Any]:
    """Foreign key for the nested object under LL2 key ``key``."""
    return Column(f"{key}_id", _key_type(target), _fk(target), index=True, info={"ll2": key})


def listed(name: str = "position") -> Column[Any]:
    """The row's place in its owner's list, as LL2 gave the list (set by ingest)."""
    return Column(name, Integer, info={"ll2": None})


def owner(name: str, target: str) -> Column[Any]:
    """Back reference to an enclosing object (set by ingest, not read from a key)."""
    return Column(name, _key_type(target), _fk(target), index=True, info={"ll2": None})


def _fk(target: str) -> ForeignKey:
    # Deferred so that one transaction may insert rows in any order (self references,
    # objects that arrive before the object they point at).
    return ForeignKey(f"{target}.id", deferrable=True, initially="DEFERRED")


def entity(name: str, *columns: Column[Any], url: bool = True) -> Table:
    """A table for an LL2 object with an id of its own."""
    head: list[Column[Any]] = [Column("id", _key_type(name), primary_key=True, autoincrement=False)]
    if url:
        head.append(text("url"))
    return Table(
        name,
        metadata,
        *head,
        *columns,
        Column("api_version", Integer, info={"ll2": None}),  # set by ingest, not from a key
        Column("extra", JSON(none_as_null=True)),
        info={"entity": True},
    )


def lookup(name: str, *columns: Column[Any]) -> Table:
    """A small LL2 config object (status, type, role…): id plus a few text fields."""
    return entity(name, *(columns or (text("name"),)), url=False)


def link(owner_table: str, key: str, target: str) -> Table:
    """An ordered many-to-many list: ``owner.<key> = [target, ...]``."""
    return Table(
        f"{owner_table}_{key}",
        metadata,
        Column("owner_id", _key_type(owner_table), _fk(owner_table), nullable=False, index=True),
        Column("position", Integer, nullable=False),
        Column("target_id", _key_type(target), _fk(target), nullable=False, index=True),
        PrimaryKeyConstraint("owner_id", "position"),
        info={"link": {"owner": owner_table, "key": key, "target": target}},
    )
