"""Q2-Q5 for PostgreSQL: each one statement whose single value is the ``data`` object's JSON.

``json_build_object`` keeps key order (``json``, never ``jsonb``, which sorts keys);
``json_agg(... ORDER BY ...)`` keeps the list order and is NULL for no rows, hence COALESCE.
To-one relations are LEFT JOINs, NULL when the row is missing as flightgraph's null.
Parameters are asyncpg's ``$n``.
"""

from __future__ import annotations

from bench.floor_json.fragments import postgres_cursor as cursor
from bench.floor_json.fragments import postgres_timestamp as ts

EMPTY = "'[]'::json"


def _obj_or_null(key: str, fields: str) -> str:
    return f"CASE WHEN {key} IS NULL THEN NULL ELSE json_build_object({fields}) END"


def upcoming_launches() -> str:
    location = _obj_or_null("loc.id", "'ll2Id', loc.id, 'name', loc.name")
    node = f"""json_build_object(
        'll2Id', l.id, 'name', l.name, 'net', {ts("l.net")},
        'status', {_obj_or_null("s.id", "'ll2Id', s.id, 'name', s.name, 'abbrev', s.abbrev")},
        'pad', {_obj_or_null("p.id", f"'ll2Id', p.id, 'name', p.name, 'location', {location}")},
        'launchServiceProvider',
            {_obj_or_null("a.id", "'ll2Id', a.id, 'name', a.name, 'abbrev', a.abbrev")},
        'image', {
        _obj_or_null(
            "i.id", "'ll2Id', i.id, 'imageUrl', i.image_url, 'thumbnailUrl', i.thumbnail_url"
        )
    })"""
    return f"""
    SELECT json_build_object('launches', json_build_object('nodes',
        COALESCE(json_agg({node} ORDER BY l.net, l.id), {EMPTY})))::text
    FROM (SELECT * FROM launches WHERE net >= $1 ORDER BY net NULLS LAST, id LIMIT 20) l
    LEFT JOIN launch_statuses s ON s.id = l.status_id
    LEFT JOIN pads p ON p.id = l.pad_id
    LEFT JOIN locations loc ON loc.id = p.location_id
    LEFT JOIN agencies a ON a.id = l.launch_service_provider_id
    LEFT JOIN images i ON i.id = l.image_id"""


def agency_launches() -> str:
    body = _obj_or_null("cb.id", "'ll2Id', cb.id, 'name', cb.name")
    location = _obj_or_null("loc.id", f"'ll2Id', loc.id, 'name', loc.name, 'celestialBody', {body}")
    pad = _obj_or_null("p.id", f"'ll2Id', p.id, 'name', p.name, 'location', {location}")
    node = f"json_build_object('ll2Id', l.id, 'name', l.name, 'net', {ts('l.net')}, 'pad', {pad})"
    # LATERAL: the agency's 100 launches, their places joined, aggregated in net order.
    return f"""
    SELECT json_build_object('agency', (
        SELECT json_build_object('ll2Id', a.id, 'name', a.name,
                                 'launches', json_build_object('nodes', page.nodes))
        FROM agencies a
        CROSS JOIN LATERAL (
            SELECT COALESCE(json_agg({node} ORDER BY l.net, l.id), {EMPTY}) AS nodes
            FROM (SELECT * FROM launches WHERE launch_service_provider_id = a.id
                  ORDER BY net NULLS LAST, id LIMIT 100) l
            LEFT JOIN pads p ON p.id = l.pad_id
            LEFT JOIN locations loc ON loc.id = p.location_id
            LEFT JOIN celestial_bodies cb ON cb.id = loc.celestial_body_id
        ) page
        WHERE a.id = $1))::text"""


def flight_by_id() -> str:
    status = _obj_or_null("s.id", "'ll2Id', s.id, 'name', s.name")
    launch = _obj_or_null(
        "l.id", f"'ll2Id', l.id, 'name', l.name, 'net', {ts('l.net')}, 'status', {status}"
    )
    spacecraft = _obj_or_null(
        "c.id", "'ll2Id', c.id, 'name', c.name, 'serialNumber', c.serial_number"
    )
    return f"""
    SELECT json_build_object('flight', (
        SELECT json_build_object('ll2Id', f.id, 'destination', f.destination,
                                 'missionEnd', {ts("f.mission_end")}, 'duration', f.duration,
                                 'spacecraft', {spacecraft}, 'launch', {launch})
        FROM spacecraft_flights f
        LEFT JOIN spacecraft c ON c.id = f.spacecraft_id
        LEFT JOIN launches l ON l.id = f.launch_id
        LEFT JOIN launch_statuses s ON s.id = l.status_id
        WHERE f.id = $1))::text"""


def flights_after() -> str:
    """One row more than the page says whether another page follows."""
    launch = _obj_or_null("l.id", f"'ll2Id', l.id, 'name', l.name, 'net', {ts('l.net')}")
    node = f"""json_build_object('ll2Id', e.id, 'destination', e.destination,
                                 'missionEnd', {ts("e.mission_end")}, 'launch', {launch})"""
    return f"""
    WITH ahead AS (
        SELECT id, destination, mission_end, launch_id FROM spacecraft_flights
        WHERE id > $1 ORDER BY id LIMIT $2 + 1
    ), edges AS (
        SELECT *, {cursor("id")} AS cursor FROM ahead ORDER BY id LIMIT $2
    )
    SELECT json_build_object('flights', json_build_object(
        'edges', COALESCE((
            SELECT json_agg(json_build_object('cursor', e.cursor, 'node', {node}) ORDER BY e.id)
            FROM edges e LEFT JOIN launches l ON l.id = e.launch_id), {EMPTY}),
        'pageInfo', json_build_object(
            'hasNextPage', (SELECT count(*) FROM ahead) > $2,
            'endCursor', (SELECT cursor FROM edges ORDER BY id DESC LIMIT 1))))::text"""
