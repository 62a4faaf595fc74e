"""``SpacecraftFilter`` and ``SpacecraftOrder`` (LL2 ``/2.3.0/spacecraft/``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from schema.filters import AND, NOT, OR, SEARCH, BooleanFilter, IntFilter, StringFilter, option
from schema.pagination import order_enum

if TYPE_CHECKING:
    from schema.inputs.flight import FlightListFilter
    from schema.inputs.lookup import NamedLookupFilter
    from schema.inputs.spacecraft_config import SpacecraftConfigFilter

# Filters of related nodes, resolved when the schema is built (they refer back here).
_FlightListFilter = Annotated["FlightListFilter", strawberry.lazy("schema.inputs.flight")]
_NamedLookupFilter = Annotated["NamedLookupFilter", strawberry.lazy("schema.inputs.lookup")]
_SpacecraftConfigFilter = Annotated[
    "SpacecraftConfigFilter", strawberry.lazy("schema.inputs.spacecraft_config")
]

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
    spacecraft_config_where: _SpacecraftConfigFilter | None = option(
        "The configuration, by its own filter."
    )
    status_where: _NamedLookupFilter | None = option("The status, by its own fields.")
    flights_where: _FlightListFilter | None = option(
        "Its flights: `some`, `none` or `every` match."
    )
    search: str | None = option(f"{SEARCH} Searched: name, configuration name.")
    and_: list[SpacecraftFilter] | None = option(AND, name="and")
    or_: list[SpacecraftFilter] | None = option(OR, name="or")
    not_: SpacecraftFilter | None = option(NOT, name="not")
