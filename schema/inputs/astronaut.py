"""``AstronautFilter`` and ``AstronautOrder`` (LL2 ``/2.3.0/astronauts/``)."""

from __future__ import annotations

import strawberry

from schema.filters import (
    AND,
    NOT,
    OR,
    SEARCH,
    BooleanFilter,
    DateFilter,
    DateTimeFilter,
    IntFilter,
    StringFilter,
    option,
)
from schema.pagination import order_enum

AstronautOrder = order_enum(
    "AstronautOrder",
    ["id", "name", "date_of_birth", "first_flight", "last_flight", "flights_count"],
    "Orders of astronauts.",
)


@strawberry.input(description="Which astronauts (LL2 `/2.3.0/astronauts/` filters).")
class AstronautFilter:
    ll2_id: IntFilter | None = option("LL2's id.")
    name: StringFilter | None = option("Name.")
    status: IntFilter | None = option("LL2 id of the status.")
    type: IntFilter | None = option("LL2 id of the type.")
    agency: IntFilter | None = option("LL2 id of the agency.")
    nationality: IntFilter | None = option("LL2 id of one of their countries.")
    in_space: BooleanFilter | None = option("In space now.")
    age: IntFilter | None = option("Age.")
    date_of_birth: DateFilter | None = option("Date of birth.")
    date_of_death: DateFilter | None = option("Date of death.")
    first_flight: DateTimeFilter | None = option("First flight.")
    last_flight: DateTimeFilter | None = option("Last flight.")
    flights_count: IntFilter | None = option("Flights.")
    landings_count: IntFilter | None = option("Landings.")
    spacewalks_count: IntFilter | None = option("Spacewalks.")
    search: str | None = option(f"{SEARCH} Searched: name, agency name.")
    and_: list[AstronautFilter] | None = option(AND, name="and")
    or_: list[AstronautFilter] | None = option(OR, name="or")
    not_: AstronautFilter | None = option(NOT, name="not")
