"""``LandingFilter``/``LandingOrder`` and ``LandingLocationFilter``/``LandingLocationOrder``
(LL2 ``/2.3.0/landings/``)."""

from __future__ import annotations

import strawberry

from schema.filters import (
    AND,
    NOT,
    OR,
    SEARCH,
    BooleanFilter,
    FloatFilter,
    IntFilter,
    StringFilter,
    UUIDFilter,
    option,
)
from schema.pagination import order_enum

LandingOrder = order_enum(
    "LandingOrder",
    ["id", "downrange_distance"],
    "Orders of landings (LL2 `ordering`).",
)


@strawberry.input(description="Which landings (LL2 `/2.3.0/landings/` filters).")
class LandingFilter:
    ll2_id: IntFilter | None = option("LL2's id.")
    attempt: BooleanFilter | None = option("A landing was attempted (`attempt`).")
    success: BooleanFilter | None = option("It succeeded (`success`).")
    downrange_distance: FloatFilter | None = option("Downrange distance (km).")
    landing_location: IntFilter | None = option(
        "LL2 id of the landing location (`landing_location__ids`)."
    )
    type: IntFilter | None = option("LL2 id of the landing type (`landing_type__ids`).")
    spacecraft: IntFilter | None = option("LL2 id of the landed spacecraft (`spacecraft__ids`).")
    spacecraft_config: IntFilter | None = option(
        "LL2 id of the landed spacecraft's configuration (`spacecraft_config__ids`)."
    )
    spacecraft_launch: UUIDFilter | None = option(
        "LL2 id of the landed spacecraft's launch (`spacecraft_launch__ids`)."
    )
    search: str | None = option(
        f"{SEARCH} Searched: landing location abbrev and name, spacecraft name and serial number."
    )
    and_: list[LandingFilter] | None = option(AND, name="and")
    or_: list[LandingFilter] | None = option(OR, name="or")
    not_: LandingFilter | None = option(NOT, name="not")


LandingLocationOrder = order_enum(
    "LandingLocationOrder",
    ["id", "name", "successful_landings"],
    "Orders of landing locations.",
)


@strawberry.input(description="Which landing locations.")
class LandingLocationFilter:
    ll2_id: IntFilter | None = option("LL2's id.")
    name: StringFilter | None = option("Name.")
    abbrev: StringFilter | None = option("Short name.")
    active: BooleanFilter | None = option("In use.")
    location: IntFilter | None = option("LL2 id of the location.")
    celestial_body: IntFilter | None = option("LL2 id of the celestial body.")
    successful_landings: IntFilter | None = option("Successful landings.")
    search: str | None = option(f"{SEARCH} Searched: name, abbrev.")
    and_: list[LandingLocationFilter] | None = option(AND, name="and")
    or_: list[LandingLocationFilter] | None = option(OR, name="or")
    not_: LandingLocationFilter | None = option(NOT, name="not")
