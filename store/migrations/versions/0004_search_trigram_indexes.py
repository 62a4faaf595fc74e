"""trigram indexes for search (PostgreSQL)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 19:55:00

LL2's ``search`` and ``contains`` are case-insensitive substring matches; on PostgreSQL a GIN
index with ``pg_trgm``'s ``gin_trgm_ops`` serves them. Where the extension cannot be created
(no privilege), the indexes are left out with a warning: search still works, by scanning.
The columns are every column a listing searches (tests/store/test_search_indexes.py checks
that each one has its index).
"""

from collections.abc import Sequence

from alembic import op

from store.search_indexes import create_indexes, drop_indexes

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCHED = {
    "agencies": ("abbrev", "name"),
    "agency_types": ("name",),
    "astronaut_roles": ("role",),
    "astronaut_statuses": ("name",),
    "astronaut_types": ("name",),
    "astronauts": ("name",),
    "celestial_bodies": ("name",),
    "celestial_body_types": ("name",),
    "countries": ("alpha_2_code", "alpha_3_code", "name"),
    "docking_locations": ("name",),
    "landing_locations": ("abbrev", "name"),
    "landing_types": ("abbrev", "name"),
    "launch_statuses": ("abbrev", "name"),
    "launcher_configurations": ("full_name", "name"),
    "launcher_statuses": ("abbrev", "name"),
    "launches": ("launch_designator", "name"),
    "locations": ("name",),
    "missions": ("name",),
    "net_precisions": ("abbrev", "name"),
    "orbits": ("abbrev", "name"),
    "pads": ("name",),
    "payload_types": ("name",),
    "payloads": ("name",),
    "program_types": ("name",),
    "space_station_statuses": ("name",),
    "space_station_types": ("name",),
    "space_stations": ("name",),
    "spacecraft": ("name", "serial_number"),
    "spacecraft_config_types": ("name",),
    "spacecraft_configurations": ("name",),
    "spacecraft_flights": ("destination",),
    "spacecraft_statuses": ("name",),
}


def upgrade() -> None:
    create_indexes(op.get_bind(), SEARCHED)


def downgrade() -> None:
    drop_indexes(op.get_bind(), SEARCHED)
