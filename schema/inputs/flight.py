"""``FlightFilter`` and ``FlightOrder`` (LL2 ``/2.3.0/spacecraft_flights/``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from schema.filters import (
    AND,
    NOT,
    OR,
    SEARCH,
    DateTimeFilter,
    IntFilter,
    StringFilter,
    UUIDFilter,
    option,
    quantified,
)
from schema.pagination import order_enum

if TYPE_CHECKING:
    from schema.inputs.launch import LaunchFilter
    from schema.inputs.spacecraft import SpacecraftFilter

# Filters of related nodes, resolved when the schema is built (they refer back here).
_LaunchFilter = Annotated["LaunchFilter", strawberry.lazy("schema.inputs.launch")]
_SpacecraftFilter = Annotated["SpacecraftFilter", strawberry.lazy("schema.inputs.spacecraft")]

FlightOrder = order_enum(
    "FlightOrder",
    ["id", "mission_end", "launch_net"],
    "Orders of spacecraft flights (LL2 has none; `LAUNCH_NET` is chronological).",
)


@strawberry.input(description="Which spacecraft flights (LL2 `/2.3.0/spacecraft_flights/`).")
class FlightFilter:
    ll2_id: IntFilter | None = option("LL2's id.")
    spacecraft: IntFilter | None = option("LL2 id of the spacecraft (`spacecraft`).")
    spacecraft_config: IntFilter | None = option("LL2 id of the spacecraft's configuration.")
    launch: UUIDFilter | None = option("LL2 id of the launch.")
    landing: IntFilter | None = option("LL2 id of the landing.")
    launch_net: DateTimeFilter | None = option("NET of the launch.")
    destination: StringFilter | None = option("Destination.")
    mission_end: DateTimeFilter | None = option("End of the mission.")
    launch_where: _LaunchFilter | None = option("The launch, by its own filter.")
    spacecraft_where: _SpacecraftFilter | None = option("The spacecraft, by its own filter.")
    search: str | None = option(
        f"{SEARCH} Searched (LL2 has no search here): spacecraft name, launch name, destination."
    )
    and_: list[FlightFilter] | None = option(AND, name="and")
    or_: list[FlightFilter] | None = option(OR, name="or")
    not_: FlightFilter | None = option(NOT, name="not")


FlightListFilter = quantified(FlightFilter, "FlightListFilter", "spacecraft flights")
