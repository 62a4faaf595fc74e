"""Rebuild an LL2 JSON value from the database, shaped like a given template.

Used to prove that every leaf of an ingested object has a home in the store. It follows
the same naming rules ingest does (``store.columns``) but reads rows, not the input.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from ingest.mapping import table_map
from ingest.specs import PRESENTATION_KEYS
from store.tables import metadata


def ll2_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    return value


async def read_back(
    conn: AsyncConnection,
    table: str,
    key: Any,
    template: dict[str, Any],
    lineage: tuple[tuple[str, Any], ...] = (),
) -> Any:
    tm = table_map(table)
    lineage = (*lineage, (table, key))
    row = (await conn.execute(select(tm.table).where(tm.table.c.id == key))).mappings().one()
    rebuilt: dict[str, Any] = {}
    for name, shape in template.items():
        if name in PRESENTATION_KEYS:
            continue
        if name == "id":
            rebuilt[name] = row["id"]
        elif name in tm.scalars:
            rebuilt[name] = ll2_value(row[name])
        elif name in tm.refs:
            column, target = tm.refs[name]
            rebuilt[name] = (
                None
                if row[column] is None
                else await read_back(conn, target, row[column], shape, lineage)
            )
        elif name in tm.links:
            link = tm.links[name]
            target = link.info["link"]["target"]
            ids = (
                await conn.execute(
                    select(link.c.target_id).where(link.c.owner_id == key).order_by(link.c.position)
                )
            ).scalars()
            rebuilt[name] = [
                await read_back(conn, target, t, _item_shape(shape, i), lineage)
                for i, t in enumerate(ids)
            ]
        elif name in tm.children:
            child = tm.children[name]
            child_table = metadata.tables[child.table]
            query = select(child_table.c.id)
            for column, ancestor in child.backrefs.items():
                owner = key if not ancestor else dict(lineage)[ancestor]
                query = query.where(child_table.c[column] == owner)
            for const, value in child.consts.items():
                query = query.where(child_table.c[const] == value)
            # Child lists have no stored order (their rows point at the owner), so compare
            # them in the order the template lists them.
            order = [i.get("id") for i in (shape if isinstance(shape, list) else [shape]) if i]
            ids = sorted(
                (await conn.execute(query)).scalars(),
                key=lambda c: order.index(c) if c in order else len(order),
            )
            items = [
                await read_back(conn, child.table, c, _item_shape(shape, i), lineage)
                for i, c in enumerate(ids)
            ]
            rebuilt[name] = (items[0] if items else None) if child.single else items
        else:
            rebuilt[name] = (row["extra"] or {}).get(name, "<missing>")
    return rebuilt


def _item_shape(shape: Any, index: int) -> dict[str, Any]:
    if isinstance(shape, list) and shape:
        return shape[min(index, len(shape) - 1)]
    return shape if isinstance(shape, dict) else {}


def leaves(value: Any, path: str = "") -> dict[str, Any]:
    """Every leaf path of a JSON value (empty lists and objects count as leaves)."""
    if isinstance(value, dict) and value:
        out: dict[str, Any] = {}
        for key, item in value.items():
            out |= leaves(item, f"{path}.{key}" if path else key)
        return out
    if isinstance(value, list) and value:
        out = {}
        for index, item in enumerate(value):
            out |= leaves(item, f"{path}[{index}]")
        return out
    return {path: value}


def without_presentation(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: without_presentation(v) for k, v in value.items() if k not in PRESENTATION_KEYS}
    if isinstance(value, list):
        return [without_presentation(v) for v in value]
    return value
