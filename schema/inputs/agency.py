"""``AgencyFilter`` and ``AgencyOrder`` (LL2 ``/2.3.0/agencies/`` filters and ordering)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from schema.filters import AND, NOT, OR, SEARCH, BooleanFilter, IntFilter, StringFilter, option
from schema.pagination import order_enum

if TYPE_CHECKING:
    from schema.inputs.launch import LaunchListFilter
    from schema.inputs.lookup import NamedLookupFilter

# Filters of related nodes, resolved when the schema is built (they refer back here).
_LaunchListFilter = Annotated["LaunchListFilter", strawberry.lazy("schema.inputs.launch")]
_NamedLookupFilter = Annotated["NamedLookupFilter", strawberry.lazy("schema.inputs.lookup")]

_COUNTS = [
    "total_launch_count",
    "consecutive_successful_launches",
    "successful_launches",
    "failed_launches",
    "pending_launches",
    "consecutive_successful_landings",
    "successful_landings",
    "failed_landings",
    "attempted_landings",
]

AgencyOrder = order_enum(
    "AgencyOrder",
    ["id", "name", "featured", "founding_year", *_COUNTS],
    "Orders of agencies (LL2 `ordering`).",
)


@strawberry.input(description="Which agencies (LL2 `/2.3.0/agencies/` filters).")
class AgencyFilter:
    ll2_id: IntFilter | None = option("LL2's id (`id`).")
    name: StringFilter | None = option("Name (`name`, `name__contains`).")
    abbrev: StringFilter | None = option("Short name (`abbrev`, `abbrev__contains`).")
    type: IntFilter | None = option("LL2 id of the agency type (`type__id`).")
    featured: BooleanFilter | None = option("Featured by LL2 (`featured`).")
    description: StringFilter | None = option("About text (`description__contains`).")
    founding_year: IntFilter | None = option("Year founded (`founding_year__gt`, …).")
    parent: StringFilter | None = option("Parent organisation.")
    country_code: StringFilter | None = option(
        "ISO 3166-1 alpha-3 code of one of its countries (`country_code`)."
    )
    spacecraft: bool | None = option("It builds spacecraft (`spacecraft`).")
    total_launch_count: IntFilter | None = option("Launches made.")
    consecutive_successful_launches: IntFilter | None = option("Successful launches in a row.")
    successful_launches: IntFilter | None = option("Successful launches.")
    failed_launches: IntFilter | None = option("Failed launches.")
    pending_launches: IntFilter | None = option("Launches to come.")
    consecutive_successful_landings: IntFilter | None = option("Successful landings in a row.")
    successful_landings: IntFilter | None = option("Successful landings.")
    failed_landings: IntFilter | None = option("Failed landings.")
    attempted_landings: IntFilter | None = option("Attempted landings.")
    type_where: _NamedLookupFilter | None = option("The agency type, by its own fields.")
    launches_where: _LaunchListFilter | None = option(
        "The launches it provided: `some`, `none` or `every` match."
    )
    search: str | None = option(f"{SEARCH} Searched: abbrev, name.")
    and_: list[AgencyFilter] | None = option(AND, name="and")
    or_: list[AgencyFilter] | None = option(OR, name="or")
    not_: AgencyFilter | None = option(NOT, name="not")
