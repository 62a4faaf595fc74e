"""LL2's small config objects: statuses, types and roles (``{id, name[, abbrev, description]}``)."""

from __future__ import annotations

import strawberry

from schema.base import RowType, field
from schema.node import Node, node

LL2_ID = "LL2's id."
NAME = "Name."
ABBREV = "Short name."
DESCRIPTION = "What it means."


@node("agency_types")
@strawberry.type(description="Kind of agency: Government, Commercial, … (LL2 AgencyType).")
class AgencyType(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field(NAME)


@node("launch_statuses")
@strawberry.type(description="Where a launch stands: Go, TBD, Success, … (LL2 LaunchStatus).")
class LaunchStatus(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field(NAME)
    abbrev: str | None = field(ABBREV)
    description: str | None = field(DESCRIPTION)


@node("net_precisions")
@strawberry.type(description="How precise a launch's NET is: minute, hour, day, … (LL2).")
class NetPrecision(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field(NAME)
    abbrev: str | None = field(ABBREV)
    description: str | None = field(DESCRIPTION)


@node("landing_types")
@strawberry.type(description="How a landing is made: drone ship, ocean, runway, … (LL2).")
class LandingType(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field(NAME)
    abbrev: str | None = field(ABBREV)
    description: str | None = field(DESCRIPTION)


@node("celestial_body_types")
@strawberry.type(description="Kind of celestial body: Planet, Moon, … (LL2).")
class CelestialBodyType(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field(NAME)


@node("spacecraft_statuses")
@strawberry.type(description="State of a spacecraft: Active, Retired, … (LL2).")
class SpacecraftStatus(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field(NAME)


@node("spacecraft_config_types")
@strawberry.type(description="Kind of spacecraft: Capsule, Spaceplane, … (LL2).")
class SpacecraftConfigType(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field(NAME)


@node("launcher_statuses")
@strawberry.type(description="State of a booster: Active, Expended, … (LL2 LauncherStatus).")
class LauncherStatus(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field(NAME)
    abbrev: str | None = field(ABBREV)
    description: str | None = field(DESCRIPTION)


@node("astronaut_statuses")
@strawberry.type(description="State of an astronaut: Active, Retired, … (LL2).")
class AstronautStatus(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field(NAME)


@node("astronaut_types")
@strawberry.type(description="Kind of astronaut: Government, Private, … (LL2).")
class AstronautType(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field(NAME)


@node("astronaut_roles")
@strawberry.type(description="A crew role: Commander, Pilot, … (LL2 AstronautRole).")
class AstronautRole(Node, RowType):
    ll2_id: int = field(LL2_ID)
    role: str | None = field("The role.")
    priority: int | None = field("Rank within a crew (0 first).")


@node("space_station_statuses")
@strawberry.type(description="State of a space station: Active, De-Orbited, … (LL2).")
class SpaceStationStatus(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field(NAME)


@node("space_station_types")
@strawberry.type(description="Kind of space station: Government, Commercial, … (LL2).")
class SpaceStationType(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field(NAME)


@node("program_types")
@strawberry.type(description="Kind of program (LL2 ProgramType).")
class ProgramType(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field(NAME)


@node("event_types")
@strawberry.type(description="Kind of event: Spacewalk, Docking, Press Event, … (LL2 EventType).")
class EventType(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field(NAME)


@node("payload_types")
@strawberry.type(description="Kind of payload (LL2 PayloadType).")
class PayloadType(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field(NAME)
