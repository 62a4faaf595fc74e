"""The REST layer while the database cannot answer: 503 with a readable detail and a
``Retry-After``, logged as an outage, as ``/graphql`` answers it (never a 500)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from gateway.app import create_app
from gateway.settings import Settings
from tests.gateway.helpers import client_for

PATHS = ["/2.3.0/launches/", "/2.3.0/spacecraft_flights/859/", "/2.3.0/agencies/?search=nasa"]


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
async def test_rest_answers_503_while_the_database_is_unavailable(
    backend: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # PostgreSQL: nothing listens on the port. SQLite: an empty file where the database was.
    url = (
        "postgresql+asyncpg://nobody@127.0.0.1:1/none"
        if backend == "postgres"
        else f"sqlite+aiosqlite:///{tmp_path / 'missing.db'}"
    )
    async with client_for(create_app(Settings(database_url=url))) as client:
        with caplog.at_level(logging.WARNING):
            responses = [await client.get(path) for path in PATHS]
    for response in responses:
        assert response.status_code == 503, response.text[:300]
        assert response.json() == {"detail": "The database is unavailable; try again shortly."}
        assert response.headers["retry-after"] == "5"
    assert any("database unavailable" in r.getMessage() for r in caplog.records)
