"""Shared helpers for ingest tests: seed variants, page files, whole-database dumps."""

from __future__ import annotations

import copy
import json
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from store.tables import metadata
from tests.conftest import SEED_FLIGHT, shared_file


def seed() -> dict[str, Any]:
    return json.loads(shared_file(SEED_FLIGHT).read_bytes())


def seed_variant(index: int) -> dict[str, Any]:
    """The seed flight under new flight, launch and landing ids (shared objects stay shared)."""
    flight = copy.deepcopy(seed())
    flight["id"] = 900_000 + index
    flight["url"] = f"https://ll.thespacedevs.com/2.3.0/spacecraft_flights/{flight['id']}/"
    flight["launch"]["id"] = str(uuid.UUID(int=index + 1))
    flight["launch"]["url"] = (
        f"https://ll.thespacedevs.com/2.3.0/launches/{flight['launch']['id']}/"
    )
    flight["launch"]["rocket"]["id"] = 900_000 + index
    flight["landing"]["id"] = 900_000 + index
    return flight


def write_page(path: Path, results: list[dict[str, Any]]) -> Path:
    path.write_text(
        json.dumps({"count": len(results), "next": None, "previous": None, "results": results})
    )
    return path


async def dump(engine: AsyncEngine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order: equal dumps mean equal databases."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    async with engine.connect() as conn:
        for table in metadata.sorted_tables:
            query = select(table).order_by(*table.primary_key.columns)
            out[table.name] = [tuple(row) for row in await conn.execute(query)]
    return out
