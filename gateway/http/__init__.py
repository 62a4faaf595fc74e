"""The HTTP face of /graphql: the view and the middleware around it.

Importing the package builds nothing (the settings mixin lives here and every command reads
settings): the view, the schema and the middleware are imported from
:mod:`gateway.http.face` the first time one of its names is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gateway.http.face import GraphQLApp, close_http, graphql_app, http_middleware

_ASSEMBLED = frozenset({"GraphQLApp", "close_http", "graphql_app", "http_middleware"})


def __getattr__(name: str) -> Any:
    if name in _ASSEMBLED:
        from gateway.http import face

        return getattr(face, name)
    raise AttributeError(f"module 'gateway.http' has no attribute {name!r}")


__all__ = ["GraphQLApp", "close_http", "graphql_app", "http_middleware"]
