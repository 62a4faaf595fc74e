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


def _lookup(node: Any, listing: str, what: str, ll2_path: str | None) -> Any:
    where = f" (LL2 `/2.3.0/{ll2_path}/`)" if ll2_path else " (nested in LL2's space stations)"
    return connection_field(
        node,
        listing,
        LookupFilter,
        LookupOrder,
        LookupOrder.ID_ASC,  # type: ignore[attr-defined]
        description=f"{what}{where}.",
    )


@strawberry.type
class LookupQuery:
    launch_statuses = _lookup(
        lookups.LaunchStatus, "launch_statuses", "Launch statuses", "config/launch_statuses"
    )
    net_precisions = _lookup(
        lookups.NetPrecision, "net_precisions", "NET precisions", "config/net_precisions"
    )
    agency_types = _lookup(
        lookups.AgencyType, "agency_types", "Agency types", "config/agency_types"
    )
    landing_types = _lookup(
        lookups.LandingType, "landing_types", "Landing types", "config/landing_types"
    )
    celestial_body_types = _lookup(
        lookups.CelestialBodyType,
        "celestial_body_types",
        "Celestial body types",
        "config/celestial_body_types",
    )
    spacecraft_statuses = _lookup(
        lookups.SpacecraftStatus,
        "spacecraft_statuses",
        "Spacecraft statuses",
        "config/spacecraft_statuses",
    )
    spacecraft_config_types = _lookup(
        lookups.SpacecraftConfigType,
        "spacecraft_config_types",
        "Spacecraft configuration types",
        "config/spacecraft_configuration_types",
    )
    launcher_statuses = _lookup(
        lookups.LauncherStatus, "launcher_statuses", "Launcher statuses", "config/launcher_statuses"
    )
    astronaut_statuses = _lookup(
        lookups.AstronautStatus,
        "astronaut_statuses",
        "Astronaut statuses",
        "config/astronaut_statuses",
    )
    astronaut_types = _lookup(
        lookups.AstronautType, "astronaut_types", "Astronaut types", "config/astronaut_types"
    )
    astronaut_roles = _lookup(
        lookups.AstronautRole, "astronaut_roles", "Crew roles", "config/astronaut_roles"
    )
    space_station_statuses = _lookup(
        lookups.SpaceStationStatus,
        "space_station_statuses",
        "Space station statuses",
        "config/space_station_statuses",
    )
    space_station_types = _lookup(
        lookups.SpaceStationType,
        "space_station_types",
        "Space station types",
        None,
    )
    program_types = _lookup(
        lookups.ProgramType, "program_types", "Program types", "config/program_types"
    )
    payload_types = _lookup(
        lookups.PayloadType, "payload_types", "Payload types", "config/payload_types"
    )
    orbits = _lookup(Orbit, "orbits", "Orbits", "config/orbits")
    countries = _lookup(Country, "countries", "Countries", "config/countries")
