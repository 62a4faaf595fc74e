"""Space stations as a connection (LL2 ``/2.3.0/space_stations/``)."""

from loaders.listing import Field, Listing, columns, search
from loaders.pages import register
from store.tables.flights import space_stations, space_stations_owners

SPACE_STATIONS = register(
    Listing(
        name="space_stations",
        table=space_stations,
        fields={
            "ll2_id": Field(space_stations.c.id),
            **columns(space_stations, "name", "founded", "deorbited", "orbit"),
            "status": Field(space_stations.c.status_id),
            "type": Field(space_stations.c.type_id),
            "owners": Field(
                space_stations_owners.c.target_id, through=space_stations_owners.c.owner_id
            ),
        },
        search=search(space_stations.c.name),
        orders={
            "id": (),
            "name": (space_stations.c.name,),
            "founded": (space_stations.c.founded,),
        },
        parents=frozenset({"status_id", "type_id"}),
    )
)
