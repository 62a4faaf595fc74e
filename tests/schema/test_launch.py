"""A launch's updates come back in the order LL2 listed them (whatever that order is), on
both executors and over LL2's REST shape."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.context import Context
from ingest.files import ingest_file
from schema import build_schema
from tests.conftest import SAMPLES, shared_file

SAMPLE = SAMPLES / "launches" / "2.2.0_detailed_page-count2_two_launches_scottcusa.json"
QUERY = """query($id: UUID!) { launch(ll2Id: $id) { updates { ll2Id } } }"""


async def test_updates_keep_the_order_ll2_gave_them_in(engine: AsyncEngine, tmp_path: Path) -> None:
    page = json.loads(shared_file(SAMPLE).read_bytes())
    launch = next(item for item in page["results"] if len(item.get("updates") or []) > 2)
    given = [u["id"] for u in launch["updates"]]
    # LL2 lists them newest first; give them in another order, which must come back as is.
    launch["updates"] = launch["updates"][1:] + launch["updates"][:1]
    reordered = [u["id"] for u in launch["updates"]]
    assert reordered != given and reordered != sorted(given)
    changed = tmp_path / SAMPLE.name
    changed.write_text(json.dumps(page))
    assert (await ingest_file(engine, changed)).ok
    for compiled in (False, True):
        result = await build_schema(compiled=compiled).execute(
            QUERY, variable_values={"id": launch["id"]}, context_value=Context(engine)
        )
        assert result.errors is None, result.errors
        assert [u["ll2Id"] for u in result.data["launch"]["updates"]] == reordered, compiled  # type: ignore[index]
    # Ingested again in LL2's own order: the places move with it.
    assert (await ingest_file(engine, shared_file(SAMPLE))).ok
    result = await build_schema(compiled=True).execute(
        QUERY, variable_values={"id": launch["id"]}, context_value=Context(engine)
    )
    assert [u["ll2Id"] for u in result.data["launch"]["updates"]] == given  # type: ignore[index]
