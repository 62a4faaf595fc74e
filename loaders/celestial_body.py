"""Celestial bodies as a connection (LL2 ``/2.3.0/celestial_bodies/``)."""

from loaders.listing import Field, Listing, columns, search, via
from loaders.pages import register
from store.tables.common import celestial_body_types
from store.tables.places import celestial_bodies

CELESTIAL_BODIES = register(
    Listing(
        name="celestial_bodies",
        table=celestial_bodies,
        fields={
            "ll2_id": Field(celestial_bodies.c.id),
            **columns(celestial_bodies, "name", "atmosphere", "diameter", "mass", "gravity"),
            "type": Field(celestial_bodies.c.type_id),
        },
        search=search(
            celestial_bodies.c.name,
            via(celestial_bodies.c.type_id, celestial_body_types.c.name),
        ),
        orders={
            "id": (),
            "name": (celestial_bodies.c.name,),
            "diameter": (celestial_bodies.c.diameter,),
            "mass": (celestial_bodies.c.mass,),
        },
        parents=frozenset({"type_id"}),
    )
)
