"""``Launch`` (LL2 LaunchDetailed), its ``Rocket`` and its ``Update``s."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any, ClassVar

import strawberry

from schema.base import (
    Info,
    RowType,
    children,
    field,
    info_urls_field,
    json_list,
    linked,
    load_children,
    one,
    vid_urls_field,
)
from schema.inputs.flight import FlightFilter, FlightOrder
from schema.inputs.launch import LaunchFilter, LaunchOrder
from schema.media import InfoUrl, TimelineEvent, VidUrl
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
@strawberry.type(description="A news update on a launch or an event (LL2 Update).")
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

    configuration: LauncherConfigRef | None = one(
        "launcher_configurations", key="configuration_id", description="The launcher configuration."
    )

    launcher_stage: list[FirstStageRef] = children(
        "first_stages", "rocket_id", description="Boosters flown (LL2 `launcher_stage`)."
    )

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

    status: LaunchStatusRef | None = one(
        "launch_statuses", key="status_id", description="Where the launch stands."
    )

    net_precision: NetPrecisionRef | None = one(
        "net_precisions", key="net_precision_id", description="How precise the NET is."
    )

    image: ImageRef | None = one("images", key="image_id", description="Image.")

    launch_service_provider: AgencyRef | None = one(
        "agencies", key="launch_service_provider_id", description="Agency providing the launch."
    )

    # Its stages point at the launch, not the rocket: the rocket learns the launch from here.
    rocket: Rocket | None = one(
        "rockets", key="rocket_id", carry={"launch_id": "ll2_id"}, description="The vehicle."
    )

    mission: MissionRef | None = one("missions", key="mission_id", description="What it is for.")

    pad: PadRef | None = one("pads", key="pad_id", description="Where it lifts off.")

    program: list[ProgramRef] = linked("launches_program", description="Programs it belongs to.")

    updates: list[Update] = children(
        "updates",
        "launch_id",
        key_of=str,
        order="position",
        description="News updates, in the order LL2 lists them.",
    )
    info_urls: list[InfoUrl] | None = info_urls_field()
    vid_urls: list[VidUrl] | None = vid_urls_field()
    timeline: list[TimelineEvent] | None = json_list(
        TimelineEvent,
        "timeline_json",
        "timeline",
        description="Events relative to liftoff (null when LL2 has not given them).",
    )
    mission_patches: list[MissionPatchRef] = linked(
        "launches_mission_patches", description="Mission patches."
    )

    flights = connection_field(
        FlightRef,
        "flights",
        FlightFilter,
        FlightOrder,
        FlightOrder.ID_ASC,
        parent_column="launch_id",
        description="Spacecraft flights it launched.",
    )


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
