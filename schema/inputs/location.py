"""``LocationFilter`` and ``LocationOrder`` (LL2 ``/2.3.0/locations/``)."""

from __future__ import annotations

import strawberry

from schema.filters import AND, NOT, OR, SEARCH, BooleanFilter, IntFilter, StringFilter, option
from schema.pagination import order_enum

LocationOrder = order_enum(
    "LocationOrder",
    ["id", "name", "total_launch_count", "total_landing_count"],
    "Orders of locations (LL2 `ordering`).",
)


@strawberry.input(description="Which locations (LL2 `/2.3.0/locations/` filters).")
class LocationFilter:
    ll2_id: IntFilter | None = option("LL2's id (`id`).")
    name: StringFilter | None = option("Name (`name`, `name__contains`).")
    active: BooleanFilter | None = option("In use.")
    celestial_body: IntFilter | None = option("LL2 id of the celestial body.")
    country: IntFilter | None = option("LL2 id of the country.")
    country_code: StringFilter | None = option(
        "ISO 3166-1 alpha-3 code of the country (`country_code`)."
    )
    total_launch_count: IntFilter | None = option("Launches from it (`total_launch_count__gt`, …).")
    total_landing_count: IntFilter | None = option("Landings at it.")
    search: str | None = option(f"{SEARCH} Searched: country alpha-3 code, name.")
    and_: list[LocationFilter] | None = option(AND, name="and")
    or_: list[LocationFilter] | None = option(OR, name="or")
    not_: LocationFilter | None = option(NOT, name="not")
