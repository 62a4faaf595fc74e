"""Launcher configurations as a connection: ``launcherConfigs``, ``Agency.launcherConfigs``."""

from loaders.listing import Field, Listing, columns, search, via
from loaders.pages import register
from store.tables.agencies import agencies
from store.tables.vehicles import launcher_configurations as configs
from store.tables.vehicles import launcher_configurations_families as families

LAUNCHER_CONFIGS = register(
    Listing(
        name="launcher_configs",
        table=configs,
        fields={
            "ll2_id": Field(configs.c.id),
            **columns(
                configs,
                "name",
                "full_name",
                "variant",
                "active",
                "reusable",
                "is_placeholder",
                "maiden_flight",
                "total_launch_count",
                "successful_launches",
                "failed_launches",
            ),
            "manufacturer": Field(configs.c.manufacturer_id),
            "family": Field(families.c.target_id, through=families.c.owner_id),
        },
        search=search(
            configs.c.name, configs.c.full_name, via(configs.c.manufacturer_id, agencies.c.name)
        ),
        orders={
            "id": (),
            "name": (configs.c.name,),
            "maiden_flight": (configs.c.maiden_flight,),
            "total_launch_count": (configs.c.total_launch_count,),
        },
        parents=frozenset({"manufacturer_id"}),
    )
)
