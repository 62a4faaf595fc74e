"""``SpacecraftConfigFilter`` and ``SpacecraftConfigOrder``
(LL2 ``/2.3.0/spacecraft_configurations/``)."""

from __future__ import annotations

import strawberry

from schema.filters import (
    AND,
    NOT,
    OR,
    SEARCH,
    BooleanFilter,
    DateFilter,
    IntFilter,
    StringFilter,
    option,
)
from schema.pagination import order_enum

SpacecraftConfigOrder = order_enum(
    "SpacecraftConfigOrder",
    ["id", "name", "maiden_flight"],
    "Orders of spacecraft configurations (LL2 `ordering`: name).",
)


@strawberry.input(description="Which spacecraft configurations (LL2 filters).")
class SpacecraftConfigFilter:
    ll2_id: IntFilter | None = option("LL2's id.")
    name: StringFilter | None = option("Name (`name`).")
    agency: IntFilter | None = option("LL2 id of the agency (`agency`).")
    type: IntFilter | None = option("LL2 id of the type.")
    in_use: BooleanFilter | None = option("In use (`in_use`).")
    human_rated: BooleanFilter | None = option("Rated for humans (`human_rated`).")
    crew_capacity: IntFilter | None = option("Crew capacity.")
    maiden_flight: DateFilter | None = option("Date of the first flight.")
    search: str | None = option(f"{SEARCH} Searched: agency abbrev, agency name, name.")
    and_: list[SpacecraftConfigFilter] | None = option(AND, name="and")
    or_: list[SpacecraftConfigFilter] | None = option(OR, name="or")
    not_: SpacecraftConfigFilter | None = option(NOT, name="not")
