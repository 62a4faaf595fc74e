"""schemathesis (GraphQL mode) fuzzes every root field of a live server: at least 1,000
generated operations, and not one answer is a server error."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from gateway.app import create_app
from gateway.cli import main as cli
from gateway.settings import Settings
from tests.conftest import SAMPLES, SEED_FLIGHT, shared_file
from tests.gateway.http.live import serve

LAUNCHES = SAMPLES / "launches/2.3.0_normal_upcoming-results-array_10_astroshare.json"


class Recorder:
    """Counts the GraphQL operations the app answers, and any 5xx among them."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.operations = 0
        self.server_errors: list[int] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] != "/graphql":
            await self.app(scope, receive, send)
            return

        async def sending(message: Any) -> None:
            if message["type"] == "http.response.start":
                self.operations += 1
                if message["status"] >= 500:
                    self.server_errors.append(message["status"])
            await send(message)

        await self.app(scope, receive, sending)


@pytest.mark.slow
def test_schemathesis_finds_no_server_error(tmp_path: Path) -> None:
    st = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    assert st, "schemathesis is a test dependency: pip install -e '.[test]'"
    database = f"sqlite+aiosqlite:///{tmp_path / 'fuzz.db'}"
    for sample in (shared_file(LAUNCHES), shared_file(SEED_FLIGHT)):
        assert cli(["--database-url", database, "ingest", str(sample)]) == 0
    recorder = Recorder(create_app(Settings(database_url=database)))
    with serve(recorder) as base:
        done = subprocess.run(
            [
                st,
                "run",
                f"{base}/graphql",
                "--checks",
                "not_a_server_error",
                "--max-examples",
                "60",
                "--seed",
                "20261129",
                "--no-shrink",
                "--workers",
                "2",
            ],
            capture_output=True,
            text=True,
            timeout=900,
            cwd=tmp_path,
        )
    print(done.stdout[-3000:])
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-2000:]
    assert recorder.server_errors == []
    assert recorder.operations >= 1000
