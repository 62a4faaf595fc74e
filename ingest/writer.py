"""Write a Batch into the store: upsert rows, replace changed link lists, prune owned lists.

One SELECT per table per batch finds what is stored; inserts and updates go out as
executemany. Outcomes are counted per table as inserted / updated / unchanged / skipped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Table, and_, bindparam, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from ingest.mapping import table_map
from ingest.normalise import Batch, Pending, is_older
from store.tables import metadata

# Under SQLite's and asyncpg's bound-parameter limits with room to spare.
CHUNK = 900

INSERTED, UPDATED, UNCHANGED, SKIPPED = "inserted", "updated", "unchanged", "skipped"
_RANK = {SKIPPED: 0, UNCHANGED: 1, UPDATED: 2, INSERTED: 3}


class Outcomes:
    """Per-table outcome of each id, across the batches of one file (best outcome wins)."""

    def __init__(self) -> None:
        self.by_table: dict[str, dict[Any, str]] = {}

    def note(self, table: str, key: Any, outcome: str) -> None:
        held = self.by_table.setdefault(table, {})
        if key not in held or _RANK[outcome] > _RANK[held[key]]:
            held[key] = outcome

    def changes(self) -> dict[str, list[Any]]:
        """Ids inserted or updated per entity table; a changed link list counts for its owner."""
        changed: dict[str, set[Any]] = {}
        for name, by_id in self.by_table.items():
            link = metadata.tables[name].info.get("link")
            table = link["owner"] if link else name
            ids = [key for key, outcome in by_id.items() if outcome in (INSERTED, UPDATED)]
            if ids:
                changed.setdefault(table, set()).update(ids)
        # str(): table names are SQLAlchemy quoted_name, a str subclass JSON encoders refuse.
        return {str(table): sorted(ids, key=str) for table, ids in changed.items()}

    def summary(self) -> dict[str, Counter[str]]:
        return {t: Counter(by_id.values()) for t, by_id in sorted(self.by_table.items())}


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


async def write_batch(conn: AsyncConnection, batch: Batch, outcomes: Outcomes) -> None:
    applied: dict[str, dict[Any, Pending]] = {}
    for table in metadata.sorted_tables:
        pending = batch.rows.get(table.name)
        if pending:
            applied[table.name] = await _upsert(conn, table, pending, outcomes)
    for name, by_id in applied.items():
        await _write_links(conn, by_id, outcomes)
        await _prune(conn, name, by_id)


async def _fetch(
    conn: AsyncConnection, table: Table, keys: Sequence[Any]
) -> dict[Any, dict[str, Any]]:
    found: dict[Any, dict[str, Any]] = {}
    for part in chunks(keys):
        result = await conn.execute(select(table).where(table.c.id.in_(part)))
        for row in result.mappings():
            found[row["id"]] = dict(row)
    return found


async def _upsert(
    conn: AsyncConnection, table: Table, pending: dict[Any, Pending], outcomes: Outcomes
) -> dict[Any, Pending]:
    """Insert or update rows; return the pendings that were applied (not skipped)."""
    stored = await _fetch(conn, table, list(pending))
    blank = {c.name: None for c in table.columns}
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    applied: dict[Any, Pending] = {}
    for key, item in pending.items():
        old = stored.get(key)
        if old is None:
            row = {**blank, **item.values, "id": key, "extra": item.extra or None}
            inserts.append(row)
            outcomes.note(table.name, key, INSERTED)
        elif is_older(item.values, old):
            outcomes.note(table.name, key, SKIPPED)
            continue
        else:
            extra = {**(old["extra"] or {}), **item.extra} or None
            row = {**old, **item.values, "extra": extra}
            if row == old:
                outcomes.note(table.name, key, UNCHANGED)
            else:
                updates.append(row)
                outcomes.note(table.name, key, UPDATED)
        applied[key] = item
    if inserts:
        await conn.execute(insert(table), inserts)
    if updates:
        columns = [c.name for c in table.columns if c.name != "id"]
        statement = (
            update(table)
            .where(table.c.id == bindparam("_id"))
            .values({name: bindparam(f"_{name}") for name in columns})
        )
        await conn.execute(statement, [{f"_{k}": v for k, v in row.items()} for row in updates])
    return applied


async def _write_links(
    conn: AsyncConnection, by_id: dict[Any, Pending], outcomes: Outcomes
) -> None:
    wanted: dict[str, dict[Any, list[Any]]] = {}
    for key, item in by_id.items():
        for link_name, targets in item.links.items():
            wanted.setdefault(link_name, {})[key] = targets
    for link_name, lists in wanted.items():
        link = metadata.tables[link_name]
        stored: dict[Any, list[tuple[int, Any]]] = {}
        for part in chunks(list(lists)):
            result = await conn.execute(
                select(link.c.owner_id, link.c.position, link.c.target_id).where(
                    link.c.owner_id.in_(part)
                )
            )
            for owner_id, position, target_id in result:
                stored.setdefault(owner_id, []).append((position, target_id))
        changed = []
        for owner_id, targets in lists.items():
            old = [t for _, t in sorted(stored.get(owner_id, []))]
            if old == targets:
                outcomes.note(link_name, owner_id, UNCHANGED)
            else:
                changed.append(owner_id)
                outcomes.note(link_name, owner_id, UPDATED if owner_id in stored else INSERTED)
        for part in chunks(changed):
            await conn.execute(delete(link).where(link.c.owner_id.in_(part)))
        rows = [
            {"owner_id": o, "position": i, "target_id": t}
            for o in changed
            for i, t in enumerate(lists[o])
        ]
        if rows:
            await conn.execute(insert(link), rows)


async def _prune(conn: AsyncConnection, owner_table: str, by_id: dict[Any, Pending]) -> None:
    """Delete rows of owned lists (crew seats, updates, …) that the owner no longer lists."""
    for child in table_map(owner_table).children.values():
        if not child.prune:
            continue
        lists = {k: set(p.owned[child.key]) for k, p in by_id.items() if child.key in p.owned}
        if not lists:
            continue
        table = metadata.tables[child.table]
        (column,) = child.backrefs  # owned lists point at their immediate owner
        stale: list[Any] = []
        for part in chunks(list(lists)):
            filters = [table.c[column].in_(part)]
            filters += [table.c[name] == value for name, value in child.consts.items()]
            result = await conn.execute(select(table.c.id, table.c[column]).where(and_(*filters)))
            stale += [cid for cid, owner_id in result if cid not in lists[owner_id]]
        for part in chunks(stale):
            await conn.execute(delete(table).where(table.c.id.in_(part)))
