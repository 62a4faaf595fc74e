"""Boosters (LL2 launchers) as a connection: ``launchers``, with the filters of LL2's
``/2.3.0/launchers/``."""

from loaders.listing import Field, Listing, Relation, columns, search, via
from loaders.pages import register
from store.tables.agencies import agencies
from store.tables.common import launcher_statuses
from store.tables.vehicles import launcher_configurations, launchers

LAUNCHERS = register(
    Listing(
        name="launchers",
        table=launchers,
        fields={
            "ll2_id": Field(launchers.c.id),
            **columns(
                launchers,
                "serial_number",
                "flight_proven",
                "is_placeholder",
                "flights",
                "attempted_landings",
                "successful_landings",
                "first_launch_date",
                "last_launch_date",
            ),
            "status": Field(launchers.c.status_id),
            "launcher_config": Field(launchers.c.launcher_config_id),
            "launcher_config_manufacturer_name": Field(
                via(
                    launchers.c.launcher_config_id,
                    launcher_configurations.c.manufacturer_id,
                    agencies.c.name,
                )
            ),
        },
        search=search(
            launchers.c.serial_number, via(launchers.c.status_id, launcher_statuses.c.name)
        ),
        orders={
            "id": (),
            "serial_number": (launchers.c.serial_number,),
            "flights": (launchers.c.flights,),
            "flight_proven": (launchers.c.flight_proven,),
            "attempted_landings": (launchers.c.attempted_landings,),
            "successful_landings": (launchers.c.successful_landings,),
        },
        parents=frozenset({"launcher_config_id", "status_id"}),
        relations={
            "status": Relation("launcher_statuses", launchers.c.status_id),
            "launcher_config": Relation("launcher_configs", launchers.c.launcher_config_id),
        },
    )
)
