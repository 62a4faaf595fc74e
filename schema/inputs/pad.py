"""``PadFilter`` and ``PadOrder`` (LL2 ``/2.3.0/pads/`` filters and ordering)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from schema.filters import (
    AND,
    NOT,
    OR,
    SEARCH,
    BooleanFilter,
    FloatFilter,
    IntFilter,
    StringFilter,
    option,
    quantified,
)
from schema.pagination import order_enum

if TYPE_CHECKING:
    from schema.inputs.launch import LaunchListFilter
    from schema.inputs.location import LocationFilter

# Filters of related nodes, resolved when the schema is built (they refer back here).
_LaunchListFilter = Annotated["LaunchListFilter", strawberry.lazy("schema.inputs.launch")]
_LocationFilter = Annotated["LocationFilter", strawberry.lazy("schema.inputs.location")]

PadOrder = order_enum(
    "PadOrder",
    [
        "id",
        "name",
        "location",
        "location_name",
        "total_launch_count",
        "orbital_launch_attempt_count",
    ],
    "Orders of pads (LL2 `ordering`).",
)


@strawberry.input(description="Which pads (LL2 `/2.3.0/pads/` filters).")
class PadFilter:
    ll2_id: IntFilter | None = option("LL2's id (`id`).")
    name: StringFilter | None = option("Name (`name`, `name__contains`).")
    active: BooleanFilter | None = option("In use.")
    location: IntFilter | None = option("LL2 id of the location (`location__id`).")
    location_name: StringFilter | None = option(
        "Name of the location (`location__name`, `location__name__contains`)."
    )
    country: IntFilter | None = option("LL2 id of the country.")
    country_code: StringFilter | None = option("ISO 3166-1 alpha-3 code of the country.")
    agencies: IntFilter | None = option("LL2 id of one of its agencies (`agencies_ids`).")
    latitude: FloatFilter | None = option("Latitude (`latitude__gt`, …).")
    longitude: FloatFilter | None = option("Longitude (`longitude__gt`, …).")
    total_launch_count: IntFilter | None = option("Launches from it.")
    orbital_launch_attempt_count: IntFilter | None = option("Orbital launch attempts from it.")
    location_where: _LocationFilter | None = option("The location, by its own filter.")
    launches_where: _LaunchListFilter | None = option(
        "The launches from it: `some`, `none` or `every` match."
    )
    search: str | None = option(f"{SEARCH} Searched: location name, name.")
    and_: list[PadFilter] | None = option(AND, name="and")
    or_: list[PadFilter] | None = option(OR, name="or")
    not_: PadFilter | None = option(NOT, name="not")


PadListFilter = quantified(PadFilter, "PadListFilter", "pads")
