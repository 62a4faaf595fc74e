"""``LookupQuery``: a root connection for each of LL2's lookups (``loaders.lookups``), so a
client can find the id a filter takes (``launchStatuses(filter: {abbrev: {eq: "Success"}})``
→ 3). Each list's filter has exactly the fields its lookup has."""

from __future__ import annotations

from typing import Any

import strawberry

from loaders import listing
from loaders.lookups import LOOKUPS
from schema.inputs.lookup import FILTERS_BY_FIELDS, LookupOrder
from schema.node import type_for_table
from schema.pagination import connection_field

# LL2's endpoint under /2.3.0/config/ where it is not named like the listing (None: none).
LL2_PATHS = {
    "spacecraft_config_types": "spacecraft_configuration_types",
    "space_station_types": None,
    "event_types": "event_types",
}


def _lookup(name: str) -> Any:
    path = LL2_PATHS.get(name, name)
    where = f"LL2 `/2.3.0/config/{path}/`" if path else "nested in LL2's space stations"
    return connection_field(
        type_for_table(name),
        name,
        FILTERS_BY_FIELDS[frozenset(listing(name).fields)],
        LookupOrder,
        LookupOrder.ID_ASC,  # type: ignore[attr-defined]
        description=f"{name.replace('_', ' ').capitalize()} ({where}).",
    )


LookupQuery = strawberry.type(type("LookupQuery", (), {name: _lookup(name) for name, _ in LOOKUPS}))
