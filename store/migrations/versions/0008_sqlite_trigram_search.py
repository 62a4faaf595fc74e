"""trigram search tables for SQLite (FTS5)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08 01:00:00

LL2's ``search`` and ``contains`` on SQLite find their candidate rows in an FTS5 table with
the ``trigram`` tokenizer, one per searched table, over the columns PostgreSQL indexes with
``pg_trgm`` (0004, 0007). The entity table is its external content; triggers keep it in step
and ``rebuild`` indexes the rows already stored. PostgreSQL: nothing to do.
"""

from collections.abc import Sequence

from alembic import op

from store.search_indexes import create_fts, drop_fts

revision: str = "0008"
down_revision: str | None = "0007"
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
    "event_types": ("name",),
    "events": ("name",),
    "landing_locations": ("abbrev", "name"),
    "landing_types": ("abbrev", "name"),
    "launch_statuses": ("abbrev", "name"),
    "launcher_configurations": ("full_name", "name"),
    "launcher_statuses": ("abbrev", "name"),
    "launchers": ("serial_number",),
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
    create_fts(op.get_bind(), SEARCHED)


def downgrade() -> None:
    drop_fts(op.get_bind(), SEARCHED)
