"""``format=api`` (and browsers): DRF's browsable page as LL2 serves it — the endpoint's help,
the request line, status and headers, then the JSON, escaped."""

from __future__ import annotations

import html
import re

from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import SEED_FLIGHT, SHARED, shared_file
from tests.gateway.rest.helpers import page_json, rest_client
from tests.schema.helpers import ingest

SEED_PAGE = SHARED / "seed" / "spacecraft_flights_859_page.txt"
URL = "/2.3.0/spacecraft_flights/859/"


def visible_lines(page: str) -> list[str]:
    text = re.sub(r"<(style|title)>.*?</\1>", "", page, flags=re.S)
    text = re.sub(r"</(p|h\d|div|pre|header)>", "\n", text)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return [line.strip() for line in text.splitlines() if line.strip()]


async def test_the_seed_page_reads_like_ll2s(engine: AsyncEngine) -> None:
    seed_text = shared_file(SEED_PAGE).read_text()
    expected = [line.strip() for line in seed_text.split("\n{", 1)[0].splitlines() if line.strip()]
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    async with rest_client(engine) as client:
        response = await client.get(URL, params={"format": "api"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    lines = visible_lines(response.text)
    start = lines.index(expected[0])
    assert lines[start : start + len(expected)] == expected
    assert "&quot;destination&quot;: &quot;Low Earth Orbit&quot;" in response.text
    assert page_json(response.text)["id"] == 859


async def test_browsers_get_the_page_and_json_wins_when_asked(engine: AsyncEngine) -> None:
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    browser = {"accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    async with rest_client(engine) as client:
        page = await client.get(URL, headers=browser)
        forced = await client.get(URL, params={"format": "json"}, headers=browser)
        plain = await client.get(URL)
        listed = await client.get("/2.3.0/launches/", params={"format": "api", "mode": "list"})
        missing = await client.get("/2.3.0/launches/not-one/", headers=browser)
    assert page.headers["content-type"].startswith("text/html")
    assert page_json(page.text) == plain.json()
    assert forced.headers["content-type"] == "application/json"
    assert plain.headers["vary"] == "Accept"
    lines = visible_lines(listed.text)
    assert "Levels of detail in the response - list, normal, detailed" in lines
    assert "Fields - id, last_updated, name, net" in lines
    assert page_json(listed.text)["count"] == 1
    assert page_json(listed.text)["results"][0]["url"].endswith("/?format=api")
    assert missing.status_code == 404 and "HTTP 404 Not Found" in visible_lines(missing.text)


async def test_data_is_escaped_on_the_page(engine: AsyncEngine) -> None:
    from sqlalchemy import update

    from store.tables.flights import spacecraft_flights

    await ingest(engine, [shared_file(SEED_FLIGHT)])
    async with engine.begin() as conn:
        await conn.execute(
            update(spacecraft_flights).values(destination="<script>alert(1)</script> & co")
        )
    async with rest_client(engine) as client:
        response = await client.get(URL, params={"format": "api"})
    assert "<script>" not in response.text
    assert page_json(response.text)["destination"] == "<script>alert(1)</script> & co"
