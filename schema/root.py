"""``NodeQuery``: Relay's ``node(id:)`` and ``nodes(ids:)`` over every registered node type."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from schema.base import Info, load_one
from schema.errors import UserInputError
from schema.node import Node, from_global_id

MAX_IDS = 100  # like a page: at most LL2's `limit`


async def _resolve(info: Info, global_id: str) -> Any:
    kind, key = from_global_id(global_id)
    return await load_one(info, kind.table, key)


@strawberry.type
class NodeQuery:
    @strawberry.field(description="Any object by its global id (null when it does not exist).")
    async def node(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="A global id.")],
    ) -> Node | None:
        return await _resolve(info, id)

    @strawberry.field(
        description="Objects by global id, in the order asked: null for each that does not "
        "exist, and null with an error at its path for each id that is malformed (the other "
        "objects are still answered)."
    )
    async def nodes(
        self,
        info: Info,
        ids: Annotated[list[strawberry.ID], strawberry.argument(description="Global ids.")],
    ) -> list[Node | None]:
        if len(ids) > MAX_IDS:
            raise UserInputError(f"`ids` takes at most {MAX_IDS} ids (got {len(ids)})")
        # One awaitable per item, not one gather: graphql-core then completes each item on
        # its own, so a malformed id nulls its own entry (with its path), not the whole list.
        # The loads still start together, so they batch.
        return [_resolve(info, i) for i in ids]  # type: ignore[misc]
