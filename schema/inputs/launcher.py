"""``LauncherFilter`` and ``LauncherOrder`` (LL2 ``/2.3.0/launchers/``: boosters)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from schema.filters import (
    AND,
    NOT,
    OR,
    SEARCH,
    BooleanFilter,
    DateTimeFilter,
    IntFilter,
    StringFilter,
    option,
)
from schema.pagination import order_enum

if TYPE_CHECKING:
    from schema.inputs.launcher_config import LauncherConfigFilter
    from schema.inputs.lookup import AbbreviatedLookupFilter

# Filters of related nodes, resolved when the schema is built.
_LauncherConfigFilter = Annotated[
    "LauncherConfigFilter", strawberry.lazy("schema.inputs.launcher_config")
]
_AbbreviatedLookupFilter = Annotated[
    "AbbreviatedLookupFilter", strawberry.lazy("schema.inputs.lookup")
]

LauncherOrder = order_enum(
    "LauncherOrder",
    [
        "id",
        "serial_number",
        "flights",
        "flight_proven",
        "attempted_landings",
        "successful_landings",
    ],
    "Orders of boosters (LL2 `ordering`).",
)


@strawberry.input(description="Which boosters (LL2 `/2.3.0/launchers/` filters).")
class LauncherFilter:
    ll2_id: IntFilter | None = option("LL2's id (`id`).")
    serial_number: StringFilter | None = option(
        "Serial number (`serial_number`, `serial_number__contains`)."
    )
    flight_proven: BooleanFilter | None = option("Has flown before (`flight_proven`).")
    is_placeholder: BooleanFilter | None = option("A placeholder (`is_placeholder`).")
    status: IntFilter | None = option("LL2 id of the status (`status`).")
    flights: IntFilter | None = option("Flights flown (`flights__gt`, …).")
    attempted_landings: IntFilter | None = option("Attempted landings (`attempted_landings`, …).")
    successful_landings: IntFilter | None = option(
        "Successful landings (`successful_landings`, …)."
    )
    first_launch_date: DateTimeFilter | None = option("Its first launch.")
    last_launch_date: DateTimeFilter | None = option("Its last launch.")
    launcher_config: IntFilter | None = option(
        "LL2 id of its configuration (`launcher_config__ids`)."
    )
    launcher_config_manufacturer_name: StringFilter | None = option(
        "Name of its manufacturer (`launcher_config__manufacturer__name`)."
    )
    status_where: _AbbreviatedLookupFilter | None = option("The status, by its own fields.")
    launcher_config_where: _LauncherConfigFilter | None = option(
        "The configuration, by its own filter."
    )
    search: str | None = option(f"{SEARCH} Searched: serial number, status name.")
    and_: list[LauncherFilter] | None = option(AND, name="and")
    or_: list[LauncherFilter] | None = option(OR, name="or")
    not_: LauncherFilter | None = option(NOT, name="not")
