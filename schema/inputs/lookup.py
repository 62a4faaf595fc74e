"""Filters of the lookup lists (statuses, types, roles, orbits, countries — LL2's
``/2.3.0/config/…``), one per set of fields a lookup has, and their shared ``LookupOrder``."""

from __future__ import annotations

import strawberry

from schema.filters import AND, NOT, OR, SEARCH, IntFilter, StringFilter, option
from schema.pagination import order_enum

LookupOrder = order_enum(
    "LookupOrder", ["id", "name"], "Orders of a lookup list (by its name: a role by its role)."
)
_SEARCHED = f"{SEARCH} Searched: every text field of the entry."


@strawberry.input(description="Which entries of a lookup list that has a name.")
class NamedLookupFilter:
    ll2_id: IntFilter | None = option("LL2's id.")
    name: StringFilter | None = option("Name.")
    search: str | None = option(_SEARCHED)
    and_: list[NamedLookupFilter] | None = option(AND, name="and")
    or_: list[NamedLookupFilter] | None = option(OR, name="or")
    not_: NamedLookupFilter | None = option(NOT, name="not")


@strawberry.input(description="Which entries of a lookup list with names and short names.")
class AbbreviatedLookupFilter:
    ll2_id: IntFilter | None = option("LL2's id.")
    name: StringFilter | None = option("Name.")
    abbrev: StringFilter | None = option("Short name.")
    search: str | None = option(_SEARCHED)
    and_: list[AbbreviatedLookupFilter] | None = option(AND, name="and")
    or_: list[AbbreviatedLookupFilter] | None = option(OR, name="or")
    not_: AbbreviatedLookupFilter | None = option(NOT, name="not")


@strawberry.input(description="Which crew roles.")
class RoleFilter:
    ll2_id: IntFilter | None = option("LL2's id.")
    role: StringFilter | None = option("The role.")
    search: str | None = option(_SEARCHED)
    and_: list[RoleFilter] | None = option(AND, name="and")
    or_: list[RoleFilter] | None = option(OR, name="or")
    not_: RoleFilter | None = option(NOT, name="not")


@strawberry.input(description="Which countries.")
class CountryFilter:
    ll2_id: IntFilter | None = option("LL2's id.")
    name: StringFilter | None = option("Name.")
    alpha_2_code: StringFilter | None = option("ISO 3166-1 alpha-2 code.")
    alpha_3_code: StringFilter | None = option("ISO 3166-1 alpha-3 code.")
    search: str | None = option(_SEARCHED)
    and_: list[CountryFilter] | None = option(AND, name="and")
    or_: list[CountryFilter] | None = option(OR, name="or")
    not_: CountryFilter | None = option(NOT, name="not")


# A lookup's filter by the fields its listing has (loaders.lookups).
FILTERS_BY_FIELDS: dict[frozenset[str], type] = {
    frozenset({"ll2_id", "name"}): NamedLookupFilter,
    frozenset({"ll2_id", "name", "abbrev"}): AbbreviatedLookupFilter,
    frozenset({"ll2_id", "role"}): RoleFilter,
    frozenset({"ll2_id", "name", "alpha_2_code", "alpha_3_code"}): CountryFilter,
}
