"""``LookupFilter`` and ``LookupOrder``: shared by every lookup connection (statuses, types,
roles, orbits, countries — LL2's ``/2.3.0/config/…`` lists)."""

from __future__ import annotations

import strawberry

from schema.filters import AND, NOT, OR, SEARCH, IntFilter, StringFilter, option
from schema.pagination import order_enum

LookupOrder = order_enum(
    "LookupOrder", ["id", "name"], "Orders of a lookup list (by its name: a role by its role)."
)


@strawberry.input(description="Which entries of a lookup list.")
class LookupFilter:
    ll2_id: IntFilter | None = option("LL2's id.")
    name: StringFilter | None = option("Name.")
    abbrev: StringFilter | None = option(
        "Short name (statuses, precisions, landing types, orbits)."
    )
    role: StringFilter | None = option("The role (astronaut roles).")
    search: str | None = option(f"{SEARCH} Searched: every text field of the entry.")
    and_: list[LookupFilter] | None = option(AND, name="and")
    or_: list[LookupFilter] | None = option(OR, name="or")
    not_: LookupFilter | None = option(NOT, name="not")
