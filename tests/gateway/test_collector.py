"""The serving process's garbage collector: start-up objects frozen, generation 0 raised —
by the app's start when ``tune_gc`` is on (the default), never when it is off. Each case runs
in a fresh interpreter: the settings are process-wide."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from gateway.collector import GENERATION_0_THRESHOLD

PROGRAM = """
import asyncio, gc, json, sys
from gateway.app import create_app
from gateway.settings import Settings

async def start(app):
    async with app.router.lifespan_context(app):
        pass

before = gc.get_threshold()[0]
settings = Settings(database_url="sqlite+aiosqlite:///" + sys.argv[1], tune_gc=sys.argv[2] == "on")
asyncio.run(start(create_app(settings)))
print(json.dumps([before, gc.get_threshold()[0], gc.get_freeze_count()]))
"""


@pytest.mark.parametrize("tune", ["on", "off"])
def test_app_start_tunes_the_collector_only_when_asked(tmp_path, tune: str) -> None:
    database = tmp_path / "flightgraph.db"
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(database), tune],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    before, after, frozen = json.loads(done.stdout.splitlines()[-1])
    if tune == "on":
        assert (before, after) == (700, GENERATION_0_THRESHOLD)
        assert frozen > 10_000  # the schema, SQLAlchemy, Starlette: everything loaded
    else:
        assert (before, after, frozen) == (700, 700, 0)
