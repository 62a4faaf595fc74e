"""``LookupQuery``: a root connection for each of LL2's lookups, so a client can find the id a
filter takes (``launchStatuses(filter: {abbrev: {eq: "Success"}})`` → 3)."""

from __future__ import annotations

from typing import Any

import strawberry

from schema import lookups
from schema.inputs.lookup import LookupFilter, LookupOrder
from schema.mission import Orbit
from schema.pagination import connection_field
from schema.values import Country

# listing (also the field, in camelCase): (node type, what it lists)
LISTS: dict[str, tuple[Any, str]] = {
    "launch_statuses": (lookups.LaunchStatus, "Launch statuses"),
    "net_precisions": (lookups.NetPrecision, "NET precisions"),
    "agency_types": (lookups.AgencyType, "Agency types"),
    "landing_types": (lookups.LandingType, "Landing types"),
    "celestial_body_types": (lookups.CelestialBodyType, "Celestial body types"),
    "spacecraft_statuses": (lookups.SpacecraftStatus, "Spacecraft statuses"),
    "spacecraft_config_types": (lookups.SpacecraftConfigType, "Spacecraft configuration types"),
    "launcher_statuses": (lookups.LauncherStatus, "Launcher statuses"),
    "astronaut_statuses": (lookups.AstronautStatus, "Astronaut statuses"),
    "astronaut_types": (lookups.AstronautType, "Astronaut types"),
    "astronaut_roles": (lookups.AstronautRole, "Crew roles"),
    "space_station_statuses": (lookups.SpaceStationStatus, "Space station statuses"),
    "space_station_types": (lookups.SpaceStationType, "Space station types"),
    "program_types": (lookups.ProgramType, "Program types"),
    "payload_types": (lookups.PayloadType, "Payload types"),
    "orbits": (Orbit, "Orbits"),
    "countries": (Country, "Countries"),
}
# LL2's endpoint under /2.3.0/config/ where it is not named like the listing (None: none).
LL2_PATHS = {
    "spacecraft_config_types": "spacecraft_configuration_types",
    "space_station_types": None,
}


def _lookup(listing: str, node: Any, what: str) -> Any:
    path = LL2_PATHS.get(listing, listing)
    where = f"LL2 `/2.3.0/config/{path}/`" if path else "nested in LL2's space stations"
    return connection_field(
        node,
        listing,
        LookupFilter,
        LookupOrder,
        LookupOrder.ID_ASC,  # type: ignore[attr-defined]
        description=f"{what} ({where}).",
    )


LookupQuery = strawberry.type(
    type("LookupQuery", (), {name: _lookup(name, *spec) for name, spec in LISTS.items()})
)
