"""Pads as a connection: ``pads`` and ``Location.pads`` (LL2 ``/2.3.0/pads/``)."""

from loaders.listing import Field, Listing, Relation, columns, search, via
from loaders.pages import register
from store.tables.common import countries
from store.tables.launches import launches
from store.tables.places import locations, pads, pads_agencies

PADS = register(
    Listing(
        name="pads",
        table=pads,
        fields={
            "ll2_id": Field(pads.c.id),
            **columns(
                pads,
                "name",
                "active",
                "latitude",
                "longitude",
                "total_launch_count",
                "orbital_launch_attempt_count",
            ),
            "location": Field(pads.c.location_id),
            "location_name": Field(via(pads.c.location_id, locations.c.name)),
            "country": Field(pads.c.country_id),
            "country_code": Field(via(pads.c.country_id, countries.c.alpha_3_code)),
            "agencies": Field(pads_agencies.c.target_id, through=pads_agencies.c.owner_id),
        },
        search=search(via(pads.c.location_id, locations.c.name), pads.c.name),
        orders={
            "id": (),
            "name": (pads.c.name,),
            "location": (pads.c.location_id,),
            "location_name": (via(pads.c.location_id, locations.c.name),),
            "total_launch_count": (pads.c.total_launch_count,),
            "orbital_launch_attempt_count": (pads.c.orbital_launch_attempt_count,),
        },
        parents=frozenset({"location_id", "country_id"}),
        relations={
            "location": Relation("locations", pads.c.location_id),
            "launches": Relation("launches", launches.c.pad_id, many=True),
        },
    )
)
