"""What the store's naming rules cannot say: which LL2 lists point back at their owner.

Most of the LL2 → row mapping follows from the tables themselves (see ``store.columns``).
A *child* list is the exception: objects nested under an owner that LL2 leaves without a
key pointing back (a location's ``pads``, a flight's ``launch_crew``, a rocket's
``spacecraft_stage``). The owner's id — or an ancestor's — fills the child's column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True)
class Child:
    key: str
    table: str
    # child column -> table of the enclosing object whose id fills it ("" = the owner itself)
    backrefs: Mapping[str, str]
    consts: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    single: bool = False
    # True for lists owned outright (crew seats, updates): a row no longer listed is deleted.
    prune: bool = False


def _crew(key: str, column: str, crew: str) -> Child:
    return Child(key, "astronaut_flights", {column: ""}, {"crew": crew}, prune=True)


CHILDREN: Mapping[str, tuple[Child, ...]] = {
    "agencies": (
        Child("launcher_list", "launcher_configurations", {"manufacturer_id": ""}),
        Child("spacecraft_list", "spacecraft_configurations", {"agency_id": ""}),
    ),
    "images": (Child("variants", "image_variants", {"image_id": ""}, prune=True),),
    "celestial_bodies": (Child("locations", "locations", {"celestial_body_id": ""}),),
    "locations": (Child("pads", "pads", {"location_id": ""}),),
    "landings": (
        Child("firststage", "first_stages", {"landing_id": ""}, single=True),
        Child("spacecraftflight", "spacecraft_flights", {"landing_id": ""}, single=True),
        Child("payloadflight", "payload_flights", {"landing_id": ""}, single=True),
    ),
    "launches": (Child("updates", "updates", {"launch_id": ""}, prune=True),),
    "events": (Child("updates", "updates", {"event_id": ""}, prune=True),),
    "rockets": (
        Child("launcher_stage", "first_stages", {"rocket_id": ""}, prune=True),
        Child("spacecraft_stage", "spacecraft_flights", {"launch_id": "launches"}),
        Child("payloads", "payload_flights", {"launch_id": "launches"}),
    ),
    "spacecraft": (Child("flights", "spacecraft_flights", {"spacecraft_id": ""}),),
    "spacecraft_flights": (
        _crew("launch_crew", "flight_id", "launch"),
        _crew("onboard_crew", "flight_id", "onboard"),
        _crew("landing_crew", "flight_id", "landing"),
        Child("docking_events", "docking_events", {"flight_vehicle_chaser_id": ""}),
    ),
    "space_stations": (
        Child("active_expeditions", "expeditions", {"spacestation_id": ""}),
        Child("docking_location", "docking_locations", {"spacestation_id": ""}),
    ),
    "docking_locations": (
        Child(
            "currently_docked",
            "docking_events",
            {"docking_location_id": "", "space_station_target_id": "space_stations"},
            single=True,
        ),
    ),
    "expeditions": (
        _crew("crew", "expedition_id", "expedition"),
        Child("spacewalks", "spacewalks", {"expedition_id": ""}),
    ),
    "spacewalks": (_crew("crew", "spacewalk_id", "spacewalk"),),
}

# LL2 2.3.0 endpoint path -> table. Also the names `--endpoint` accepts.
ENDPOINTS: Mapping[str, str] = {
    "agencies": "agencies",
    "astronauts": "astronauts",
    "celestial_bodies": "celestial_bodies",
    "docking_events": "docking_events",
    "events": "events",
    "expeditions": "expeditions",
    "landings": "landings",
    "launcher_configurations": "launcher_configurations",
    "launcher_configuration_families": "launcher_config_families",
    "launchers": "launchers",
    "launches": "launches",
    "locations": "locations",
    "mission_patches": "mission_patches",
    "pads": "pads",
    "payload_flights": "payload_flights",
    "payloads": "payloads",
    "programs": "programs",
    "space_stations": "space_stations",
    "spacecraft": "spacecraft",
    "spacecraft_configurations": "spacecraft_configurations",
    "spacecraft_configuration_families": "spacecraft_config_families",
    "spacecraft_flights": "spacecraft_flights",
    "spacewalks": "spacewalks",
}

# Pre-2.3.0 endpoint paths (singular names, nested config paths).
LEGACY_ENDPOINTS: Mapping[str, str] = {
    "launch": "launches",
    "launch/upcoming": "launches",
    "launch/previous": "launches",
    "agencies": "agencies",
    "astronaut": "astronauts",
    "config/launcher": "launcher_configurations",
    "config/spacecraft": "spacecraft_configurations",
    "docking_event": "docking_events",
    "event": "events",
    "expedition": "expeditions",
    "landing": "landings",
    "launcher": "launchers",
    "location": "locations",
    "pad": "pads",
    "program": "programs",
    "spacecraft": "spacecraft",
    "spacecraft/flight": "spacecraft_flights",
    "spacestation": "space_stations",
}

# 2.2.0 → 2.3.0 key renames, from the 2.3.0 changelog.
LEGACY_RENAMES: Mapping[str, Mapping[str, str]] = {
    "launches": {"infoURLs": "info_urls", "vidURLs": "vid_urls"},
    "landings": {"location": "landing_location"},
}

# Pre-2.3.0 values whose type 2.3.0 changed ("Type & format changes" in its changelog), read
# as 2.3.0 gives them. A value none of these can read stays in ``extra``, as any other
# pre-2.3.0 shape the changelog does not map.
_WHOLE = re.compile(r"^-?\d+$")
_DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")
# Agency types LL2 2.3.0 gives as {id, name} (ids as its own responses show them).
AGENCY_TYPE_IDS: Mapping[str, int] = {"Government": 1, "Multinational": 2, "Commercial": 3}


def _whole_number(value: str) -> int | None:
    text = value.strip()
    if not text:
        return None
    if not _WHOLE.match(text):
        raise ValueError(value)
    return int(text)


def _decimal(value: str) -> float | None:
    text = value.strip()
    if not text:
        return None
    if not _DECIMAL.match(text):
        raise ValueError(value)
    return float(text)


def _agency_type(value: str) -> dict[str, object]:
    return {"id": AGENCY_TYPE_IDS[value], "name": value}  # KeyError: kept in extra


LEGACY_VALUES: Mapping[str, Mapping[str, Callable[[str], Any]]] = {
    "agencies": {"founding_year": _whole_number, "type": _agency_type},
    "locations": {"latitude": _decimal, "longitude": _decimal},
    "pads": {"latitude": _decimal, "longitude": _decimal},
    "launcher_configurations": {"launch_cost": _whole_number},
}

# Keys that describe the response rather than the object.
PRESENTATION_KEYS = frozenset({"response_mode"})
