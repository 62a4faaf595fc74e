"""Q2-Q5 for SQLite: each one statement whose single value is the ``data`` object's JSON.

``json_object`` keeps key order; a list is ``json_group_array`` over a subquery that is
already ordered and limited (SQLite 3.40 has no ORDER BY inside an aggregate; it aggregates
in the order the subquery yields), and is ``[]`` for no rows. To-one relations are LEFT
JOINs inside that subquery, after the page is limited where it is picked from many rows (Q3:
an agency's thousands of launches). A value taken from a subquery loses its JSON subtype and
would be quoted as a string: ``json(...)`` marks it as JSON again. Parameters are ``?``.
"""

from __future__ import annotations

from bench.floor_json.fragments import sqlite_cursor as cursor
from bench.floor_json.fragments import sqlite_cursor_tail as cursor_tail
from bench.floor_json.fragments import sqlite_timestamp as ts


def _obj_or_null(key: str, fields: str) -> str:
    return f"CASE WHEN {key} IS NULL THEN NULL ELSE json_object({fields}) END"


def upcoming_launches() -> str:
    location = _obj_or_null("loc_id", "'ll2Id', loc_id, 'name', loc_name")
    image = _obj_or_null("i_id", "'ll2Id', i_id, 'imageUrl', i_url, 'thumbnailUrl', i_thumb")
    node = f"""json_object(
        'll2Id', id, 'name', name, 'net', {ts("net")},
        'status', {_obj_or_null("s_id", "'ll2Id', s_id, 'name', s_name, 'abbrev', s_abbrev")},
        'pad', {_obj_or_null("p_id", f"'ll2Id', p_id, 'name', p_name, 'location', {location}")},
        'launchServiceProvider',
            {_obj_or_null("a_id", "'ll2Id', a_id, 'name', a_name, 'abbrev', a_abbrev")},
        'image', {image})"""
    return f"""
    SELECT json_object('launches', json_object('nodes', json_group_array({node})))
    FROM (
        SELECT l.id, l.name, l.net, s.id AS s_id, s.name AS s_name, s.abbrev AS s_abbrev,
               p.id AS p_id, p.name AS p_name, loc.id AS loc_id, loc.name AS loc_name,
               a.id AS a_id, a.name AS a_name, a.abbrev AS a_abbrev,
               i.id AS i_id, i.image_url AS i_url, i.thumbnail_url AS i_thumb
        FROM launches l
        LEFT JOIN launch_statuses s ON s.id = l.status_id
        LEFT JOIN pads p ON p.id = l.pad_id
        LEFT JOIN locations loc ON loc.id = p.location_id
        LEFT JOIN agencies a ON a.id = l.launch_service_provider_id
        LEFT JOIN images i ON i.id = l.image_id
        WHERE l.net >= ?
        ORDER BY l.net NULLS LAST, l.id
        LIMIT 20
    )"""


def agency_launches() -> str:
    body = _obj_or_null("cb_id", "'ll2Id', cb_id, 'name', cb_name")
    location = _obj_or_null("loc_id", f"'ll2Id', loc_id, 'name', loc_name, 'celestialBody', {body}")
    pad = _obj_or_null("p_id", f"'ll2Id', p_id, 'name', p_name, 'location', {location}")
    node = f"json_object('ll2Id', id, 'name', name, 'net', {ts('net')}, 'pad', {pad})"
    return f"""
    SELECT json_object('agency', json((
        SELECT json_object('ll2Id', a.id, 'name', a.name, 'launches', json_object('nodes', json((
            SELECT json_group_array({node})
            FROM (
                SELECT l.id, l.name, l.net, p.id AS p_id, p.name AS p_name,
                       loc.id AS loc_id, loc.name AS loc_name, cb.id AS cb_id, cb.name AS cb_name
                FROM (SELECT id, name, net, pad_id FROM launches
                      WHERE launch_service_provider_id = a.id
                      ORDER BY net NULLS LAST, id LIMIT 100) l
                LEFT JOIN pads p ON p.id = l.pad_id
                LEFT JOIN locations loc ON loc.id = p.location_id
                LEFT JOIN celestial_bodies cb ON cb.id = loc.celestial_body_id
                ORDER BY l.net NULLS LAST, l.id
            )))))
        FROM agencies a WHERE a.id = ?)))"""


def flight_by_id() -> str:
    status = _obj_or_null("s.id", "'ll2Id', s.id, 'name', s.name")
    launch = _obj_or_null(
        "l.id", f"'ll2Id', l.id, 'name', l.name, 'net', {ts('l.net')}, 'status', {status}"
    )
    spacecraft = _obj_or_null(
        "c.id", "'ll2Id', c.id, 'name', c.name, 'serialNumber', c.serial_number"
    )
    return f"""
    SELECT json_object('flight', json((
        SELECT json_object('ll2Id', f.id, 'destination', f.destination,
                           'missionEnd', {ts("f.mission_end")}, 'duration', f.duration,
                           'spacecraft', {spacecraft}, 'launch', {launch})
        FROM spacecraft_flights f
        LEFT JOIN spacecraft c ON c.id = f.spacecraft_id
        LEFT JOIN launches l ON l.id = f.launch_id
        LEFT JOIN launch_statuses s ON s.id = l.status_id
        WHERE f.id = ?)))"""


def flights_after() -> str:
    """One row more than the page says whether another page follows (``?2`` is the page)."""
    launch = _obj_or_null("l_id", f"'ll2Id', l_id, 'name', l_name, 'net', {ts('l_net')}")
    node = f"""json_object('ll2Id', id, 'destination', destination,
                           'missionEnd', {ts("mission_end")}, 'launch', {launch})"""
    return f"""
    WITH ahead AS (
        SELECT id, destination, mission_end, launch_id, {cursor_tail("id")} AS tail
        FROM spacecraft_flights WHERE id > ?1 ORDER BY id LIMIT ?2 + 1
    ), edges AS (
        SELECT e.*, {cursor("e.tail")} AS cursor, l.id AS l_id, l.name AS l_name, l.net AS l_net
        FROM (SELECT * FROM ahead ORDER BY id LIMIT ?2) e
        LEFT JOIN launches l ON l.id = e.launch_id
        ORDER BY e.id
    )
    SELECT json_object('flights', json_object(
        'edges', json((SELECT json_group_array(json_object('cursor', cursor, 'node', {node}))
                       FROM edges)),
        'pageInfo', json_object(
            'hasNextPage', json(CASE WHEN (SELECT count(*) FROM ahead) > ?2
                                THEN 'true' ELSE 'false' END),
            'endCursor', (SELECT cursor FROM edges ORDER BY id DESC LIMIT 1))))"""
