"""Apollo Federation v2: every node is an entity keyed by ``id`` and by ``ll2Id``.

Other subgraphs join on whichever they know: the Relay id flightgraph handed out, or LL2's
own id. ``_entities`` resolves each representation through the same per-request loaders as
every other field, so 500 representations of mixed types cost one statement per type, and
graphql-core keeps the results in the order of the representations.
"""

from __future__ import annotations

from typing import Any

from strawberry.federation.schema_directives import Key

from schema.base import Info, load_one
from schema.errors import UserInputError
from schema.node import NODES_BY_NAME, NodeKind, from_global_id

KEYS = ("id", "ll2Id")


def make_entities() -> list[type]:
    """Add the federation keys and ``resolve_reference`` to every registered node type."""
    for kind in NODES_BY_NAME.values():
        definition = kind.cls.__strawberry_definition__  # type: ignore[attr-defined]
        present = {getattr(d, "fields", None) for d in definition.directives or ()}
        missing = [Key(fields=key) for key in KEYS if key not in present]
        definition.directives = [*(definition.directives or ()), *missing]
        kind.cls.resolve_reference = classmethod(_resolver(kind))  # type: ignore[attr-defined]
    return [kind.cls for kind in NODES_BY_NAME.values()]


def _resolver(kind: NodeKind) -> Any:
    async def resolve_reference(
        cls: type, info: Info, id: str | None = None, ll2Id: Any = None, **_: Any
    ) -> Any:
        if id is not None:
            found, key = from_global_id(id)
            if found is not kind:
                raise UserInputError(f"global id {id!r} is a {found.name} id, not {kind.name}")
        elif ll2Id is not None:
            try:
                key = kind.parse_key(str(ll2Id))
            except ValueError:
                raise UserInputError(f"{ll2Id!r} is not a valid {kind.name} ll2Id") from None
        else:
            raise UserInputError(f"a {kind.name} representation needs `id` or `ll2Id`")
        return await load_one(info, kind.table, key)

    return resolve_reference
