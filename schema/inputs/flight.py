"""``FlightFilter`` and ``FlightOrder`` (LL2 ``/2.3.0/spacecraft_flights/``)."""

from __future__ import annotations

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
)
from schema.pagination import order_enum

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
    search: str | None = option(
        f"{SEARCH} Searched (LL2 has no search here): spacecraft name, launch name, destination."
    )
    and_: list[FlightFilter] | None = option(AND, name="and")
    or_: list[FlightFilter] | None = option(OR, name="or")
    not_: FlightFilter | None = option(NOT, name="not")
