"""Hand-written SQL and result shaping for Q2-Q5, one function per query.

Each returns the ``data`` object flightgraph returns for the same document and variables:
the same keys in the same order, the same value formats (timestamps as ``…Z``, cursors in
flightgraph's keyset format), so that ``orjson.dumps`` yields the same bytes. Joins instead
of one statement per level: the floor is the fastest honest way, not flightgraph's way.

Q1 (the LL2 detailed shape: ~280 fields over 13 levels) lives in bench/floor/q1.py: one
statement per table and relation level instead of joins, as the shape is a tree of lists.
"""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import bindparam, text
from sqlalchemy.ext.asyncio import AsyncConnection

from bench import queries
from bench.floor.q1 import detailed_flights
from store.types import UTCDateTime

Handler = Callable[[AsyncConnection, dict[str, Any]], Awaitable[Any]]
FLIGHT_ORDER = "id"  # flightgraph's default flight order, as its cursors name it
PAGE = 20


def _ts(value: datetime | str | None) -> str | None:
    """flightgraph's DateTime: UTC, ISO-8601, ``Z``. SQLite hands back the stored text."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _launch_id(value: Any) -> str:
    return str(value)


def _cursor(flight_id: int) -> str:
    payload = orjson.dumps({"o": FLIGHT_ORDER, "v": [flight_id]})
    return base64.urlsafe_b64encode(payload).decode().rstrip("=")


def _after(cursor: str) -> int:
    data = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    if data["o"] != FLIGHT_ORDER or len(data["v"]) != 1:
        raise ValueError(f"not a flight id cursor: {cursor!r}")
    return int(data["v"][0])


Q2_SQL = text("""
    SELECT l.id, l.name, l.net,
           s.id, s.name, s.abbrev,
           p.id, p.name, loc.id, loc.name,
           a.id, a.name, a.abbrev,
           i.id, i.image_url, i.thumbnail_url
    FROM launches l
    LEFT JOIN launch_statuses s ON s.id = l.status_id
    LEFT JOIN pads p ON p.id = l.pad_id
    LEFT JOIN locations loc ON loc.id = p.location_id
    LEFT JOIN agencies a ON a.id = l.launch_service_provider_id
    LEFT JOIN images i ON i.id = l.image_id
    WHERE l.net >= :since
    ORDER BY l.net NULLS LAST, l.id
    LIMIT 20
""").bindparams(bindparam("since", type_=UTCDateTime()))


async def upcoming_launches(conn: AsyncConnection, variables: dict[str, Any]) -> Any:
    since = datetime.fromisoformat(variables["from"].replace("Z", "+00:00"))
    rows = (await conn.execute(Q2_SQL, {"since": since})).all()
    nodes = []
    for r in rows:
        pad = None
        if r[6] is not None:
            location = None if r[8] is None else {"ll2Id": r[8], "name": r[9]}
            pad = {"ll2Id": r[6], "name": r[7], "location": location}
        nodes.append(
            {
                "ll2Id": _launch_id(r[0]),
                "name": r[1],
                "net": _ts(r[2]),
                "status": None if r[3] is None else {"ll2Id": r[3], "name": r[4], "abbrev": r[5]},
                "pad": pad,
                "launchServiceProvider": None
                if r[10] is None
                else {"ll2Id": r[10], "name": r[11], "abbrev": r[12]},
                "image": None
                if r[13] is None
                else {"ll2Id": r[13], "imageUrl": r[14], "thumbnailUrl": r[15]},
            }
        )
    return {"launches": {"nodes": nodes}}


Q3_AGENCY_SQL = text("SELECT id, name FROM agencies WHERE id = :agency")
Q3_LAUNCHES_SQL = text("""
    SELECT l.id, l.name, l.net, p.id, p.name, loc.id, loc.name, cb.id, cb.name
    FROM launches l
    LEFT JOIN pads p ON p.id = l.pad_id
    LEFT JOIN locations loc ON loc.id = p.location_id
    LEFT JOIN celestial_bodies cb ON cb.id = loc.celestial_body_id
    WHERE l.launch_service_provider_id = :agency
    ORDER BY l.net NULLS LAST, l.id
    LIMIT 100
""")


async def agency_launches(conn: AsyncConnection, variables: dict[str, Any]) -> Any:
    agency = (await conn.execute(Q3_AGENCY_SQL, {"agency": variables["agency"]})).first()
    if agency is None:
        return {"agency": None}
    rows = (await conn.execute(Q3_LAUNCHES_SQL, {"agency": agency[0]})).all()
    nodes = []
    for r in rows:
        pad = None
        if r[3] is not None:
            location = None
            if r[5] is not None:
                body = None if r[7] is None else {"ll2Id": r[7], "name": r[8]}
                location = {"ll2Id": r[5], "name": r[6], "celestialBody": body}
            pad = {"ll2Id": r[3], "name": r[4], "location": location}
        nodes.append({"ll2Id": _launch_id(r[0]), "name": r[1], "net": _ts(r[2]), "pad": pad})
    return {"agency": {"ll2Id": agency[0], "name": agency[1], "launches": {"nodes": nodes}}}


Q4_SQL = text("""
    SELECT f.id, f.destination, f.mission_end, f.duration,
           c.id, c.name, c.serial_number,
           l.id, l.name, l.net, s.id, s.name
    FROM spacecraft_flights f
    LEFT JOIN spacecraft c ON c.id = f.spacecraft_id
    LEFT JOIN launches l ON l.id = f.launch_id
    LEFT JOIN launch_statuses s ON s.id = l.status_id
    WHERE f.id = :flight
""")


async def flight_by_id(conn: AsyncConnection, variables: dict[str, Any]) -> Any:
    r = (await conn.execute(Q4_SQL, {"flight": variables["flight"]})).first()
    if r is None:
        return {"flight": None}
    launch = None
    if r[7] is not None:
        status = None if r[10] is None else {"ll2Id": r[10], "name": r[11]}
        launch = {"ll2Id": _launch_id(r[7]), "name": r[8], "net": _ts(r[9]), "status": status}
    return {
        "flight": {
            "ll2Id": r[0],
            "destination": r[1],
            "missionEnd": _ts(r[2]),
            "duration": r[3],
            "spacecraft": None
            if r[4] is None
            else {"ll2Id": r[4], "name": r[5], "serialNumber": r[6]},
            "launch": launch,
        }
    }


Q5_SQL = text("""
    SELECT f.id, f.destination, f.mission_end, l.id, l.name, l.net
    FROM spacecraft_flights f
    LEFT JOIN launches l ON l.id = f.launch_id
    WHERE f.id > :after
    ORDER BY f.id
    LIMIT :limit
""")


async def flights_after(conn: AsyncConnection, variables: dict[str, Any]) -> Any:
    after = _after(variables["after"])
    rows = (await conn.execute(Q5_SQL, {"after": after, "limit": PAGE + 1})).all()
    edges = []
    for r in rows[:PAGE]:
        launch = (
            None if r[3] is None else {"ll2Id": _launch_id(r[3]), "name": r[4], "net": _ts(r[5])}
        )
        node = {"ll2Id": r[0], "destination": r[1], "missionEnd": _ts(r[2]), "launch": launch}
        edges.append({"cursor": _cursor(r[0]), "node": node})
    page_info = {
        "hasNextPage": len(rows) > PAGE,
        "endCursor": edges[-1]["cursor"] if edges else None,
    }
    return {"flights": {"edges": edges, "pageInfo": page_info}}


# By exact document text: the floor serves the benchmark's documents and nothing else.
HANDLERS: dict[str, Handler] = {
    queries.q1_document(): detailed_flights,
    queries.Q2: upcoming_launches,
    queries.Q3: agency_launches,
    queries.Q4: flight_by_id,
    queries.Q5: flights_after,
}
FLOOR_QUERIES = ("Q1", "Q2", "Q3", "Q4", "Q5")
