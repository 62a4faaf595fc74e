"""Landings and landing locations as connections (LL2 ``/2.3.0/landings/``)."""

from loaders.listing import Field, Listing, columns, search, via
from loaders.pages import register
from store.tables.flights import spacecraft_flights
from store.tables.places import landing_locations, landings
from store.tables.vehicles import spacecraft

_flight_spacecraft = spacecraft_flights.join(
    spacecraft, spacecraft.c.id == spacecraft_flights.c.spacecraft_id
)

LANDINGS = register(
    Listing(
        name="landings",
        table=landings,
        fields={
            "ll2_id": Field(landings.c.id),
            **columns(landings, "attempt", "success", "downrange_distance"),
            "landing_location": Field(landings.c.landing_location_id),
            "type": Field(landings.c.type_id),
            "spacecraft": Field(
                spacecraft_flights.c.spacecraft_id, through=spacecraft_flights.c.landing_id
            ),
            "spacecraft_config": Field(
                spacecraft.c.spacecraft_config_id,
                through=spacecraft_flights.c.landing_id,
                source=_flight_spacecraft,
            ),
            "spacecraft_launch": Field(
                spacecraft_flights.c.launch_id, through=spacecraft_flights.c.landing_id
            ),
        },
        search=(
            *search(
                via(landings.c.landing_location_id, landing_locations.c.abbrev),
                via(landings.c.landing_location_id, landing_locations.c.name),
            ),
            Field(
                spacecraft.c.name,
                through=spacecraft_flights.c.landing_id,
                source=_flight_spacecraft,
            ),
            Field(
                spacecraft.c.serial_number,
                through=spacecraft_flights.c.landing_id,
                source=_flight_spacecraft,
            ),
        ),
        orders={
            "id": (),
            "downrange_distance": (landings.c.downrange_distance,),
        },
        parents=frozenset({"landing_location_id", "type_id"}),
    )
)

LANDING_LOCATIONS = register(
    Listing(
        name="landing_locations",
        table=landing_locations,
        fields={
            "ll2_id": Field(landing_locations.c.id),
            **columns(landing_locations, "name", "abbrev", "active", "successful_landings"),
            "location": Field(landing_locations.c.location_id),
            "celestial_body": Field(landing_locations.c.celestial_body_id),
        },
        search=search(landing_locations.c.name, landing_locations.c.abbrev),
        orders={
            "id": (),
            "name": (landing_locations.c.name,),
            "successful_landings": (landing_locations.c.successful_landings,),
        },
        parents=frozenset({"location_id", "celestial_body_id"}),
    )
)
