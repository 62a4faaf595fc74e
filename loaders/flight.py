"""Spacecraft flights as a connection: ``flights``, ``Spacecraft.flights``, ``Launch.flights``."""

from loaders.listing import Field, Listing, Relation, columns, search, via
from loaders.pages import register
from store.tables.flights import spacecraft_flights as flights
from store.tables.launches import launches
from store.tables.vehicles import spacecraft

FLIGHTS = register(
    Listing(
        name="flights",
        table=flights,
        fields={
            "ll2_id": Field(flights.c.id),
            "spacecraft": Field(flights.c.spacecraft_id),
            "spacecraft_config": Field(
                via(flights.c.spacecraft_id, spacecraft.c.spacecraft_config_id)
            ),
            "launch": Field(flights.c.launch_id),
            "landing": Field(flights.c.landing_id),
            "launch_net": Field(via(flights.c.launch_id, launches.c.net)),
            **columns(flights, "destination", "mission_end"),
        },
        # LL2 has no search on this endpoint; these are what a flight is known by.
        search=search(
            via(flights.c.spacecraft_id, spacecraft.c.name),
            via(flights.c.launch_id, launches.c.name),
            flights.c.destination,
        ),
        orders={
            "id": (),
            "mission_end": (flights.c.mission_end,),
            "launch_net": (via(flights.c.launch_id, launches.c.net),),
        },
        parents=frozenset({"spacecraft_id", "launch_id", "landing_id"}),
        relations={
            "launch": Relation("launches", flights.c.launch_id),
            "spacecraft": Relation("spacecraft", flights.c.spacecraft_id),
        },
    )
)
