from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import AsyncEngine

from store.migrate import current_revision, head_revision, upgrade
from store.search_indexes import compared
from store.tables import metadata


async def test_upgrade_creates_every_table_at_head(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        names = await conn.run_sync(lambda sync: set(inspect(sync).get_table_names()))
    assert set(metadata.tables) <= names
    assert await current_revision(engine) == head_revision()


async def test_migrations_match_the_table_definitions(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        diff = await conn.run_sync(
            lambda sync: compare_metadata(
                MigrationContext.configure(sync, opts={"include_object": compared}), metadata
            )
        )
    assert diff == []


async def test_upgrade_twice_is_a_no_op(engine: AsyncEngine) -> None:
    await upgrade(engine)
    assert await current_revision(engine) == head_revision()


async def test_every_foreign_key_is_indexed(engine: AsyncEngine) -> None:
    def unindexed(sync) -> list[str]:  # type: ignore[no-untyped-def]
        inspector = inspect(sync)
        missing = []
        for table in metadata.tables:
            indexed = {tuple(ix["column_names"]) for ix in inspector.get_indexes(table)}
            pk = tuple(inspector.get_pk_constraint(table)["constrained_columns"])
            for fk in inspector.get_foreign_keys(table):
                cols = tuple(fk["constrained_columns"])
                if cols not in indexed and pk[: len(cols)] != cols:
                    missing.append(f"{table}.{cols}")
        return missing

    async with engine.connect() as conn:
        assert await conn.run_sync(unindexed) == []
