"""the LL2 API version that wrote each row

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 22:10:00

Every entity table records which LL2 API version's document last wrote a row (2.3.0 is
20300), so that a capture of an older version never overwrites what a newer one wrote. Rows
stored before have none (null): the first document that touches them again sets it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every entity table at this revision (store.columns.entity).
TABLES = (
    "agency_types",
    "astronaut_roles",
    "astronaut_statuses",
    "astronaut_types",
    "celestial_body_types",
    "countries",
    "image_licenses",
    "image_variant_types",
    "landing_types",
    "launch_statuses",
    "launcher_config_families",
    "launcher_statuses",
    "net_precisions",
    "payload_types",
    "program_types",
    "space_station_statuses",
    "space_station_types",
    "spacecraft_config_types",
    "spacecraft_statuses",
    "images",
    "agencies",
    "celestial_bodies",
    "image_variants",
    "programs",
    "social_media",
    "space_stations",
    "astronauts",
    "expeditions",
    "launcher_configurations",
    "locations",
    "mission_patches",
    "orbits",
    "payloads",
    "social_media_links",
    "spacecraft_config_families",
    "spacecraft_configurations",
    "docking_locations",
    "landing_locations",
    "launchers",
    "missions",
    "pads",
    "rockets",
    "spacecraft",
    "landings",
    "launches",
    "first_stages",
    "payload_flights",
    "spacecraft_flights",
    "updates",
    "docking_events",
    "spacewalks",
    "astronaut_flights",
)


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("api_version", sa.Integer(), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("api_version")
