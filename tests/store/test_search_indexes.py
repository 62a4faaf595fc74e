"""Every column a listing searches has a trigram index — PostgreSQL's ``pg_trgm`` GIN index,
SQLite's FTS5 trigram table — and a ``contains`` on it is answered from that index with the
same rows as a scan, through inserts, updates and deletes."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Column, delete, insert, inspect, select, text, update
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.sql.selectable import ScalarSelect

import loaders  # noqa: F401 (registers every listing)
from loaders.listing import contains
from loaders.pages import LISTINGS
from store.search_indexes import TRIGRAM_INDEXED, fts_name, index_name
from store.tables import metadata


def searched_columns() -> set[tuple[str, str]]:
    """(table, column) of every searched field, through ``via`` chains to the far column."""
    found: set[tuple[str, str]] = set()
    for listing in LISTINGS.values():
        for field in listing.search:
            expr = field.expr
            while isinstance(expr, ScalarSelect):
                expr = expr.element.selected_columns[0]
            assert isinstance(expr, Column), f"{listing.name} searches {expr!r}"
            found.add((expr.table.name, expr.name))
    return found


on_postgres = pytest.mark.parametrize("backend", ["postgres"])
on_sqlite = pytest.mark.parametrize("backend", ["sqlite"])


def test_the_indexed_columns_are_the_searched_columns() -> None:
    declared = {(t, c) for t, columns in TRIGRAM_INDEXED.items() for c in columns}
    assert declared == searched_columns()


def index_names(sync: Any) -> set[tuple[str, str]]:
    inspector = inspect(sync)
    return {(table, ix["name"]) for table in metadata.tables for ix in inspector.get_indexes(table)}


@on_postgres
async def test_every_searched_column_has_a_trigram_index(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        indexes = await conn.run_sync(index_names)
    wanted = searched_columns()
    assert len(wanted) > 40
    missing = [(t, c) for t, c in sorted(wanted) if (t, index_name(t, c)) not in indexes]
    assert missing == []


@on_postgres
async def test_a_contains_condition_can_use_the_index(engine: AsyncEngine) -> None:
    launches = metadata.tables["launches"]
    query = select(launches.c.id).where(contains(launches.c.name, "100%_Falcon"))
    async with engine.connect() as conn:
        await conn.exec_driver_sql("SET enable_seqscan = off")  # a tiny table: force the issue
        sql = query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
        plan = (await conn.exec_driver_sql(f"EXPLAIN {sql}")).scalars().all()
    assert any(index_name("launches", "name") in line for line in plan), plan


@on_sqlite
async def test_every_searched_table_has_its_fts_table_and_triggers(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        rows = (await conn.execute(text("SELECT type, name FROM sqlite_master"))).all()
    present = {(kind, name) for kind, name in rows}
    wanted = {("table", fts_name(t)) for t in TRIGRAM_INDEXED} | {
        ("trigger", f"{fts_name(t)}_{event}")
        for t in TRIGRAM_INDEXED
        for event in ("ai", "ad", "au")
    }
    assert sorted(wanted - present) == []


@on_sqlite
async def test_a_contains_condition_reads_the_fts_table(engine: AsyncEngine) -> None:
    launches = metadata.tables["launches"]
    query = select(launches.c.id).where(contains(launches.c.name, "Falcon"))
    async with engine.connect() as conn:
        sql = query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
        plan = (await conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")).all()
    assert any("VIRTUAL TABLE" in str(line) and fts_name("launches") in str(line) for line in plan)


# Substrings a client may send: words, parts of words, case changed, wildcards and escapes
# taken literally, one or two characters (too short for a trigram: the FTS table scans),
# non-ASCII text (SQLite folds ASCII case only, and so must the index's answer).
PROBES = (
    "falcon",
    "ALCON 9",
    "9",
    "Bl",
    "%",
    "_",
    "100%",
    "a_b",
    "\\",
    "É",
    "é",
    "ñan",
    "<b>",
    "' OR 1=1 --",
)


async def _matches(conn: Any, table: str, name: str, probe: str) -> tuple[list[Any], list[Any]]:
    """Ids whose column contains ``probe``: through the index, and by a plain scan."""
    t = metadata.tables[table]
    indexed = await conn.execute(select(t.c.id).where(contains(t.c[name], probe)).order_by(t.c.id))
    scanned = await conn.execute(
        select(t.c.id).where(contains(t.c[name].concat(""), probe)).order_by(t.c.id)
    )
    return list(indexed.scalars()), list(scanned.scalars())


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
async def test_the_index_answers_what_a_scan_answers_through_writes(
    demo_engine: AsyncEngine,
) -> None:
    """The index is kept in step by triggers: after updates (to hostile text) and deletes,
    every searched column answers each probe with the rows a scan finds."""
    launches, agencies = metadata.tables["launches"], metadata.tables["agencies"]
    async with demo_engine.begin() as conn:
        ids = list((await conn.execute(select(launches.c.id).order_by(launches.c.id))).scalars())
        for index, launch_id in enumerate(ids[:6]):
            await conn.execute(
                update(launches)
                .where(launches.c.id == launch_id)
                .values(name=f"Falcon 9 {PROBES[index + 4]}a_b100% Ñandú <b>x</b> ' OR 1=1 --")
            )
        added = [f"00000000-0000-4000-8000-00000000000{n}" for n in range(3)]
        await conn.execute(
            insert(launches), [{"id": key, "name": f"Falcon {key} É_"} for key in added]
        )
        await conn.execute(delete(launches).where(launches.c.id.in_(added[:2])))
        await conn.execute(update(agencies).values(abbrev=agencies.c.abbrev + "É"))
    async with demo_engine.connect() as conn:
        checked = 0
        for table, names in TRIGRAM_INDEXED.items():
            for name in names:
                for probe in PROBES:
                    indexed, scanned = await _matches(conn, table, name, probe)
                    assert indexed == scanned, (table, name, probe)
                    checked += len(scanned)
    assert checked > 1000
