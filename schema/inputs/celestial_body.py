"""``CelestialBodyFilter`` and ``CelestialBodyOrder`` (LL2 ``/2.3.0/celestial_bodies/``)."""

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
    option,
)
from schema.pagination import order_enum

CelestialBodyOrder = order_enum(
    "CelestialBodyOrder",
    ["id", "name", "diameter", "mass"],
    "Orders of celestial bodies (LL2 `ordering`: id, name).",
)


@strawberry.input(description="Which celestial bodies (LL2 `/2.3.0/celestial_bodies/`).")
class CelestialBodyFilter:
    ll2_id: IntFilter | None = option("LL2's id.")
    name: StringFilter | None = option("Name.")
    type: IntFilter | None = option("LL2 id of the type.")
    atmosphere: BooleanFilter | None = option("Has an atmosphere.")
    diameter: FloatFilter | None = option("Diameter (m).")
    mass: FloatFilter | None = option("Mass (kg).")
    gravity: FloatFilter | None = option("Surface gravity (m/s²).")
    search: str | None = option(f"{SEARCH} Searched: name, type name.")
    and_: list[CelestialBodyFilter] | None = option(AND, name="and")
    or_: list[CelestialBodyFilter] | None = option(OR, name="or")
    not_: CelestialBodyFilter | None = option(NOT, name="not")
