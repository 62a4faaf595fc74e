"""Agencies as a connection, with the filters of LL2's ``/2.3.0/agencies/``."""

from sqlalchemy import exists

from loaders.listing import Field, Listing, Relation, columns, search
from loaders.pages import register
from store.tables.agencies import agencies, agencies_country
from store.tables.common import countries
from store.tables.launches import launches
from store.tables.vehicles import spacecraft_configurations

_COUNTS = (
    "total_launch_count",
    "consecutive_successful_launches",
    "successful_launches",
    "failed_launches",
    "pending_launches",
    "consecutive_successful_landings",
    "successful_landings",
    "failed_landings",
    "attempted_landings",
)

AGENCIES = register(
    Listing(
        name="agencies",
        table=agencies,
        fields={
            "ll2_id": Field(agencies.c.id),
            **columns(
                agencies, "name", "abbrev", "featured", "description", "founding_year", "parent"
            ),
            **columns(agencies, *_COUNTS),
            "type": Field(agencies.c.type_id),
            "country_code": Field(
                countries.c.alpha_3_code,
                through=agencies_country.c.owner_id,
                source=agencies_country.join(
                    countries, countries.c.id == agencies_country.c.target_id
                ),
            ),
            # LL2's ``spacecraft`` flag: the agency builds spacecraft.
            "spacecraft": Field(
                exists().where(spacecraft_configurations.c.agency_id == agencies.c.id),
                predicate=True,
            ),
        },
        search=search(agencies.c.abbrev, agencies.c.name),
        orders={
            "id": (),
            "name": (agencies.c.name,),
            "featured": (agencies.c.featured,),
            "founding_year": (agencies.c.founding_year,),
            **{name: (agencies.c[name],) for name in _COUNTS},
        },
        relations={
            "type": Relation("agency_types", agencies.c.type_id),
            "launches": Relation("launches", launches.c.launch_service_provider_id, many=True),
        },
    )
)
