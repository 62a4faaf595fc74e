"""Bookkeeping for `flightgraph sync`: where each endpoint's pull stands, and who runs it."""

from sqlalchemy import JSON, BigInteger, Column, Table, Text

from store.columns import metadata
from store.types import UTCDateTime

# One row per LL2 endpoint. ``next_url`` is set while a pass is under way (resume there);
# ``since`` is the watermark for incremental pulls: the start time of the last full pass.
sync_checkpoints = Table(
    "sync_checkpoints",
    metadata,
    Column("endpoint", Text, primary_key=True),
    Column("next_url", Text),
    Column("pass_started_at", UTCDateTime),
    Column("since", UTCDateTime),
    Column("completed_at", UTCDateTime),
    Column("pages", BigInteger, nullable=False, default=0),
    Column("records", BigInteger, nullable=False, default=0),
    Column("bad_pages", JSON(none_as_null=True)),
)

# A lease, so only one sync runs at a time across processes and replicas (a row lock that
# works the same on SQLite and PostgreSQL).
sync_leases = Table(
    "sync_leases",
    metadata,
    Column("name", Text, primary_key=True),
    Column("holder", Text, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
)
