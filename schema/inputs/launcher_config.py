"""``LauncherConfigFilter`` and ``LauncherConfigOrder``
(LL2 ``/2.3.0/launcher_configurations/``)."""

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

LauncherConfigOrder = order_enum(
    "LauncherConfigOrder",
    ["id", "name", "maiden_flight", "total_launch_count"],
    "Orders of launcher configurations.",
)


@strawberry.input(description="Which launcher configurations (LL2 filters).")
class LauncherConfigFilter:
    ll2_id: IntFilter | None = option("LL2's id.")
    name: StringFilter | None = option("Name.")
    full_name: StringFilter | None = option("Full name.")
    variant: StringFilter | None = option("Variant.")
    active: BooleanFilter | None = option("Still flying.")
    reusable: BooleanFilter | None = option("Reusable.")
    is_placeholder: BooleanFilter | None = option("A placeholder.")
    manufacturer: IntFilter | None = option("LL2 id of the manufacturer.")
    family: IntFilter | None = option("LL2 id of one of its families.")
    maiden_flight: DateFilter | None = option("Date of the first flight.")
    total_launch_count: IntFilter | None = option("Launches made.")
    successful_launches: IntFilter | None = option("Successful launches.")
    failed_launches: IntFilter | None = option("Failed launches.")
    search: str | None = option(f"{SEARCH} Searched: name, full name, manufacturer name.")
    and_: list[LauncherConfigFilter] | None = option(AND, name="and")
    or_: list[LauncherConfigFilter] | None = option(OR, name="or")
    not_: LauncherConfigFilter | None = option(NOT, name="not")
