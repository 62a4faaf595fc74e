"""Trigram indexes for LL2's ``search`` and ``contains`` filters on PostgreSQL (``pg_trgm``).

A case-insensitive substring match (``ILIKE '%term%'``) cannot use a B-tree; a GIN index with
``gin_trgm_ops`` can, for terms of three characters or more. The indexes are created by a
migration (0004) on PostgreSQL only, so they are not part of the table definitions that both
databases share: the metadata comparison leaves them out by name.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

PREFIX = "trgm_"
log = logging.getLogger("flightgraph.migrations")


def index_name(table: str, column: str) -> str:
    return f"{PREFIX}{table}_{column}"


def compared(_object: Any, name: str | None, type_: str, _reflected: bool, _other: Any) -> bool:
    """Alembic's ``include_object``: every object but the trigram indexes."""
    return not (type_ == "index" and name is not None and name.startswith(PREFIX))


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


__all__ = ["PREFIX", "compared", "create_indexes", "drop_indexes", "index_name"]
