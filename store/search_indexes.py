"""Trigram indexes for LL2's ``search`` and ``contains`` filters on PostgreSQL (``pg_trgm``).

A case-insensitive substring match (``ILIKE '%term%'``) cannot use a B-tree; a GIN index with
``gin_trgm_ops`` can, for terms of three characters or more. The indexes are created by a
migration (0004) on PostgreSQL only, so they are not part of the table definitions that both
databases share: the metadata comparison leaves them out by name.
"""

from __future__ import annotations

from typing import Any

PREFIX = "trgm_"


def index_name(table: str, column: str) -> str:
    return f"{PREFIX}{table}_{column}"


def compared(_object: Any, name: str | None, type_: str, _reflected: bool, _other: Any) -> bool:
    """Alembic's ``include_object``: every object but the trigram indexes."""
    return not (type_ == "index" and name is not None and name.startswith(PREFIX))


__all__ = ["PREFIX", "compared", "index_name"]
