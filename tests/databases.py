"""Test databases: each test gets a fresh one, copied from a template built once a session.

Migrating (and ingesting the ~1,000 demo flights) takes seconds a database; copying takes
milliseconds on SQLite (the backup API) and a few tenths of a second on PostgreSQL
(``CREATE DATABASE … TEMPLATE``, mostly fsync).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from store.engine import create_engine
from store.migrate import upgrade

POSTGRES_URL = os.environ.get(
    "FLIGHTGRAPH_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)


def postgres_url(database: str) -> str:
    """``POSTGRES_URL`` with another database name."""
    return POSTGRES_URL.rsplit("/", 1)[0] + f"/{database}"


async def postgres_admin(statement: str) -> None:
    """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
    engine = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(statement))
    finally:
        await engine.dispose()


@dataclass(frozen=True)
class Template:
    """A migrated database holding some files: a SQLite file, or a PostgreSQL database whose
    tables live in ``schema``. Nothing may stay connected to it (PostgreSQL refuses to copy a
    database in use)."""

    name: str
    backend: str
    source: str  # the SQLite file, or the PostgreSQL database
    schema: str
    files: tuple[Path, ...]  # ingested in this order


class Database:
    """A fresh database: a temp SQLite file, or a PostgreSQL schema of its own — empty, or
    (given a template) a copy of the template: a PostgreSQL database of its own."""

    def __init__(self, backend: str, tmp_path: Path, template: Template | None = None) -> None:
        assert template is None or template.backend == backend, (backend, template)
        self.backend = backend
        self.template = template
        self.schema = template.schema if template else f"t_{uuid.uuid4().hex[:12]}"
        self.name: str | None = None  # the PostgreSQL database of a copy
        if backend == "sqlite":
            self.path = tmp_path / "flightgraph.db"
            self.url = f"sqlite+aiosqlite:///{self.path}"
            self.options: dict[str, object] = {}
        else:
            if template is not None:
                self.name = f"fg_{uuid.uuid4().hex[:12]}"
            self.url = postgres_url(self.name) if self.name else POSTGRES_URL
            self.options = {"connect_args": {"server_settings": {"search_path": self.schema}}}

    def engine(self) -> AsyncEngine:
        return create_engine(self.url, **self.options)

    async def create(self) -> None:
        if self.template is not None:
            if self.backend == "sqlite":
                copy_sqlite(Path(self.template.source), self.path)
            else:
                await postgres_admin(
                    f'CREATE DATABASE "{self.name}" TEMPLATE "{self.template.source}"'
                )
        elif self.backend == "postgres":
            admin = create_engine(POSTGRES_URL)
            async with admin.begin() as conn:
                await conn.execute(text(f'CREATE SCHEMA "{self.schema}"'))
            await admin.dispose()

    async def drop(self) -> None:
        if self.name is not None:
            await postgres_admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        elif self.backend == "postgres":
            admin = create_engine(POSTGRES_URL)
            async with admin.begin() as conn:
                await conn.execute(text(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE'))
            await admin.dispose()


@contextlib.contextmanager
def empty_database_url(backend: str, folder: Path) -> Iterator[str]:
    """A URL for a fresh, empty database that another process (the CLI) can open; not
    migrated. Call outside any event loop."""
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{folder / 'cli.db'}"
        return
    name = f"fg_{uuid.uuid4().hex[:12]}"
    asyncio.run(postgres_admin(f'CREATE DATABASE "{name}"'))
    try:
        yield postgres_url(name)
    finally:
        asyncio.run(postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite database (WAL included) through the backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


class Templates:
    """Templates built on first use (outside any event loop) and dropped by :meth:`drop`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.built: dict[tuple[str, str], Template] = {}
        self.databases: list[str] = []  # PostgreSQL's, built or half-built

    def get(self, backend: str, name: str, files: Sequence[Path] = ()) -> Template:
        """The ``name`` template of ``backend``: migrated, then ``files`` ingested in order
        (the same name must always be asked for with the same files). One that holds the
        first of those files already is copied rather than built again."""
        key = (backend, name)
        if key not in self.built:
            self.built[key] = asyncio.run(self._build(backend, name, files))
        return self.built[key]

    async def _build(self, backend: str, name: str, files: Sequence[Path]) -> Template:
        from ingest.files import ingest_file

        files = tuple(files)
        # Start from a copy of the built template holding the most of these files, if any.
        base = max(
            (
                t
                for (b, _), t in self.built.items()
                if b == backend and files[: len(t.files)] == t.files
            ),
            key=lambda t: len(t.files),
            default=None,
        )
        if backend == "sqlite":
            path = self.folder / f"{name}.db"
            if base is not None:
                copy_sqlite(Path(base.source), path)
            template = Template(name, backend, str(path), "main", files)
            engine = create_engine(f"sqlite+aiosqlite:///{path}")
        else:
            database = f"fgt_{uuid.uuid4().hex[:12]}_{name}"
            schema = base.schema if base is not None else f"t_{name}"
            template = Template(name, backend, database, schema, files)
            copy = f' TEMPLATE "{base.source}"' if base is not None else ""
            await postgres_admin(f'CREATE DATABASE "{database}"{copy}')
            self.databases.append(database)
            engine = create_engine(
                postgres_url(database), connect_args={"server_settings": {"search_path": schema}}
            )
        try:
            if base is None:
                if backend == "postgres":
                    async with engine.begin() as conn:
                        await conn.execute(text(f'CREATE SCHEMA "{template.schema}"'))
                await upgrade(engine)
            for path in files[len(base.files) if base is not None else 0 :]:
                result = await ingest_file(engine, path)
                assert result.ok, f"{path}: {result.error}"
        finally:
            await engine.dispose()
        return template

    def drop(self) -> None:
        databases, self.databases = self.databases, []
        self.built.clear()

        async def drop_all() -> None:
            for database in databases:
                await postgres_admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

        if databases:
            asyncio.run(drop_all())
