"""``LocationFilter`` and ``LocationOrder`` (LL2 ``/2.3.0/locations/``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from schema.filters import AND, NOT, OR, SEARCH, BooleanFilter, IntFilter, StringFilter, option
from schema.pagination import order_enum

if TYPE_CHECKING:
    from schema.inputs.celestial_body import CelestialBodyFilter
    from schema.inputs.pad import PadListFilter

# Filters of related nodes, resolved when the schema is built (they refer back here).
_CelestialBodyFilter = Annotated[
    "CelestialBodyFilter", strawberry.lazy("schema.inputs.celestial_body")
]
_PadListFilter = Annotated["PadListFilter", strawberry.lazy("schema.inputs.pad")]

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
    celestial_body_where: _CelestialBodyFilter | None = option(
        "The celestial body, by its own filter."
    )
    pads_where: _PadListFilter | None = option("Its pads: `some`, `none` or `every` match.")
    search: str | None = option(f"{SEARCH} Searched: country alpha-3 code, name.")
    and_: list[LocationFilter] | None = option(AND, name="and")
    or_: list[LocationFilter] | None = option(OR, name="or")
    not_: LocationFilter | None = option(NOT, name="not")
