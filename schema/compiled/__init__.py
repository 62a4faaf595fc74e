"""The compiled ("fast path") executor for query operations.

A validated query is planned once per document (:mod:`schema.compiled.plan`) and run
breadth-first over the loaded records (:mod:`schema.compiled.run`), building the response as
plain dicts; :class:`CompiledExecutionContext` hooks it into graphql-core's executor, falling
back to the standard execution for anything the planner was not taught and whenever an error
occurs (so every error is graphql-core's own). :func:`explain` tells why an operation would
fall back.

The names are loaded lazily: :mod:`schema.compiled.relations` is imported by the type modules
themselves, before the rest of this package can be.
"""

from __future__ import annotations

from typing import Any

__all__ = ["CompiledExecutionContext", "explain"]


def __getattr__(name: str) -> Any:
    if name == "CompiledExecutionContext":
        from schema.compiled.context import CompiledExecutionContext

        return CompiledExecutionContext
    if name == "explain":
        from schema.compiled.context import explain

        return explain
    raise AttributeError(name)
