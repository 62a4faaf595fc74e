"""``SpaceStationFilter`` and ``SpaceStationOrder`` (LL2 ``/2.3.0/space_stations/``)."""

from __future__ import annotations

import strawberry

from schema.filters import AND, NOT, OR, SEARCH, DateFilter, IntFilter, StringFilter, option
from schema.pagination import order_enum

SpaceStationOrder = order_enum(
    "SpaceStationOrder", ["id", "name", "founded"], "Orders of space stations."
)


@strawberry.input(description="Which space stations (LL2 `/2.3.0/space_stations/` filters).")
class SpaceStationFilter:
    ll2_id: IntFilter | None = option("LL2's id.")
    name: StringFilter | None = option("Name.")
    status: IntFilter | None = option("LL2 id of the status.")
    type: IntFilter | None = option("LL2 id of the type.")
    owners: IntFilter | None = option("LL2 id of one of its owners.")
    founded: DateFilter | None = option("Date founded.")
    deorbited: DateFilter | None = option("Date deorbited.")
    orbit: StringFilter | None = option("Orbit (text).")
    search: str | None = option(f"{SEARCH} Searched: name.")
    and_: list[SpaceStationFilter] | None = option(AND, name="and")
    or_: list[SpaceStationFilter] | None = option(OR, name="or")
    not_: SpaceStationFilter | None = option(NOT, name="not")
