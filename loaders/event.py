"""Events as a connection, with the filters of LL2's ``/2.3.0/events/``."""

from loaders.listing import Field, Listing, Relation, columns, search, utc_day, utc_month, utc_year
from loaders.pages import register
from store.tables.events import (
    events,
    events_agencies,
    events_launches,
    events_program,
    events_spacestations,
)

EVENTS = register(
    Listing(
        name="events",
        table=events,
        fields={
            "ll2_id": Field(events.c.id),
            **columns(events, "name", "slug", "date", "last_updated", "webcast_live", "location"),
            "type": Field(events.c.type_id),
            "year": Field(utc_year(events.c.date)),
            "month": Field(utc_month(events.c.date)),
            "day": Field(utc_day(events.c.date)),
            "agency": Field(events_agencies.c.target_id, through=events_agencies.c.owner_id),
            "program": Field(events_program.c.target_id, through=events_program.c.owner_id),
            "launch": Field(events_launches.c.target_id, through=events_launches.c.owner_id),
            "space_station": Field(
                events_spacestations.c.target_id, through=events_spacestations.c.owner_id
            ),
        },
        search=search(events.c.name),
        orders={
            "id": (),
            "date": (events.c.date,),
            "last_updated": (events.c.last_updated,),
            "name": (events.c.name,),
        },
        parents=frozenset({"type_id"}),
        relations={"type": Relation("event_types", events.c.type_id)},
    )
)
