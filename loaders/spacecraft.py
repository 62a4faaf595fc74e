"""Spacecraft as a connection: ``spacecraft`` and ``SpacecraftConfig.spacecraft``."""

from loaders.listing import Field, Listing, Relation, columns, search, via
from loaders.pages import register
from store.tables.flights import spacecraft_flights
from store.tables.vehicles import spacecraft, spacecraft_configurations

SPACECRAFT = register(
    Listing(
        name="spacecraft",
        table=spacecraft,
        fields={
            "ll2_id": Field(spacecraft.c.id),
            **columns(
                spacecraft,
                "name",
                "serial_number",
                "in_space",
                "is_placeholder",
                "flights_count",
                "mission_ends_count",
            ),
            "spacecraft_config": Field(spacecraft.c.spacecraft_config_id),
            "status": Field(spacecraft.c.status_id),
        },
        search=search(
            spacecraft.c.name,
            via(spacecraft.c.spacecraft_config_id, spacecraft_configurations.c.name),
        ),
        orders={
            "id": (),
            "name": (spacecraft.c.name,),
            "flights_count": (spacecraft.c.flights_count,),
            "mission_ends_count": (spacecraft.c.mission_ends_count,),
        },
        parents=frozenset({"spacecraft_config_id", "status_id"}),
        relations={
            "spacecraft_config": Relation("spacecraft_configs", spacecraft.c.spacecraft_config_id),
            "status": Relation("spacecraft_statuses", spacecraft.c.status_id),
            "flights": Relation("flights", spacecraft_flights.c.spacecraft_id, many=True),
        },
    )
)
