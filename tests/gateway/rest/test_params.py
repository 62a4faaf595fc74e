"""LL2's query parameters: limit/offset paging with absolute links, ordering, search, filters,
and LL2's answers to bad input (400 with the bad parameters, 404, 405)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import SEED_FLIGHT, shared_file
from tests.gateway.rest.helpers import BASE, rest_client
from tests.schema.helpers import ingest, load_json

FLIGHTS = "/2.3.0/spacecraft_flights/"
LAUNCHES = "/2.3.0/launches/"


def demo_flights(files: list[Path]) -> list[dict[str, Any]]:
    return [flight for path in files for flight in load_json(path)["results"]]


def demo_launches(files: list[Path]) -> list[dict[str, Any]]:
    return list({f["launch"]["id"]: f["launch"] for f in demo_flights(files)}.values())


async def test_walking_next_visits_every_flight_once(
    demo_engine: AsyncEngine, demo_files: list[Path]
) -> None:
    expected = sorted(f["id"] for f in demo_flights(demo_files))
    seen: list[int] = []
    pages = 0
    async with rest_client(demo_engine) as client:
        url: str | None = f"{FLIGHTS}?limit=100&offset=0&mode=normal"
        previous = None
        while url is not None:
            body = (await client.get(url)).json()
            assert body["count"] == 1000
            assert body["previous"] == previous
            seen += [flight["id"] for flight in body["results"]]
            previous, url = url if pages else None, body["next"]
            if url is not None:
                assert url.startswith(f"{BASE}{FLIGHTS}?")
                query = parse_qs(urlsplit(url).query)
                assert query["mode"] == ["normal"]
                previous = _as_previous(url)
            pages += 1
    assert pages == 10
    assert seen == expected


def _as_previous(next_url: str) -> str:
    """LL2's ``previous`` of the page that ``next_url`` leads to (the page just read)."""
    parts = urlsplit(next_url)
    query = parse_qs(parts.query)
    offset = int(query["offset"][0]) - int(query["limit"][0])
    pairs = sorted((k, v[0]) for k, v in query.items() if k != "offset" or offset > 0)
    if offset > 0:
        pairs = sorted([(k, v) for k, v in pairs if k != "offset"] + [("offset", str(offset))])
    from urllib.parse import urlencode

    return f"{BASE}{parts.path}?{urlencode(pairs)}"


async def test_links_are_absolute_with_sorted_parameters(demo_engine: AsyncEngine) -> None:
    async with rest_client(demo_engine) as client:
        first = (await client.get(FLIGHTS, params={"mode": "normal", "limit": 3})).json()
        second = (await client.get(first["next"])).json()
        third = (await client.get(second["next"])).json()
    assert first["next"] == f"{BASE}{FLIGHTS}?limit=3&mode=normal&offset=3"
    assert first["previous"] is None
    assert second["previous"] == f"{BASE}{FLIGHTS}?limit=3&mode=normal"
    assert third["previous"] == f"{BASE}{FLIGHTS}?limit=3&mode=normal&offset=3"
    assert [f["id"] for f in second["results"]] == [100004, 100005, 100006]


@pytest.mark.parametrize(
    ("limit", "size"), [("500", 100), ("100", 100), ("7", 7), ("0", 10), ("-3", 10), ("x", 10)]
)
async def test_limit_is_clamped_and_defaulted_like_ll2(
    demo_engine: AsyncEngine, limit: str, size: int
) -> None:
    async with rest_client(demo_engine) as client:
        body = (await client.get(FLIGHTS, params={"limit": limit})).json()
    assert len(body["results"]) == size
    assert body["next"] == f"{BASE}{FLIGHTS}?limit={size}&offset={size}"


async def test_an_offset_past_the_end_is_an_empty_page(demo_engine: AsyncEngine) -> None:
    async with rest_client(demo_engine) as client:
        body = (await client.get(FLIGHTS, params={"offset": 5000, "limit": 10})).json()
        bad = (await client.get(FLIGHTS, params={"offset": "x"})).json()
    assert body["results"] == [] and body["next"] is None and body["count"] == 1000
    assert body["previous"] == f"{BASE}{FLIGHTS}?limit=10&offset=4990"
    assert bad["results"][0]["id"] == 100001 and bad["previous"] is None


async def test_ordering_takes_the_first_field_ll2_orders_on(
    demo_engine: AsyncEngine, demo_files: list[Path]
) -> None:
    launches = demo_launches(demo_files)
    newest = sorted(launches, key=lambda launch: (launch["net"], launch["id"]))[::-1][:5]
    async with rest_client(demo_engine) as client:
        desc = (await client.get(LAUNCHES, params={"ordering": "-net", "limit": 5})).json()
        both = (await client.get(LAUNCHES, params={"ordering": "bogus,-net", "limit": 5})).json()
        default = (await client.get(LAUNCHES, params={"ordering": "bogus", "limit": 5})).json()
    assert [launch["id"] for launch in desc["results"]] == [launch["id"] for launch in newest]
    assert both["results"] == desc["results"]
    nets = [launch["net"] for launch in default["results"]]
    assert nets == sorted(nets)


async def test_flights_of_one_spacecraft(demo_engine: AsyncEngine, demo_files: list[Path]) -> None:
    flights = demo_flights(demo_files)
    spacecraft = flights[0]["spacecraft"]["id"]
    expected = sorted(f["id"] for f in flights if f["spacecraft"]["id"] == spacecraft)
    async with rest_client(demo_engine) as client:
        body = (await client.get(FLIGHTS, params={"spacecraft": spacecraft, "limit": 100})).json()
        none = (await client.get(FLIGHTS, params={"spacecraft": 99_999_999_999})).json()
        blank = (await client.get(FLIGHTS, params={"spacecraft": ""})).json()
    assert [f["id"] for f in body["results"]] == expected
    assert body["count"] == len(expected) > 1
    assert none["count"] == 0
    assert blank["count"] == 1000


async def test_launch_filters_compare_search_and_take_lists(
    demo_engine: AsyncEngine, demo_files: list[Path]
) -> None:
    launches = demo_launches(demo_files)
    after, before = "2000-01-01T00:00:00Z", "2004-01-01T00:00:00Z"
    window = {launch["id"] for launch in launches if after < launch["net"] <= before}
    status_ids = {1, 3}
    by_status = {launch["id"] for launch in launches if launch["status"]["id"] in status_ids}
    word = launches[0]["mission"]["name"].split()[0]
    async with rest_client(demo_engine) as client:

        async def ids(**params: Any) -> set[str]:
            body = (await client.get(LAUNCHES, params={"limit": 100, **params})).json()
            found = [launch["id"] for launch in body["results"]]
            while body["next"]:
                body = (await client.get(body["next"])).json()
                found += [launch["id"] for launch in body["results"]]
            assert len(found) == len(set(found)) == body["count"]
            return set(found)

        between = await ids(net__gt=after, net__lte=before)
        statuses = await ids(status__ids="1,3", net__lt="1975-01-01T00:00:00Z")
        searched = await ids(search=word, mode="list")
        unknown = await ids(no_such_filter="1", net__lte="1965-01-01T00:00:00Z")
    assert between == window
    assert statuses == {
        i
        for i in by_status
        if i in {launch["id"] for launch in launches if launch["net"] < "1975-01-01T00:00:00Z"}
    }
    assert statuses
    assert launches[0]["id"] in searched
    assert len(searched) < len(launches)  # the graph's `search`, tested with the schema
    assert unknown == {
        launch["id"] for launch in launches if launch["net"] <= "1965-01-01T00:00:00Z"
    }


async def test_bad_values_answer_400_naming_each_parameter(engine: AsyncEngine) -> None:
    async with rest_client(engine) as client:
        response = await client.get(
            LAUNCHES,
            params={"net__gt": "yesterday", "status": "two", "id": "nope", "is_crewed": "maybe"},
        )
        flights = await client.get(FLIGHTS, params={"spacecraft": "abc"})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {
        "net__gt": ["Enter a valid date/time."],
        "status": ["Enter a number."],
        "id": ["Enter a valid UUID."],
    }
    assert flights.status_code == 400
    assert flights.json() == {"spacecraft": ["Enter a number."]}


@pytest.mark.parametrize(
    "moment", ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "10000-01-01T00:00:00Z"]
)
async def test_moments_beyond_the_calendar_in_utc_answer_400(
    engine: AsyncEngine, moment: str
) -> None:
    async with rest_client(engine) as client:
        response = await client.get(LAUNCHES, params={"net__gt": moment})
    assert response.status_code == 400
    assert response.json() == {"net__gt": ["Enter a valid date/time."]}


async def test_unknown_ids_methods_and_formats(engine: AsyncEngine) -> None:
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    async with rest_client(engine) as client:
        missing = await client.get(f"{FLIGHTS}1/")
        not_a_number = await client.get(f"{FLIGHTS}abc/")
        too_big = await client.get(f"{FLIGHTS}99999999999999/")
        bad_uuid = await client.get(f"{LAUNCHES}not-a-uuid/")
        post = await client.post(f"{FLIGHTS}859/")
        xml = await client.get(f"{FLIGHTS}859/", params={"format": "xml"})
        unknown = await client.get("/2.3.0/no_such_endpoint/")
    for response in (missing, not_a_number, too_big):
        assert response.status_code == 404
        assert response.json() == {"detail": "No SpacecraftFlight matches the given query."}
    assert bad_uuid.json() == {"detail": "No Launch matches the given query."}
    assert post.status_code == 405
    assert post.json() == {"detail": 'Method "POST" not allowed.'}
    assert post.headers["allow"] == "GET"
    assert xml.status_code == 404 and xml.json() == {"detail": "Not found."}
    assert unknown.status_code == 404


async def test_modes_and_the_detail_view(engine: AsyncEngine) -> None:
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    async with rest_client(engine) as client:
        normal = (await client.get(FLIGHTS)).json()["results"][0]
        detailed = (await client.get(FLIGHTS, params={"mode": "detailed"})).json()["results"][0]
        unknown = (await client.get(FLIGHTS, params={"mode": "galactic"})).json()["results"][0]
        detail = (await client.get(f"{FLIGHTS}859/", params={"mode": "normal"})).json()
    assert normal["response_mode"] == unknown["response_mode"] == "normal"
    assert "launch_crew" not in normal
    assert detailed["response_mode"] == detail["response_mode"] == "detailed"
    assert detailed == detail
