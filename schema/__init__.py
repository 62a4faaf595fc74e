"""The GraphQL schema: node types (one per module), root ``Query`` composed per domain.

Importing the package (or one of its light subpackages, such as ``schema.guards``) builds
nothing: the node types and the schema are assembled in :mod:`schema.graph` the first time
one of its names is asked for (``from schema import schema``), so a command that never
serves — ``flightgraph --help`` — does not pay for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from schema.graph import Query, Schema, build_schema, compiled_by_default, schema

_ASSEMBLED = frozenset({"Query", "Schema", "build_schema", "compiled_by_default", "schema"})


def __getattr__(name: str) -> Any:
    if name in _ASSEMBLED:
        from schema import graph

        return getattr(graph, name)
    raise AttributeError(f"module 'schema' has no attribute {name!r}")


__all__ = ["Query", "Schema", "build_schema", "compiled_by_default", "schema"]
