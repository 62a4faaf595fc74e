"""``DockingEventFilter`` and ``DockingEventOrder`` (LL2 ``/2.3.0/docking_events/``)."""

from __future__ import annotations

import strawberry

from schema.filters import AND, NOT, OR, SEARCH, DateTimeFilter, IntFilter, option
from schema.pagination import order_enum

DockingEventOrder = order_enum(
    "DockingEventOrder",
    ["id", "docking", "departure"],
    "Orders of docking events (LL2 `ordering`: docking, departure).",
)


@strawberry.input(description="Which docking events (LL2 `/2.3.0/docking_events/` filters).")
class DockingEventFilter:
    ll2_id: IntFilter | None = option("LL2's id.")
    docking: DateTimeFilter | None = option("When it docked (`docking__gt`, …).")
    departure: DateTimeFilter | None = option("When it left.")
    docking_location: IntFilter | None = option("LL2 id of the port (`docking_location__id`).")
    space_station_target: IntFilter | None = option(
        "LL2 id of the station docked to (`space_station_target__id`)."
    )
    flight_vehicle_target: IntFilter | None = option("LL2 id of the flight docked to.")
    payload_flight_target: IntFilter | None = option("LL2 id of the payload flight docked to.")
    flight_vehicle_chaser: IntFilter | None = option(
        "LL2 id of the spacecraft flight that docked (`flight_vehicle_chaser__id`)."
    )
    space_station_chaser: IntFilter | None = option("LL2 id of the station that docked.")
    payload_flight_chaser: IntFilter | None = option("LL2 id of the payload flight that docked.")
    search: str | None = option(
        f"{SEARCH} Searched: port name, chaser and target spacecraft, payload and station names."
    )
    and_: list[DockingEventFilter] | None = option(AND, name="and")
    or_: list[DockingEventFilter] | None = option(OR, name="or")
    not_: DockingEventFilter | None = option(NOT, name="not")
