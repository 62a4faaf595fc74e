"""Lazy references to node types, so type modules can point at each other without cycles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

if TYPE_CHECKING:
    from schema.agency import Agency
    from schema.astronaut import Astronaut, AstronautFlight
    from schema.celestial_body import CelestialBody
    from schema.docking_event import DockingEvent
    from schema.event import Event
    from schema.flight import Flight
    from schema.landing import Landing
    from schema.landing_location import LandingLocation
    from schema.launch import Launch, Rocket, Update
    from schema.launcher import FirstStage, Launcher, LauncherConfig, LauncherFamily
    from schema.location import Location
    from schema.lookups import (
        AgencyType,
        AstronautRole,
        AstronautStatus,
        AstronautType,
        CelestialBodyType,
        EventType,
        LandingType,
        LauncherStatus,
        LaunchStatus,
        NetPrecision,
        PayloadType,
        ProgramType,
        SpacecraftConfigType,
        SpacecraftStatus,
        SpaceStationStatus,
        SpaceStationType,
    )
    from schema.mission import Mission, MissionPatch, Orbit, Program
    from schema.pad import Pad
    from schema.payload import Payload, PayloadFlight
    from schema.space_station import DockingLocation, Expedition, SpaceStation, Spacewalk
    from schema.spacecraft import Spacecraft
    from schema.spacecraft_config import SpacecraftConfig, SpacecraftConfigFamily
    from schema.values import Country, Image, SocialMediaLink


def _lazy(module: str) -> strawberry.LazyType:  # type: ignore[type-arg]
    return strawberry.lazy(f"schema.{module}")


AgencyRef = Annotated["Agency", _lazy("agency")]
AstronautRef = Annotated["Astronaut", _lazy("astronaut")]
AstronautFlightRef = Annotated["AstronautFlight", _lazy("astronaut")]
CelestialBodyRef = Annotated["CelestialBody", _lazy("celestial_body")]
DockingEventRef = Annotated["DockingEvent", _lazy("docking_event")]
EventRef = Annotated["Event", _lazy("event")]
FlightRef = Annotated["Flight", _lazy("flight")]
LandingRef = Annotated["Landing", _lazy("landing")]
LandingLocationRef = Annotated["LandingLocation", _lazy("landing_location")]
LaunchRef = Annotated["Launch", _lazy("launch")]
RocketRef = Annotated["Rocket", _lazy("launch")]
UpdateRef = Annotated["Update", _lazy("launch")]
FirstStageRef = Annotated["FirstStage", _lazy("launcher")]
LauncherRef = Annotated["Launcher", _lazy("launcher")]
LauncherConfigRef = Annotated["LauncherConfig", _lazy("launcher")]
LauncherFamilyRef = Annotated["LauncherFamily", _lazy("launcher")]
LocationRef = Annotated["Location", _lazy("location")]
MissionRef = Annotated["Mission", _lazy("mission")]
MissionPatchRef = Annotated["MissionPatch", _lazy("mission")]
OrbitRef = Annotated["Orbit", _lazy("mission")]
ProgramRef = Annotated["Program", _lazy("mission")]
PadRef = Annotated["Pad", _lazy("pad")]
PayloadRef = Annotated["Payload", _lazy("payload")]
PayloadFlightRef = Annotated["PayloadFlight", _lazy("payload")]
DockingLocationRef = Annotated["DockingLocation", _lazy("space_station")]
ExpeditionRef = Annotated["Expedition", _lazy("space_station")]
SpaceStationRef = Annotated["SpaceStation", _lazy("space_station")]
SpacewalkRef = Annotated["Spacewalk", _lazy("space_station")]
SpacecraftRef = Annotated["Spacecraft", _lazy("spacecraft")]
SpacecraftConfigRef = Annotated["SpacecraftConfig", _lazy("spacecraft_config")]
SpacecraftConfigFamilyRef = Annotated["SpacecraftConfigFamily", _lazy("spacecraft_config")]
CountryRef = Annotated["Country", _lazy("values")]
ImageRef = Annotated["Image", _lazy("values")]
SocialMediaLinkRef = Annotated["SocialMediaLink", _lazy("values")]
AgencyTypeRef = Annotated["AgencyType", _lazy("lookups")]
AstronautRoleRef = Annotated["AstronautRole", _lazy("lookups")]
AstronautStatusRef = Annotated["AstronautStatus", _lazy("lookups")]
AstronautTypeRef = Annotated["AstronautType", _lazy("lookups")]
CelestialBodyTypeRef = Annotated["CelestialBodyType", _lazy("lookups")]
EventTypeRef = Annotated["EventType", _lazy("lookups")]
LandingTypeRef = Annotated["LandingType", _lazy("lookups")]
LauncherStatusRef = Annotated["LauncherStatus", _lazy("lookups")]
LaunchStatusRef = Annotated["LaunchStatus", _lazy("lookups")]
NetPrecisionRef = Annotated["NetPrecision", _lazy("lookups")]
PayloadTypeRef = Annotated["PayloadType", _lazy("lookups")]
ProgramTypeRef = Annotated["ProgramType", _lazy("lookups")]
SpacecraftConfigTypeRef = Annotated["SpacecraftConfigType", _lazy("lookups")]
SpacecraftStatusRef = Annotated["SpacecraftStatus", _lazy("lookups")]
SpaceStationStatusRef = Annotated["SpaceStationStatus", _lazy("lookups")]
SpaceStationTypeRef = Annotated["SpaceStationType", _lazy("lookups")]
