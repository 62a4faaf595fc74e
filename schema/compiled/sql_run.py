"""Running a plan as one SQL statement: built once per shape, bound per request.

The statement of a plan is cached per shape of its arguments (:mod:`schema.compiled.sql_bind`)
and compiled once; a request binds its values, sends the one statement and gets each root
field's JSON text back, which the response splices in unparsed (``orjson.Fragment``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy import Select
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DataError, DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from loaders.json_sql import FAILED, Unrenderable
from schema.compiled.leaves import Constant
from schema.compiled.sql import SqlCompiler, Untaught
from schema.compiled.sql_bind import Statements, argumented, bind
from schema.compiled.steps import ObjectPlan, Run, Step
from schema.guards.masking import is_statement_timeout
from store import direct_read

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Prepared:
    """A statement compiled for one dialect: its text, and its parameters in order with the
    bind processing of their types (a timestamp for SQLite, …)."""

    statement: Select[Any]
    sql: str | None  # None: expanding parameters (an ``in`` list): SQLAlchemy renders it
    names: tuple[str, ...]
    processors: tuple[Callable[[Any], Any] | None, ...]
    defaults: dict[str, Any]  # values the statement binds itself (a ``LIMIT 1``, …)

    @classmethod
    def compile(cls, statement: Select[Any], dialect: Dialect) -> Prepared:
        compiled = statement.compile(dialect=dialect)
        names = tuple(compiled.positiontup or ())
        if compiled.post_compile_params or (not names and compiled.binds):
            return cls(statement, None, (), (), {})
        processors = tuple(
            compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
            for name in names
        )
        return cls(statement, compiled.string, names, processors, dict(compiled.params))

    def values(self, params: dict[str, Any]) -> tuple[Any, ...]:
        """The driver's parameters, in order (for a statement with ``sql``)."""
        given = {**self.defaults, **params}
        return tuple(
            given[name] if process is None else process(given[name])
            for name, process in zip(self.names, self.processors, strict=True)
        )

    async def run(self, connection: AsyncConnection, params: dict[str, Any]) -> Any:
        if self.sql is None:
            return (await connection.execute(self.statement, params)).one()
        return (await connection.exec_driver_sql(self.sql, self.values(params))).one()

    async def run_direct(self, engine: AsyncEngine, params: dict[str, Any]) -> Any:
        """:meth:`run` straight through the driver (:mod:`store.direct_read`)."""
        assert self.sql is not None
        row = await direct_read.fetch_row(engine, self.sql, self.values(params))
        if row is None:
            raise RuntimeError("the statement answered no row")  # it always answers one
        return row


@dataclass
class SqlPlan:
    """What the SQL path keeps on a plan: its fields with arguments, its statements by
    shape, and — once known — why it cannot be rendered in SQL. Both by dialect: a plan is
    shared by every engine of the process (the REST layer's mode documents are module-wide),
    and what one database refuses (SQLite's parser depth) another may run."""

    steps: list[Step]
    statements: dict[str, Statements] = field(default_factory=dict)  # by dialect
    untaught: dict[str, str] = field(default_factory=dict)  # by dialect


def sql_plan(plan: ObjectPlan) -> SqlPlan:
    if plan.sql is None:
        plan.sql = SqlPlan(argumented(plan))
    return plan.sql  # type: ignore[no-any-return]


Bound = tuple[dict[Step, Any], dict[str, Any], tuple]  # bindings, parameters, shape


def bind_plan(run: Run, plan: ObjectPlan) -> Bound:
    """This request's bindings, parameters and statement shape for ``plan``."""
    return bind(run, sql_plan(plan).steps)


async def execute_sql(
    run: Run, plan: ObjectPlan, raw: bool, bound: Bound | None = None
) -> dict[str, Any] | None:
    """The operation's ``data`` from one statement, or ``None`` where the plan has a field
    the SQL compiler was not taught (remembered on the plan). With ``raw``, each root field is
    the database's JSON text as an ``orjson.Fragment`` (spliced into the response as it is).

    Arguments the standard executor would refuse raise (``UserInputError``…), and so does a
    statement that fails on purpose (:meth:`loaders.json_sql.JsonSql.failing`) or on a
    database that cannot answer: the caller runs the operation on the standard executor.
    ``bound`` is :func:`bind_plan`'s answer for these variables, if the caller kept it.
    """
    kept = sql_plan(plan)
    engine = run.executor.context_value.engine
    dialect = engine.dialect.name
    if dialect in kept.untaught:
        return None
    bindings, params, shape = bound if bound is not None else bind(run, kept.steps)
    statements = kept.statements.setdefault(dialect, Statements())
    prepared = statements.get(shape)
    if prepared is None:
        try:
            statement = SqlCompiler(bindings, dialect).statement(plan)
        except (Untaught, Unrenderable) as reason:
            kept.untaught[dialect] = str(reason)
            return None
        prepared = Prepared.compile(statement, engine.dialect)
        statements.put(shape, prepared)
    connections = run.loaders.connections
    try:
        if prepared.sql is not None and direct_read.accepts(engine):
            connections.check()  # a request the database failed already fails at once
            # One read, no transaction: straight to the driver (its module says why).
            row = await prepared.run_direct(engine, params)
        else:
            async with connections.connect() as connection:
                if dialect == "postgresql":
                    # A read: no BEGIN/ROLLBACK round trips around it. (SQLite's driver
                    # begins no transaction for a SELECT; switching its isolation level
                    # would cost thread hops of aiosqlite's instead.)
                    await connection.execution_options(isolation_level="AUTOCOMMIT")
                row = await prepared.run(connection, params)
    except (DBAPIError, OSError) as error:
        if isinstance(error, DBAPIError) and _failed_on_purpose(error):
            raise  # its reason may read like an outage ("…Connection.totalCount")
        if _database_unavailable(error) or is_statement_timeout(error):
            # Whatever runs next would wait on it again (or run as long again): its batches
            # fail at once with this error instead.
            connections.refuse(error)
            raise
        # The statement itself was refused (too deep for SQLite's parser, …).
        kept.untaught[dialect] = f"the statement failed: {error}"
        # Expected on SQLite for LL2's deep documents (its parser's depth): not an alarm.
        log.info("an operation runs breadth-first from now on: %s", _first_line(error))
        return None
    texts = iter(row)
    data: dict[str, Any] = {}
    for entry in plan.entries:
        if isinstance(entry, Constant):
            data[entry.key] = entry.value
            continue
        text = next(texts)
        if text is None:
            data[entry.key] = None
        elif raw:
            data[entry.key] = orjson.Fragment(text)
        else:
            data[entry.key] = orjson.loads(text)
    return data


def _first_line(error: Exception) -> str:
    """The database's message without the statement SQLAlchemy appends (it may be huge)."""
    return str(getattr(error, "orig", error)).split("\n", 1)[0][:500]


def _failed_on_purpose(error: DBAPIError) -> bool:
    """Whether the statement failed on this data rather than for good: where
    :class:`JsonSql` made it fail, or on a value the database cannot convert (SQLSTATE class
    22, e.g. PostgreSQL's json refusing a ``\\u0000`` it would have to unescape)."""
    sqlstate = getattr(error.orig, "sqlstate", None) or ""
    if isinstance(error, DataError) or sqlstate.startswith("22"):
        return True
    text = str(error.orig)
    if f'"{FAILED}' in text:
        return True  # PostgreSQL: JsonSql.failing's cast
    return "user-defined function raised exception" in text or "malformed JSON" in text


# What the database says when it cannot serve any statement now, not just this one.
_UNAVAILABLE = (
    "database is locked",
    "no such table",
    "unable to open",
    "disk i/o error",
    "does not exist",
    "connection",
    "terminat",
    "shutting down",
    "too many clients",
    "timeout",
    "canceling statement",
)


def _database_unavailable(error: Exception) -> bool:
    if isinstance(error, OSError) or getattr(error, "connection_invalidated", False):
        return True
    text = str(getattr(error, "orig", error)).lower()
    return any(sign in text for sign in _UNAVAILABLE)


__all__ = ["Bound", "SqlPlan", "bind_plan", "execute_sql"]
