"""LL2's lookups — statuses, types, roles, orbits, countries — as connections, so a client
can list them and find the id a filter takes ("which status id is Success?").

Each lookup's listing filters and searches on its text columns (``name``, and ``abbrev``
where LL2 has one; an astronaut role's is ``role``) and orders by id or that name.
"""

from __future__ import annotations

from loaders.listing import Field, Listing, search
from loaders.pages import register
from loaders.rows import table

# (listing and table, the column that names a row)
LOOKUPS = (
    ("agency_types", "name"),
    ("launch_statuses", "name"),
    ("net_precisions", "name"),
    ("landing_types", "name"),
    ("celestial_body_types", "name"),
    ("spacecraft_statuses", "name"),
    ("spacecraft_config_types", "name"),
    ("launcher_statuses", "name"),
    ("astronaut_statuses", "name"),
    ("astronaut_types", "name"),
    ("astronaut_roles", "role"),
    ("space_station_statuses", "name"),
    ("space_station_types", "name"),
    ("program_types", "name"),
    ("payload_types", "name"),
    ("event_types", "name"),
    ("orbits", "name"),
    ("countries", "name"),
)


def lookup_listing(name: str, named_by: str) -> Listing:
    rows = table(name)
    texts = [c for c in ("name", "abbrev", "role", "alpha_2_code", "alpha_3_code") if c in rows.c]
    return Listing(
        name=name,
        table=rows,
        fields={"ll2_id": Field(rows.c.id), **{c: Field(rows.c[c]) for c in texts}},
        search=search(*(rows.c[c] for c in texts)),
        orders={"id": (), "name": (rows.c[named_by],)},
    )


def register_lookups() -> None:
    for name, named_by in LOOKUPS:
        register(lookup_listing(name, named_by))


register_lookups()
