"""Trigram indexes for LL2's ``search`` and ``contains`` filters.

A case-insensitive substring match (``ILIKE '%term%'``) cannot use a B-tree.

* PostgreSQL: a GIN index with ``pg_trgm``'s ``gin_trgm_ops`` serves the ``ILIKE`` itself, for
  terms of three characters or more (migrations 0004, 0007).
* SQLite: an FTS5 table with the ``trigram`` tokenizer per searched table, over the searched
  columns, with the entity table as its external content and kept in step by triggers
  (migration 0008). Its ``LIKE`` finds the candidate rows from the index; the query keeps
  its own ``LIKE`` as the exact check (:func:`loaders.listing.contains`).

Neither is part of the table definitions both databases share: the metadata comparison
leaves them out by name. A later migration that rebuilds one of these tables on SQLite
(Alembic's batch mode copies and drops it, and its triggers with it) must call
:func:`create_fts` for it again; ``tests/store/test_search_indexes.py`` checks the triggers
at head.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Select
from sqlalchemy.exc import DBAPIError

PREFIX = "trgm_"
FTS_PREFIX = "fts_"

# The columns with a trigram index on either database: every column a listing searches
# (tests/store/test_search_indexes.py checks both ways). Migrations copy what they create.
TRIGRAM_INDEXED: Mapping[str, tuple[str, ...]] = {
    "agencies": ("abbrev", "name"),
    "agency_types": ("name",),
    "astronaut_roles": ("role",),
    "astronaut_statuses": ("name",),
    "astronaut_types": ("name",),
    "astronauts": ("name",),
    "celestial_bodies": ("name",),
    "celestial_body_types": ("name",),
    "countries": ("alpha_2_code", "alpha_3_code", "name"),
    "docking_locations": ("name",),
    "event_types": ("name",),
    "events": ("name",),
    "landing_locations": ("abbrev", "name"),
    "landing_types": ("abbrev", "name"),
    "launch_statuses": ("abbrev", "name"),
    "launcher_configurations": ("full_name", "name"),
    "launcher_statuses": ("abbrev", "name"),
    "launchers": ("serial_number",),
    "launches": ("launch_designator", "name"),
    "locations": ("name",),
    "missions": ("name",),
    "net_precisions": ("abbrev", "name"),
    "orbits": ("abbrev", "name"),
    "pads": ("name",),
    "payload_types": ("name",),
    "payloads": ("name",),
    "program_types": ("name",),
    "space_station_statuses": ("name",),
    "space_station_types": ("name",),
    "space_stations": ("name",),
    "spacecraft": ("name", "serial_number"),
    "spacecraft_config_types": ("name",),
    "spacecraft_configurations": ("name",),
    "spacecraft_flights": ("destination",),
    "spacecraft_statuses": ("name",),
}
_WILDCARDS = re.compile(r"[%_]")
# Tables whose ids are text (FTS5 needs an integer key: see create_fts).
TEXT_KEYED = frozenset({"launches"})
log = logging.getLogger("flightgraph.migrations")


def index_name(table: str, column: str) -> str:
    return f"{PREFIX}{table}_{column}"


def fts_name(table_name: str) -> str:
    return f"{FTS_PREFIX}{table_name}"


def keys_name(table_name: str) -> str:
    return f"{FTS_PREFIX}{table_name}_keys"


def trigram_indexed(table_name: str, column_name: str) -> bool:
    return column_name in TRIGRAM_INDEXED.get(table_name, ())


def trigram_usable(text: str) -> bool:
    """Whether a trigram index can narrow a substring search for ``text``: it holds three
    characters in a row that are not ``LIKE`` wildcards. Shorter, FTS5 would scan its whole
    table (slower than scanning the entity table itself)."""
    return any(len(run) >= 3 for run in _WILDCARDS.split(text))


def fts_candidates(table_name: str, column_name: str, pattern: Any) -> Select[Any]:
    """On SQLite, the ids of ``table_name`` whose ``column_name`` may match the ``LIKE``
    ``pattern``, from its FTS5 trigram table (the column must be :func:`trigram_indexed`)."""
    fts = sa.table(fts_name(table_name), sa.column("rowid"), sa.column(column_name))
    found = sa.select(fts.c.rowid).where(fts.c[column_name].like(pattern)).correlate(None)
    if table_name not in TEXT_KEYED:
        return found
    keys = sa.table(keys_name(table_name), sa.column("rowid"), sa.column("id"))
    return sa.select(keys.c.id).where(keys.c.rowid.in_(found)).correlate(None)


def compared(_object: Any, name: str | None, type_: str, _reflected: bool, _other: Any) -> bool:
    """Alembic's ``include_object``: every object but the trigram indexes and the FTS5
    tables (with the shadow tables FTS5 keeps, ``fts_<table>_data`` and the like)."""
    if name is None:
        return True
    if type_ == "index":
        return not name.startswith(PREFIX)
    if type_ == "table":
        return not name.startswith(FTS_PREFIX)
    return True


def create_indexes(bind: Connection, searched: Mapping[str, Sequence[str]]) -> None:
    """For a migration: a trigram index on each searched column, on PostgreSQL. Where the
    extension cannot be created (no privilege), they are left out with a warning: search
    still works, by scanning."""
    if bind.dialect.name != "postgresql":
        return
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DBAPIError as error:
        log.warning("no trigram indexes for search (pg_trgm: %s)", str(error.orig).strip())
        return
    # The operator class lives where the extension was installed (any schema).
    schema = bind.exec_driver_sql(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
        " WHERE e.extname = 'pg_trgm'"
    ).scalar_one()
    for table, columns in searched.items():
        for column in columns:
            bind.exec_driver_sql(
                f'CREATE INDEX IF NOT EXISTS "{index_name(table, column)}" ON "{table}"'
                f' USING gin ("{column}" "{schema}".gin_trgm_ops)'
            )


def drop_indexes(bind: Connection, searched: Mapping[str, Sequence[str]]) -> None:
    if bind.dialect.name != "postgresql":
        return
    for table, columns in searched.items():
        for column in columns:
            bind.exec_driver_sql(f'DROP INDEX IF EXISTS "{index_name(table, column)}"')


def create_fts(bind: Connection, searched: Mapping[str, Sequence[str]]) -> None:
    """For a migration, on SQLite: an FTS5 trigram table per table over its searched columns,
    the triggers that keep it in step, and its index built from the rows already there.
    Idempotent, so a migration that rebuilt a table can call it again for its triggers.

    FTS5 keys its rows by an integer. A table with integer ids is the FTS table's external
    content directly. A table with text ids (launches' UUIDs) gets a key table numbering its
    ids (``fts_<table>_keys``) and a view joining the two as the content: SQLite's implicit
    rowid is not stable (VACUUM may renumber it), so it cannot be the key.
    """
    if bind.dialect.name != "sqlite":
        return
    for name, columns in searched.items():
        fts = fts_name(name)
        listed = ", ".join(f'"{c}"' for c in columns)
        new = ", ".join(f'new."{c}"' for c in columns)
        old = ", ".join(f'old."{c}"' for c in columns)
        changed = " OR ".join(f'old."{c}" IS NOT new."{c}"' for c in columns)
        if name in TEXT_KEYED:
            keys = keys_name(name)
            content = f"{fts}_content"
            bind.exec_driver_sql(
                f'CREATE TABLE IF NOT EXISTS "{keys}"'
                " (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)"
            )
            bind.exec_driver_sql(
                f'CREATE VIEW IF NOT EXISTS "{content}" AS SELECT k.rowid AS rowid, '
                + ", ".join(f't."{c}" AS "{c}"' for c in columns)
                + f' FROM "{keys}" AS k JOIN "{name}" AS t ON t.id = k.id'
            )
            key_of = f'(SELECT rowid FROM "{keys}" WHERE id = {{}}.id)'
            add_key = f'INSERT OR IGNORE INTO "{keys}"(id) VALUES (new.id);'
            drop_key = f'DELETE FROM "{keys}" WHERE id = old.id;'
            options = f"content='{content}', content_rowid='rowid'"
        else:
            key_of = "{}.id"
            add_key = drop_key = ""
            options = f"content='{name}', content_rowid='id'"
        bind.exec_driver_sql(
            f'CREATE VIRTUAL TABLE IF NOT EXISTS "{fts}" USING fts5({listed},'
            f" {options}, tokenize='trigram')"
        )
        # External content: FTS5 must be told the old values to take a row out.
        take_out = (
            f'INSERT INTO "{fts}"("{fts}", rowid, {listed})'
            f" VALUES ('delete', {key_of.format('old')}, {old});"
        )
        put_in = f'INSERT INTO "{fts}"(rowid, {listed}) VALUES ({key_of.format("new")}, {new});'
        bind.exec_driver_sql(
            f'CREATE TRIGGER IF NOT EXISTS "{fts}_ai" AFTER INSERT ON "{name}" BEGIN'
            f" {add_key} {put_in} END"
        )
        bind.exec_driver_sql(
            f'CREATE TRIGGER IF NOT EXISTS "{fts}_ad" AFTER DELETE ON "{name}" BEGIN'
            f" {take_out} {drop_key} END"
        )
        bind.exec_driver_sql(
            f'CREATE TRIGGER IF NOT EXISTS "{fts}_au" AFTER UPDATE ON "{name}"'
            f" WHEN old.id IS NOT new.id OR {changed} BEGIN"
            f" {take_out} {drop_key} {add_key} {put_in} END"
        )
        if name in TEXT_KEYED:
            bind.exec_driver_sql(
                f'INSERT OR IGNORE INTO "{keys_name(name)}"(id) SELECT id FROM "{name}"'
            )
        bind.exec_driver_sql(f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\')')


def drop_fts(bind: Connection, searched: Mapping[str, Sequence[str]]) -> None:
    if bind.dialect.name != "sqlite":
        return
    for name in searched:
        fts = fts_name(name)
        for suffix in ("ai", "ad", "au"):
            bind.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{fts}_{suffix}"')
        bind.exec_driver_sql(f'DROP TABLE IF EXISTS "{fts}"')
        bind.exec_driver_sql(f'DROP VIEW IF EXISTS "{fts}_content"')
        bind.exec_driver_sql(f'DROP TABLE IF EXISTS "{keys_name(name)}"')


__all__ = [
    "FTS_PREFIX",
    "PREFIX",
    "TEXT_KEYED",
    "TRIGRAM_INDEXED",
    "compared",
    "create_fts",
    "create_indexes",
    "drop_fts",
    "drop_indexes",
    "fts_candidates",
    "fts_name",
    "index_name",
    "keys_name",
    "trigram_indexed",
    "trigram_usable",
]
