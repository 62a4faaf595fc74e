"""Subscriptions (graphql-transport-ws): hear when ingest or sync changes a launch or flight.

Each event carries the ids a committed write changed; the node is read fresh from the store
(with fresh loaders, so nested fields show the same moment) and sent only if it matches the
subscription's filter, evaluated in SQL exactly as the connections evaluate it.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated, Any

import strawberry
from sqlalchemy import select

from loaders import Loaders
from loaders.batch import chunks
from loaders.pages import listing
from schema.base import Info, build
from schema.errors import UserInputError
from schema.filters import to_ast
from schema.flight import Flight
from schema.inputs.flight import FlightFilter
from schema.inputs.launch import LaunchFilter
from schema.launch import Launch


async def _updates(info: Info, listing_name: str, filter_input: Any) -> AsyncGenerator[Any, None]:
    broker = getattr(info.context, "broker", None)
    if broker is None:
        raise UserInputError("subscriptions are not available on this endpoint")
    rows = listing(listing_name)
    table = rows.table
    condition = rows.where(to_ast(filter_input))
    async for ids in broker.listen(table.name):
        # One write may change many rows: read them a bounded batch at a time (an IN list
        # stays under PostgreSQL's parameter limit, and each event is sent before more are
        # read).
        for part in chunks(sorted(ids)):
            query = select(table).where(table.c.id.in_(part), condition).order_by(table.c.id)
            async with info.context.engine.connect() as conn:
                changed = (await conn.execute(query)).mappings().all()
            for row in changed:
                info.context.loaders = Loaders(info.context.engine)
                yield build(table.name, row)


@strawberry.type(description="Changes as they are ingested or synced from LL2.")
class Subscription:
    @strawberry.subscription(
        description="A launch each time ingest or sync changes it (a slip, a new status…)."
    )
    async def launch_updated(
        self,
        info: Info,
        filter: Annotated[
            LaunchFilter | None, strawberry.argument(description="Only launches matching this.")
        ] = None,
    ) -> AsyncGenerator[Launch, None]:
        async for launch in _updates(info, "launches", filter):
            yield launch

    @strawberry.subscription(description="A spacecraft flight each time ingest or sync changes it.")
    async def flight_updated(
        self,
        info: Info,
        filter: Annotated[
            FlightFilter | None, strawberry.argument(description="Only flights matching this.")
        ] = None,
    ) -> AsyncGenerator[Flight, None]:
        async for flight in _updates(info, "flights", filter):
            yield flight
