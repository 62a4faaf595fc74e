"""REST requests have /graphql's execution deadline: past it, a 504 with a readable detail
(the work is cancelled), and the next request is served."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.app import create_app
from gateway.settings import Settings
from tests.conftest import Database
from tests.gateway.helpers import client_for


async def test_a_rest_request_past_the_deadline_is_a_504(
    demo_engine: AsyncEngine, database: Database
) -> None:
    # No list of 100 detailed launches is built in half a millisecond.
    hurried = create_app(
        Settings(database_url=database.url, execution_timeout=0.0005), engine=demo_engine
    )
    async with client_for(hurried) as client:
        late = await client.get("/2.3.0/launches/?mode=detailed&limit=100")
    assert late.status_code == 504, late.text[:300]
    assert late.json() == {"detail": "The request took longer than 0.0005s and was stopped."}

    patient = create_app(Settings(database_url=database.url), engine=demo_engine)
    async with client_for(patient) as client:
        served = await client.get("/2.3.0/launches/?mode=detailed&limit=100")
    assert served.status_code == 200
    assert len(served.json()["results"]) == 100
