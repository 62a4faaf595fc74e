"""The HTTP face of /graphql: the view and the middleware around it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.middleware import Middleware

from gateway.http.view import GraphQLApp
from schema import build_schema, schema

if TYPE_CHECKING:  # settings import this package for its mixin: no cycle at runtime
    from gateway.settings import Settings


def graphql_app(settings: Settings) -> GraphQLApp:
    """The /graphql view for ``settings``: the shared schema, or one built for them."""
    served = schema if settings.introspection else build_schema(introspection=False)
    return GraphQLApp(settings, served)


def http_middleware(settings: Settings) -> list[Middleware]:
    """Middleware for the whole app, outermost first."""
    return []


__all__ = ["GraphQLApp", "graphql_app", "http_middleware"]
