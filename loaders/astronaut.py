"""Astronauts as a connection (LL2 ``/2.3.0/astronauts/``)."""

from loaders.listing import Field, Listing, columns, search, via
from loaders.pages import register
from store.tables.agencies import agencies
from store.tables.flights import astronauts, astronauts_nationality

ASTRONAUTS = register(
    Listing(
        name="astronauts",
        table=astronauts,
        fields={
            "ll2_id": Field(astronauts.c.id),
            **columns(
                astronauts,
                "name",
                "in_space",
                "age",
                "date_of_birth",
                "date_of_death",
                "first_flight",
                "last_flight",
                "flights_count",
                "landings_count",
                "spacewalks_count",
            ),
            "status": Field(astronauts.c.status_id),
            "type": Field(astronauts.c.type_id),
            "agency": Field(astronauts.c.agency_id),
            "nationality": Field(
                astronauts_nationality.c.target_id, through=astronauts_nationality.c.owner_id
            ),
        },
        search=search(astronauts.c.name, via(astronauts.c.agency_id, agencies.c.name)),
        orders={
            "id": (),
            "name": (astronauts.c.name,),
            "date_of_birth": (astronauts.c.date_of_birth,),
            "first_flight": (astronauts.c.first_flight,),
            "last_flight": (astronauts.c.last_flight,),
            "flights_count": (astronauts.c.flights_count,),
        },
        parents=frozenset({"agency_id", "status_id"}),
    )
)
