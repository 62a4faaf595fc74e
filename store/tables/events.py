"""LL2's events: spacewalks, dockings, press conferences, static fires, landings … as LL2
lists them at ``/2.3.0/events/`` (EventEndpointDetailed), linked to what they concern.

``info_urls`` and ``vid_urls`` are JSON columns, as a launch's; an event's updates share the
launches' ``updates`` table (``event_id`` owns them).
"""

from store.columns import duration, entity, flag, link, lookup, moment, ref, text, values

event_types = lookup("event_types")

events = entity(
    "events",
    text("name", index=True),
    text("slug", index=True),
    ref("type", "event_types"),
    text("description"),
    flag("webcast_live"),
    text("location"),
    moment("date", index=True),
    ref("date_precision", "net_precisions"),
    duration("duration"),
    moment("last_updated", index=True),
    ref("image", "images"),
    values("info_urls"),
    values("vid_urls"),
)
events_agencies = link("events", "agencies", "agencies")
events_launches = link("events", "launches", "launches")
events_expeditions = link("events", "expeditions", "expeditions")
events_spacestations = link("events", "spacestations", "space_stations")
events_program = link("events", "program", "programs")
events_astronauts = link("events", "astronauts", "astronauts")
