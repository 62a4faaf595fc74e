"""Spacecraft configurations as a connection (LL2 ``/2.3.0/spacecraft_configurations/``)."""

from loaders.listing import Field, Listing, columns, search, via
from loaders.pages import register
from store.tables.agencies import agencies
from store.tables.vehicles import spacecraft_configurations as configs

SPACECRAFT_CONFIGS = register(
    Listing(
        name="spacecraft_configs",
        table=configs,
        fields={
            "ll2_id": Field(configs.c.id),
            **columns(configs, "name", "in_use", "human_rated", "crew_capacity", "maiden_flight"),
            "agency": Field(configs.c.agency_id),
            "type": Field(configs.c.type_id),
        },
        search=search(
            via(configs.c.agency_id, agencies.c.abbrev),
            via(configs.c.agency_id, agencies.c.name),
            configs.c.name,
        ),
        orders={
            "id": (),
            "name": (configs.c.name,),
            "maiden_flight": (configs.c.maiden_flight,),
        },
        parents=frozenset({"agency_id", "type_id"}),
    )
)
