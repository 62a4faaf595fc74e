"""``Event``: a spacewalk, docking, press conference, static fire, landing … as LL2 lists it
at ``/2.3.0/events/`` (EventEndpointDetailed), linked to what it concerns."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, ClassVar

import strawberry

from schema.base import RowType, children, field, info_urls_field, linked, one, vid_urls_field
from schema.inputs.event import EventFilter, EventOrder
from schema.media import InfoUrl, VidUrl
from schema.node import Node, node
from schema.pagination import connection_field, node_field
from schema.refs import (
    AgencyRef,
    AstronautRef,
    EventTypeRef,
    ExpeditionRef,
    ImageRef,
    LaunchRef,
    NetPrecisionRef,
    ProgramRef,
    SpaceStationRef,
    UpdateRef,
)
from schema.scalars import Duration


@node("events")
@strawberry.type(description="An event: spacewalk, docking, press event, … (LL2 Event).")
class Event(Node, RowType):
    __columns__: ClassVar[Mapping[str, str]] = {
        "info_urls_json": "info_urls",
        "vid_urls_json": "vid_urls",
    }

    ll2_id: int = field("LL2's id.")
    url: str | None = field("LL2's URL of this event.")
    name: str | None = field("Name.")
    slug: str | None = field("URL slug.")
    description: str | None = field("What happens.")
    webcast_live: bool | None = field("Its webcast is live.")
    location: str | None = field("Where it happens (text).")
    date: datetime | None = field("When it happens.")
    duration: Duration | None = field("How long it lasts.")
    last_updated: datetime | None = field("Last change at LL2.")
    type_id: strawberry.Private[int | None]
    date_precision_id: strawberry.Private[int | None]
    image_id: strawberry.Private[int | None]
    info_urls_json: strawberry.Private[list[Any] | None]
    vid_urls_json: strawberry.Private[list[Any] | None]

    type: EventTypeRef | None = one("event_types", key="type_id", description="Kind of event.")

    date_precision: NetPrecisionRef | None = one(
        "net_precisions", key="date_precision_id", description="How precise the date is."
    )

    image: ImageRef | None = one("images", key="image_id", description="Image.")

    info_urls: list[InfoUrl] | None = info_urls_field()
    vid_urls: list[VidUrl] | None = vid_urls_field()

    updates: list[UpdateRef] = children(
        "updates",
        "event_id",
        order="position",
        description="News updates, in the order LL2 lists them.",
    )

    agencies: list[AgencyRef] = linked("events_agencies", description="Agencies taking part.")
    launches: list[LaunchRef] = linked("events_launches", description="Launches it concerns.")
    expeditions: list[ExpeditionRef] = linked(
        "events_expeditions", description="Expeditions it concerns."
    )
    spacestations: list[SpaceStationRef] = linked(
        "events_spacestations", description="Space stations it concerns."
    )
    program: list[ProgramRef] = linked("events_program", description="Programs it belongs to.")
    astronauts: list[AstronautRef] = linked("events_astronauts", description="Astronauts in it.")


@strawberry.type
class EventQuery:
    event = node_field(Event, "events", description="An event by `id` or `ll2Id`.")
    events = connection_field(
        Event,
        "events",
        EventFilter,
        EventOrder,
        EventOrder.DATE_ASC,
        description="Events (LL2 `/2.3.0/events/`): spacewalks, dockings, press events, ….",
    )
