"""The LL2 endpoints served under ``/2.3.0/``: which root fields, types and inputs answer each.

What an endpoint *looks like* (its modes, parameters, help text, searched and ordering fields)
is LL2's own description, generated into ``schema/rest/endpoints.json``; this table only says
where in the graph each endpoint lives.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ROOT / "schema" / "rest"

# GraphQL types whose `url` is an LL2 API url, and the endpoint it points at.
URL_ENDPOINT_OF_TYPE = {
    "Agency": "agencies",
    "Astronaut": "astronauts",
    "CelestialBody": "celestial_bodies",
    "DockingEvent": "docking_events",
    "Event": "events",
    "Expedition": "expeditions",
    "Flight": "spacecraft_flights",
    "Landing": "landings",
    "Launch": "launches",
    "Launcher": "launchers",
    "LauncherConfig": "launcher_configurations",
    "Location": "locations",
    "Pad": "pads",
    "PayloadFlight": "payload_flights",
    "Program": "programs",
    "SpaceStation": "space_stations",
    "Spacecraft": "spacecraft",
    "SpacecraftConfig": "spacecraft_configurations",
    "Spacewalk": "spacewalks",
}


@dataclass(frozen=True)
class Endpoint:
    """One LL2 list endpoint and its detail view, as root fields of the graph."""

    ll2_path: str  # under /2.3.0/, e.g. "launches/upcoming"
    type_name: str  # GraphQL node type
    one: str  # root field fetching one by ll2Id
    many: str  # root connection
    filter_type: str
    order_type: str
    noun: str  # LL2's model name, for "No <noun> matches the given query."
    document: str | None = None  # base name of its documents; None: another endpoint's
    uuid: bool = False

    @property
    def documents(self) -> str:
        return self.document or self.ll2_path.split("/")[0]

    def list_operation(self, fragment: str, schema_name: str) -> str:
        return (
            f"# LL2 {schema_name}: /2.3.0/{self.ll2_path}/\n"
            f"query list($first: Int!, $offset: Int!, $filter: {self.filter_type}, "
            f"$orderBy: {self.order_type}!) {{\n"
            f"  page: {self.many}(first: $first, offset: $offset, filter: $filter, "
            f"orderBy: $orderBy) {{\n"
            f"    count: totalCount\n"
            f"    results: nodes {{ ...{fragment} }}\n"
            f"  }}\n"
            f"}}\n"
        )

    def detail_operation(self, fragment: str, schema_name: str) -> str:
        key = "UUID" if self.uuid else "Int"
        return (
            f"# LL2 {schema_name}: /2.3.0/{self.ll2_path}/{{id}}/\n"
            f"query detail($id: {key}!) {{\n"
            f"  result: {self.one}(ll2Id: $id) {{ ...{fragment} }}\n"
            f"}}\n"
        )


def _endpoint(path: str, type_name: str, one: str, many: str, noun: str, **kw: object) -> Endpoint:
    kw.setdefault("document", path)
    return Endpoint(
        path, type_name, one, many, f"{type_name}Filter", f"{type_name}Order", noun, **kw
    )  # type: ignore[arg-type]


ENDPOINTS: dict[str, Endpoint] = {
    e.ll2_path: e
    for e in (
        _endpoint("spacecraft_flights", "Flight", "flight", "flights", "SpacecraftFlight"),
        _endpoint("launches", "Launch", "launch", "launches", "Launch", uuid=True),
        _endpoint(
            "launches/upcoming", "Launch", "launch", "launches", "Launch", uuid=True, document=None
        ),
        _endpoint(
            "launches/previous", "Launch", "launch", "launches", "Launch", uuid=True, document=None
        ),
        _endpoint("spacecraft", "Spacecraft", "spacecraft", "spacecraftList", "Spacecraft"),
        _endpoint(
            "spacecraft_configurations",
            "SpacecraftConfig",
            "spacecraftConfig",
            "spacecraftConfigs",
            "SpacecraftConfiguration",
        ),
        _endpoint("agencies", "Agency", "agency", "agencies", "Agency"),
        _endpoint("pads", "Pad", "pad", "pads", "Pad"),
        _endpoint("locations", "Location", "location", "locations", "Location"),
        _endpoint("landings", "Landing", "landing", "landings", "Landing"),
        _endpoint(
            "celestial_bodies", "CelestialBody", "celestialBody", "celestialBodies", "CelestialBody"
        ),
        _endpoint("astronauts", "Astronaut", "astronaut", "astronauts", "Astronaut"),
        _endpoint(
            "docking_events", "DockingEvent", "dockingEvent", "dockingEvents", "DockingEvent"
        ),
        _endpoint(
            "space_stations", "SpaceStation", "spaceStation", "spaceStations", "SpaceStation"
        ),
        _endpoint("launchers", "Launcher", "launcher", "launchers", "Launcher"),
        _endpoint("events", "Event", "event", "events", "Event"),
        _endpoint("events/upcoming", "Event", "event", "events", "Event", document=None),
        _endpoint("events/previous", "Event", "event", "events", "Event", document=None),
    )
}
