"""Q1-Q5 in PostGraphile 5's schema (amber preset: ``rowId`` for our ``id`` columns,
``<table>By<ForeignKey>`` relations), and the projections that make its answers comparable.

PostGraphile has no LL2 computed fields (urls, counts, durations worked out at read time), so
its Q1 asks for a subset of the detailed shape: the stored values of the same nested
relations (flight → spacecraft → status, configuration → agency; launch → status, provider,
pad → location → celestial body; landing; the crews with role and astronaut). Q2-Q5 ask for
exactly flightgraph's fields.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

PGL_Q1 = """query Q1($first: Int!, $offset: Int!) {
  allSpacecraftFlights(first: $first, offset: $offset, orderBy: PRIMARY_KEY_ASC) {
    totalCount
    nodes {
      rowId destination missionEnd duration turnAroundTime
      spacecraftBySpacecraftId {
        rowId name serialNumber description inSpace timeInSpace
        spacecraftStatusByStatusId { rowId name }
        spacecraftConfigurationBySpacecraftConfigId {
          rowId name agencyByAgencyId { rowId name abbrev }
        }
      }
      launchByLaunchId {
        rowId name net
        launchStatusByStatusId { rowId name abbrev }
        agencyByLaunchServiceProviderId { rowId name }
        padByPadId {
          rowId name
          locationByLocationId { rowId name celestialBodyByCelestialBodyId { rowId name } }
        }
      }
      landingByLandingId { rowId attempt success description }
      astronautFlightsByFlightId(orderBy: PRIMARY_KEY_ASC) {
        nodes {
          rowId crew
          astronautRoleByRoleId { rowId role }
          astronautByAstronautId { rowId name }
        }
      }
    }
  }
}"""

PGL_Q2 = """query Q2($from: Datetime!) {
  allLaunches(
    first: 20, orderBy: [NET_ASC, PRIMARY_KEY_ASC]
    filter: {net: {greaterThanOrEqualTo: $from}}
  ) {
    nodes {
      rowId name net
      launchStatusByStatusId { rowId name abbrev }
      padByPadId { rowId name locationByLocationId { rowId name } }
      agencyByLaunchServiceProviderId { rowId name abbrev }
      imageByImageId { rowId imageUrl thumbnailUrl }
    }
  }
}"""

PGL_Q3 = """query Q3($agency: BigInt!) {
  agencyByRowId(rowId: $agency) {
    rowId name
    launchesByLaunchServiceProviderId(first: 100, orderBy: [NET_ASC, PRIMARY_KEY_ASC]) {
      nodes {
        rowId name net
        padByPadId {
          rowId name
          locationByLocationId { rowId name celestialBodyByCelestialBodyId { rowId name } }
        }
      }
    }
  }
}"""

PGL_Q4 = """query Q4($flight: BigInt!) {
  spacecraftFlightByRowId(rowId: $flight) {
    rowId destination missionEnd duration
    spacecraftBySpacecraftId { rowId name serialNumber }
    launchByLaunchId { rowId name net launchStatusByStatusId { rowId name } }
  }
}"""

PGL_Q5 = """query Q5($after: Cursor!) {
  allSpacecraftFlights(first: 20, after: $after, orderBy: PRIMARY_KEY_ASC) {
    edges { cursor node { rowId destination missionEnd launchByLaunchId { rowId name net } } }
    pageInfo { hasNextPage endCursor }
  }
}"""

# PostGraphile's own cursor for the flight flightgraph's Q5 cursor points at. (Found by id:
# `offset` with `edges { cursor }` fails inside grafast 1.x, "reading 'items'".)
PGL_CURSOR_OF = """query($id: BigInt!) {
  allSpacecraftFlights(first: 1, orderBy: PRIMARY_KEY_ASC, filter: {rowId: {equalTo: $id}}) {
    edges { cursor node { rowId } }
  }
}"""

DOCUMENTS = {"Q1": PGL_Q1, "Q2": PGL_Q2, "Q3": PGL_Q3, "Q4": PGL_Q4, "Q5": PGL_Q5}

# PostGraphile field → flightgraph field, for the generic projection of Q2-Q5.
RENAMES = {
    "rowId": "ll2Id",
    "launchStatusByStatusId": "status",
    "padByPadId": "pad",
    "locationByLocationId": "location",
    "celestialBodyByCelestialBodyId": "celestialBody",
    "agencyByLaunchServiceProviderId": "launchServiceProvider",
    "imageByImageId": "image",
    "launchesByLaunchServiceProviderId": "launches",
    "spacecraftBySpacecraftId": "spacecraft",
    "launchByLaunchId": "launch",
    "allLaunches": "launches",
    "agencyByRowId": "agency",
    "spacecraftFlightByRowId": "flight",
    "allSpacecraftFlights": "flights",
}
CURSOR_KEYS = {"cursor", "endCursor", "startCursor"}  # each server's own opaque format
TIME_KEYS = {"net", "missionEnd", "mission_end"}


def _time(value: str | None) -> str | None:
    if value is None:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC).isoformat()


def _id(value: Any) -> Any:
    # PostGraphile sends BigInt as a string; launch ids (UUIDs) stay strings.
    return int(value) if isinstance(value, str) and value.isdigit() else value


def _generic(value: Any) -> Any:
    if isinstance(value, list):
        return [_generic(item) for item in value]
    if not isinstance(value, dict):
        return value
    projected = {}
    for key, item in value.items():
        if key in CURSOR_KEYS:
            continue
        name = RENAMES.get(key, key)
        if name == "ll2Id":
            item = _id(item)
        elif name in TIME_KEYS:
            item = _time(item)
        projected[name] = _generic(item)
    return projected


def _pair(node: dict | None, *keys: str) -> tuple | None:
    return None if node is None else tuple(_id(node[key]) for key in keys)


def _ll2_flight(flight: dict) -> dict:
    """The compared values of one flight in LL2's detailed shape (GraphQL Q1 or REST)."""
    craft, launch, landing = flight["spacecraft"], flight["launch"], flight["landing"]
    config = craft and craft["spacecraft_config"]
    pad = launch and launch["pad"]
    location = pad and pad["location"]
    crews = [
        (
            kind,
            seat["id"],
            _pair(seat["role"], "id", "role"),
            _pair(seat["astronaut"], "id", "name"),
        )
        for kind in ("launch", "onboard", "landing")
        for seat in flight[f"{kind}_crew"]
    ]
    return {
        "flight": (flight["id"], flight["destination"], _time(flight["mission_end"])),
        "durations": (flight["duration"], flight["turn_around_time"]),
        "spacecraft": craft
        and (
            _pair(craft, "id", "name", "serial_number", "description", "in_space"),
            craft["time_in_space"],
            _pair(craft["status"], "id", "name"),
            _pair(config, "id", "name"),
            _pair(config and config["agency"], "id", "name", "abbrev"),
        ),
        "launch": launch
        and (
            _pair(launch, "id", "name"),
            _time(launch["net"]),
            _pair(launch["status"], "id", "name", "abbrev"),
            _pair(launch["launch_service_provider"], "id", "name"),
            _pair(pad, "id", "name"),
            _pair(location, "id", "name"),
            _pair(location and location["celestial_body"], "id", "name"),
        ),
        "landing": _pair(landing, "id", "attempt", "success", "description"),
        "crews": sorted(crews, key=repr),
    }


def _pgl_flight(flight: dict) -> dict:
    craft, launch = flight["spacecraftBySpacecraftId"], flight["launchByLaunchId"]
    config = craft and craft["spacecraftConfigurationBySpacecraftConfigId"]
    pad = launch and launch["padByPadId"]
    location = pad and pad["locationByLocationId"]
    crews = [
        (
            seat["crew"],
            _id(seat["rowId"]),
            _pair(seat["astronautRoleByRoleId"], "rowId", "role"),
            _pair(seat["astronautByAstronautId"], "rowId", "name"),
        )
        for seat in flight["astronautFlightsByFlightId"]["nodes"]
    ]
    return {
        "flight": (_id(flight["rowId"]), flight["destination"], _time(flight["missionEnd"])),
        "durations": (flight["duration"], flight["turnAroundTime"]),
        "spacecraft": craft
        and (
            _pair(craft, "rowId", "name", "serialNumber", "description", "inSpace"),
            craft["timeInSpace"],
            _pair(craft["spacecraftStatusByStatusId"], "rowId", "name"),
            _pair(config, "rowId", "name"),
            _pair(config and config["agencyByAgencyId"], "rowId", "name", "abbrev"),
        ),
        "launch": launch
        and (
            _pair(launch, "rowId", "name"),
            _time(launch["net"]),
            _pair(launch["launchStatusByStatusId"], "rowId", "name", "abbrev"),
            _pair(launch["agencyByLaunchServiceProviderId"], "rowId", "name"),
            _pair(pad, "rowId", "name"),
            _pair(location, "rowId", "name"),
            _pair(location and location["celestialBodyByCelestialBodyId"], "rowId", "name"),
        ),
        "landing": _pair(
            flight["landingByLandingId"], "rowId", "attempt", "success", "description"
        ),
        "crews": sorted(crews, key=repr),
    }


def project_flightgraph(name: str, body: dict) -> Any:
    """flightgraph's GraphQL answer, reduced to the values PostGraphile's answer carries."""
    data = body["data"]
    if name == "Q1":
        page = data["page"]
        return {"count": page["count"], "flights": [_ll2_flight(f) for f in page["results"]]}
    return _generic(data)


def project_rest(body: dict) -> Any:
    """The LL2 REST answer (Q1 only), reduced like flightgraph's GraphQL Q1."""
    return {"count": body["count"], "flights": [_ll2_flight(f) for f in body["results"]]}


def project_postgraphile(name: str, body: dict) -> Any:
    data = body["data"]
    if name == "Q1":
        page = data["allSpacecraftFlights"]
        return {"count": page["totalCount"], "flights": [_pgl_flight(f) for f in page["nodes"]]}
    return _generic(data)
