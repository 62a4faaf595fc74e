"""``Launch`` (LL2 LaunchDetailed), its ``Rocket`` and its ``Update``s."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any, ClassVar

import strawberry

from schema.base import Info, RowType, field, load_children, load_linked, load_one
from schema.inputs.flight import FlightFilter, FlightOrder
from schema.inputs.launch import LaunchFilter, LaunchOrder
from schema.media import InfoUrl, TimelineEvent, VidUrl, from_json_list
from schema.node import Node, node
from schema.pagination import connection_field, node_field
from schema.refs import (
    AgencyRef,
    FirstStageRef,
    FlightRef,
    ImageRef,
    LauncherConfigRef,
    LaunchStatusRef,
    MissionPatchRef,
    MissionRef,
    NetPrecisionRef,
    PadRef,
    PayloadFlightRef,
    ProgramRef,
)
from schema.scalars import Duration

LL2_ID = "LL2's id."


@node("updates")
@strawberry.type(description="A news update on a launch (LL2 Update).")
class Update(Node, RowType):
    ll2_id: int = field(LL2_ID)
    profile_image: str | None = field("URL of the author's picture.")
    comment: str | None = field("The update.")
    info_url: str | None = field("Source.")
    created_by: str | None = field("Author.")
    created_on: datetime | None = field("When it was posted.")


@node("rockets")
@strawberry.type(description="The vehicle of one launch: configuration and stages (LL2 Rocket).")
class Rocket(Node, RowType):
    ll2_id: int = field(LL2_ID)
    configuration_id: strawberry.Private[int | None]
    # The launch this rocket flies on, when reached from it (its stages point at the launch).
    launch_id: strawberry.Private[str | None] = None

    async def _launch_id(self, info: Info) -> str | None:
        if self.launch_id is None:
            launches = await info.context.loaders.rows_by_column("launches", "rocket_id").load(
                self.ll2_id
            )
            self.launch_id = launches[0]["id"] if launches else None
        return self.launch_id

    @strawberry.field(description="The launcher configuration.")
    async def configuration(self, info: Info) -> LauncherConfigRef | None:
        return await load_one(info, "launcher_configurations", self.configuration_id)

    @strawberry.field(description="Boosters flown (LL2 `launcher_stage`).")
    async def launcher_stage(self, info: Info) -> list[FirstStageRef]:
        return await load_children(info, "first_stages", "rocket_id", self.ll2_id)

    @strawberry.field(description="Spacecraft flown (LL2 `spacecraft_stage`).")
    async def spacecraft_stage(self, info: Info) -> list[FlightRef]:
        launch_id = await self._launch_id(info)
        return await load_children(info, "spacecraft_flights", "launch_id", launch_id)

    @strawberry.field(description="Payloads flown (LL2 `payloads`).")
    async def payloads(self, info: Info) -> list[PayloadFlightRef]:
        launch_id = await self._launch_id(info)
        return await load_children(info, "payload_flights", "launch_id", launch_id)


@node("launches")
@strawberry.type(description="A launch (LL2 LaunchDetailed).")
class Launch(Node, RowType):
    __columns__: ClassVar[Mapping[str, str]] = {
        "info_urls_json": "info_urls",
        "vid_urls_json": "vid_urls",
        "timeline_json": "timeline",
    }

    ll2_id: uuid.UUID = field("LL2's id (a UUID).")
    url: str | None = field("LL2's URL of this launch.")
    name: str | None = field("Name: '<launcher> | <mission>'.")
    slug: str | None = field("URL slug.")
    launch_designator: str | None = field("COSPAR international designator, e.g. 2023-195.")
    last_updated: datetime | None = field("Last change at LL2.")
    net: datetime | None = field("No earlier than: the launch time as best known.")
    window_end: datetime | None = field("End of the launch window.")
    window_start: datetime | None = field("Start of the launch window.")
    infographic: str | None = field("URL of an infographic.")
    probability: int | None = field("Weather probability of launch (%).")
    weather_concerns: str | None = field("Weather concerns.")
    failreason: str | None = field("Why it failed, if it did.")
    hashtag: str | None = field("Hashtag.")
    webcast_live: bool | None = field("Its webcast is live.")
    orbital_launch_attempt_count: int | None = field("Orbital launch attempt number, all time.")
    location_launch_attempt_count: int | None = field("Launch attempt number at the location.")
    pad_launch_attempt_count: int | None = field("Launch attempt number at the pad.")
    agency_launch_attempt_count: int | None = field("Launch attempt number of the provider.")
    orbital_launch_attempt_count_year: int | None = field("Orbital launch attempt number, year.")
    location_launch_attempt_count_year: int | None = field("Attempt number at the location, year.")
    pad_launch_attempt_count_year: int | None = field("Attempt number at the pad, year.")
    agency_launch_attempt_count_year: int | None = field("Attempt number of the provider, year.")
    flightclub_url: str | None = field("FlightClub.io simulation.")
    pad_turnaround: Duration | None = field("Time since the pad's previous launch.")
    status_id: strawberry.Private[int | None]
    net_precision_id: strawberry.Private[int | None]
    image_id: strawberry.Private[int | None]
    launch_service_provider_id: strawberry.Private[int | None]
    rocket_id: strawberry.Private[int | None]
    mission_id: strawberry.Private[int | None]
    pad_id: strawberry.Private[int | None]
    info_urls_json: strawberry.Private[list[Any] | None]
    vid_urls_json: strawberry.Private[list[Any] | None]
    timeline_json: strawberry.Private[list[Any] | None]

    @strawberry.field(description="Where the launch stands.")
    async def status(self, info: Info) -> LaunchStatusRef | None:
        return await load_one(info, "launch_statuses", self.status_id)

    @strawberry.field(description="How precise the NET is.")
    async def net_precision(self, info: Info) -> NetPrecisionRef | None:
        return await load_one(info, "net_precisions", self.net_precision_id)

    @strawberry.field(description="Image.")
    async def image(self, info: Info) -> ImageRef | None:
        return await load_one(info, "images", self.image_id)

    @strawberry.field(description="Agency providing the launch.")
    async def launch_service_provider(self, info: Info) -> AgencyRef | None:
        return await load_one(info, "agencies", self.launch_service_provider_id)

    @strawberry.field(description="The vehicle.")
    async def rocket(self, info: Info) -> Rocket | None:
        if self.rocket_id is None:
            return None
        row = await info.context.loaders.rows_by_id("rockets").load(self.rocket_id)
        return None if row is None else Rocket.from_row(row, launch_id=str(self.ll2_id))

    @strawberry.field(description="What it is for.")
    async def mission(self, info: Info) -> MissionRef | None:
        return await load_one(info, "missions", self.mission_id)

    @strawberry.field(description="Where it lifts off.")
    async def pad(self, info: Info) -> PadRef | None:
        return await load_one(info, "pads", self.pad_id)

    @strawberry.field(description="Programs it belongs to.")
    async def program(self, info: Info) -> list[ProgramRef]:
        return await load_linked(info, "launches_program", self.ll2_id)

    @strawberry.field(description="News updates, newest first.")
    async def updates(self, info: Info) -> list[Update]:
        updates = await load_children(info, "updates", "launch_id", str(self.ll2_id))
        return sorted(updates, key=_newest_first)

    @strawberry.field(description="Links to read more (null when LL2 has not given them).")
    def info_urls(self) -> list[InfoUrl] | None:
        return from_json_list(InfoUrl, self.info_urls_json)

    @strawberry.field(description="Videos (null when LL2 has not given them).")
    def vid_urls(self) -> list[VidUrl] | None:
        return from_json_list(VidUrl, self.vid_urls_json)

    @strawberry.field(description="Events relative to liftoff (null when LL2 has not given them).")
    def timeline(self) -> list[TimelineEvent] | None:
        return from_json_list(TimelineEvent, self.timeline_json)

    @strawberry.field(description="Mission patches.")
    async def mission_patches(self, info: Info) -> list[MissionPatchRef]:
        return await load_linked(info, "launches_mission_patches", self.ll2_id)

    flights = connection_field(
        FlightRef,
        "flights",
        FlightFilter,
        FlightOrder,
        FlightOrder.ID_ASC,
        parent_column="launch_id",
        description="Spacecraft flights it launched.",
    )


def _newest_first(update: Update) -> tuple[bool, float, int]:
    created = update.created_on
    return (created is None, -created.timestamp() if created else 0.0, update.ll2_id)


@strawberry.type
class LaunchQuery:
    launch = node_field(
        Launch, "launches", description="A launch by `id` or `ll2Id`.", uuid_key=True
    )
    launches = connection_field(
        Launch,
        "launches",
        LaunchFilter,
        LaunchOrder,
        LaunchOrder.NET_ASC,
        description="Launches (LL2 `/2.3.0/launches/`).",
    )
