"""``LaunchFilter`` and ``LaunchOrder`` (LL2 ``/2.3.0/launches/`` filters and ordering)."""

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
    UUIDFilter,
    option,
    quantified,
)
from schema.pagination import order_enum

if TYPE_CHECKING:
    from schema.inputs.agency import AgencyFilter
    from schema.inputs.flight import FlightListFilter
    from schema.inputs.launcher_config import LauncherConfigFilter
    from schema.inputs.lookup import AbbreviatedLookupFilter
    from schema.inputs.pad import PadFilter

# Filters of related nodes, resolved when the schema is built (they refer back here).
_AbbreviatedLookupFilter = Annotated[
    "AbbreviatedLookupFilter", strawberry.lazy("schema.inputs.lookup")
]
_AgencyFilter = Annotated["AgencyFilter", strawberry.lazy("schema.inputs.agency")]
_FlightListFilter = Annotated["FlightListFilter", strawberry.lazy("schema.inputs.flight")]
_LauncherConfigFilter = Annotated[
    "LauncherConfigFilter", strawberry.lazy("schema.inputs.launcher_config")
]
_PadFilter = Annotated["PadFilter", strawberry.lazy("schema.inputs.pad")]

LaunchOrder = order_enum(
    "LaunchOrder",
    ["net", "window_start", "last_updated", "name", "id"],
    "Orders of launches (LL2 `ordering`: net, last_updated, name, id).",
)


@strawberry.input(description="Which launches (LL2 `/2.3.0/launches/` filters).")
class LaunchFilter:
    ll2_id: UUIDFilter | None = option("LL2's id (`id`).")
    name: StringFilter | None = option("Name (`name`).")
    slug: StringFilter | None = option("Slug (`slug`).")
    launch_designator: StringFilter | None = option(
        "COSPAR international designator (`launch_designator`)."
    )
    net: DateTimeFilter | None = option("No earlier than (`net__gt`, `net__gte`, …).")
    window_start: DateTimeFilter | None = option("Window start (`window_start__gt`, …).")
    window_end: DateTimeFilter | None = option("Window end (`window_end__gt`, …).")
    last_updated: DateTimeFilter | None = option("Last change at LL2 (`last_updated__gte`, …).")
    year: IntFilter | None = option("UTC year of the NET (`year`).")
    month: IntFilter | None = option("UTC month (1 to 12) of the NET (`month`).")
    day: IntFilter | None = option("UTC day of month of the NET (`day`).")
    status: IntFilter | None = option("LL2 id of the status (`status`, `status__ids`).")
    status_name: StringFilter | None = option(
        "Name of the status: `Launch Successful`, `Go for Launch`… (see `launchStatuses`)."
    )
    status_abbrev: StringFilter | None = option(
        "Short name of the status: `Success`, `Failure`, `Go`, `TBD`… (see `launchStatuses`)."
    )
    net_precision: IntFilter | None = option("LL2 id of the NET precision.")
    launch_service_provider: IntFilter | None = option(
        "LL2 id of the launch service provider (`lsp__id`)."
    )
    launch_service_provider_name: StringFilter | None = option(
        "Name of the launch service provider (`lsp__name`)."
    )
    pad: IntFilter | None = option("LL2 id of the pad (`pad`).")
    location: IntFilter | None = option("LL2 id of the pad's location (`location__ids`).")
    celestial_body: IntFilter | None = option(
        "LL2 id of the celestial body of the pad's location (`pad__location__celestial_body__id`)."
    )
    rocket_configuration: IntFilter | None = option(
        "LL2 id of the launcher configuration (`rocket__configuration__id`, `launcher_config__id`)."
    )
    rocket_configuration_name: StringFilter | None = option(
        "Name of the launcher configuration (`rocket__configuration__name`)."
    )
    rocket_configuration_full_name: StringFilter | None = option(
        "Full name of the launcher configuration (`rocket__configuration__full_name`)."
    )
    rocket_manufacturer_name: StringFilter | None = option(
        "Name of the launcher's manufacturer (`rocket__configuration__manufacturer__name`)."
    )
    mission: IntFilter | None = option("LL2 id of the mission.")
    orbit: IntFilter | None = option("LL2 id of the mission's orbit.")
    orbit_name: StringFilter | None = option(
        "Name of the mission's orbit (`mission__orbit__name`)."
    )
    orbit_celestial_body: IntFilter | None = option(
        "LL2 id of the orbit's celestial body (`mission__orbit__celestial_body__id`)."
    )
    program: IntFilter | None = option("LL2 id of one of its programs (`program`).")
    spacecraft: IntFilter | None = option(
        "LL2 id of a spacecraft it carries (`rocket__spacecraftflight__spacecraft__id`)."
    )
    spacecraft_config: IntFilter | None = option(
        "LL2 id of the configuration of a spacecraft it carries (`spacecraft_config__ids`)."
    )
    crewed: bool | None = option("It carries a crew up (`is_crewed`).")
    suborbital: bool | None = option(
        "Its mission's orbit is suborbital (`include_suborbital=false` is `suborbital: false`)."
    )
    probability: IntFilter | None = option("Weather probability (%).")
    webcast_live: BooleanFilter | None = option("Its webcast is live.")
    orbital_launch_attempt_count: IntFilter | None = option("Orbital launch attempt number.")
    location_launch_attempt_count: IntFilter | None = option("Attempt number at the location.")
    pad_launch_attempt_count: IntFilter | None = option("Attempt number at the pad.")
    agency_launch_attempt_count: IntFilter | None = option("Attempt number of the provider.")
    orbital_launch_attempt_count_year: IntFilter | None = option("Orbital attempt number (year).")
    location_launch_attempt_count_year: IntFilter | None = option(
        "Attempt number at the location (year)."
    )
    pad_launch_attempt_count_year: IntFilter | None = option("Attempt number at the pad (year).")
    agency_launch_attempt_count_year: IntFilter | None = option(
        "Attempt number of the provider (year)."
    )
    status_where: _AbbreviatedLookupFilter | None = option(
        'The status, by its own fields: `{abbrev: {eq: "Success"}}`.'
    )
    pad_where: _PadFilter | None = option("The pad, by its own filter (its location too).")
    launch_service_provider_where: _AgencyFilter | None = option(
        "The launch service provider, by its own filter."
    )
    rocket_configuration_where: _LauncherConfigFilter | None = option(
        "The launcher configuration, by its own filter."
    )
    orbit_where: _AbbreviatedLookupFilter | None = option("The mission's orbit, by its own fields.")
    flights_where: _FlightListFilter | None = option(
        "Its spacecraft flights: `some`, `none` or `every` match."
    )
    search: str | None = option(
        f"{SEARCH} Searched: launch designator, provider name, mission name, name, pad "
        "location name, pad name, launcher configuration name and its manufacturer's name and "
        "abbrev, spacecraft name."
    )
    and_: list[LaunchFilter] | None = option(AND, name="and")
    or_: list[LaunchFilter] | None = option(OR, name="or")
    not_: LaunchFilter | None = option(NOT, name="not")


LaunchListFilter = quantified(LaunchFilter, "LaunchListFilter", "launches")
