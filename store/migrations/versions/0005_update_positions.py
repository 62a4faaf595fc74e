"""the place of each update in its launch's list

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 20:05:00

LL2 lists a launch's updates in an order of its own; ingest now keeps each one's place, and
the graph serves them in it. Rows stored before have none (null): they come after, by id,
until their launch is ingested again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("updates", schema=None) as batch_op:
        batch_op.add_column(sa.Column("position", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("updates", schema=None) as batch_op:
        batch_op.drop_column("position")
