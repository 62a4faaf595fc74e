"""Alembic environment: runs on the connection handed over by ``store.migrate``."""

from alembic import context

from store.search_indexes import compared
from store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `flightgraph db upgrade` (store.migrate)")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    include_object=compared,  # PostgreSQL's trigram indexes are the migrations' own
)
with context.begin_transaction():
    context.run_migrations()
