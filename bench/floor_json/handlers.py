"""One handler per query: the variables become raw driver parameters, one statement runs,
and its single text value — the ``data`` object's JSON — comes back as bytes, never parsed.

Served by exact document text, as the rows floor is (bench/floor/handlers.py). Q1 (LL2's
detailed shape) is not written in SQL here: the app answers it with "not served".
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from bench import queries
from bench.floor.handlers import PAGE, _after
from bench.floor_json import postgres, sqlite

Handler = Callable[[AsyncConnection, dict[str, Any]], Awaitable[bytes]]
Parameters = Callable[[dict[str, Any], str], tuple[Any, ...]]
FLOOR_JSON_QUERIES = ("Q2", "Q3", "Q4", "Q5")


def _since(variables: dict[str, Any], dialect: str) -> tuple[Any, ...]:
    since = datetime.fromisoformat(variables["from"].replace("Z", "+00:00")).astimezone(UTC)
    if dialect == "sqlite":  # compared with the stored text (store/types.py: naive UTC)
        return (since.strftime("%Y-%m-%d %H:%M:%S.%f"),)
    return (since,)


def _agency(variables: dict[str, Any], _: str) -> tuple[Any, ...]:
    return (int(variables["agency"]),)


def _flight(variables: dict[str, Any], _: str) -> tuple[Any, ...]:
    return (int(variables["flight"]),)


def _page_after(variables: dict[str, Any], _: str) -> tuple[Any, ...]:
    return (_after(variables["after"]), PAGE)


# Query name -> (how its variables become parameters, the statement's name in each module).
PLANS: dict[str, tuple[Parameters, str]] = {
    "Q2": (_since, "upcoming_launches"),
    "Q3": (_agency, "agency_launches"),
    "Q4": (_flight, "flight_by_id"),
    "Q5": (_page_after, "flights_after"),
}


@cache
def statement(dialect: str, name: str) -> str:
    """The statement's text, built once per process on first use."""
    module = postgres if dialect == "postgresql" else sqlite
    return getattr(module, PLANS[name][1])()


def _handler(name: str) -> Handler:
    parameters = PLANS[name][0]

    async def handle(conn: AsyncConnection, variables: dict[str, Any]) -> bytes:
        dialect = conn.dialect.name
        result = await conn.exec_driver_sql(
            statement(dialect, name), parameters(variables, dialect)
        )
        return result.scalar_one().encode()

    handle.__name__ = handle.__qualname__ = f"{name.lower()}_json"
    return handle


@cache
def handlers() -> dict[str, Handler]:
    """By exact document text: this floor serves the benchmark's documents and nothing else."""
    return {queries.document(name): _handler(name) for name in FLOOR_JSON_QUERIES}
