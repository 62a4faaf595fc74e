"""``SpacecraftFilter`` and ``SpacecraftOrder`` (LL2 ``/2.3.0/spacecraft/``)."""

from __future__ import annotations

import strawberry

from schema.filters import AND, NOT, OR, SEARCH, BooleanFilter, IntFilter, StringFilter, option
from schema.pagination import order_enum

SpacecraftOrder = order_enum(
    "SpacecraftOrder",
    ["id", "name", "flights_count", "mission_ends_count"],
    "Orders of spacecraft (LL2 `ordering`).",
)


@strawberry.input(description="Which spacecraft (LL2 `/2.3.0/spacecraft/` filters).")
class SpacecraftFilter:
    ll2_id: IntFilter | None = option("LL2's id.")
    name: StringFilter | None = option("Name (`name`).")
    serial_number: StringFilter | None = option("Serial number.")
    in_space: BooleanFilter | None = option("In space now (`in_space`).")
    is_placeholder: BooleanFilter | None = option("A placeholder (`is_placeholder`).")
    spacecraft_config: IntFilter | None = option(
        "LL2 id of the configuration (`spacecraft_config`)."
    )
    status: IntFilter | None = option("LL2 id of the status (`status`).")
    flights_count: IntFilter | None = option("Flights flown.")
    mission_ends_count: IntFilter | None = option("Missions ended.")
    search: str | None = option(f"{SEARCH} Searched: name, configuration name.")
    and_: list[SpacecraftFilter] | None = option(AND, name="and")
    or_: list[SpacecraftFilter] | None = option(OR, name="or")
    not_: SpacecraftFilter | None = option(NOT, name="not")
