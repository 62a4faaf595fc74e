"""Locations as a connection: ``locations`` and ``CelestialBody.locations``."""

from loaders.listing import Field, Listing, Relation, columns, search, via
from loaders.pages import register
from store.tables.common import countries
from store.tables.places import locations, pads

LOCATIONS = register(
    Listing(
        name="locations",
        table=locations,
        fields={
            "ll2_id": Field(locations.c.id),
            **columns(locations, "name", "active", "total_launch_count", "total_landing_count"),
            "celestial_body": Field(locations.c.celestial_body_id),
            "country": Field(locations.c.country_id),
            "country_code": Field(via(locations.c.country_id, countries.c.alpha_3_code)),
        },
        search=search(via(locations.c.country_id, countries.c.alpha_3_code), locations.c.name),
        orders={
            "id": (),
            "name": (locations.c.name,),
            "total_launch_count": (locations.c.total_launch_count,),
            "total_landing_count": (locations.c.total_landing_count,),
        },
        parents=frozenset({"celestial_body_id", "country_id"}),
        relations={
            "celestial_body": Relation("celestial_bodies", locations.c.celestial_body_id),
            "pads": Relation("pads", pads.c.location_id, many=True),
        },
    )
)
