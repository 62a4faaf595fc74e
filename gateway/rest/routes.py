"""``rest_routes(settings)``: the LL2 REST endpoints under ``/2.3.0/``, to mount in the app."""

from __future__ import annotations

from typing import Any

from starlette.routing import BaseRoute, Route

from gateway.rest.endpoints import ENDPOINTS
from gateway.rest.views import Clock, RestView, utcnow

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]  # 405s answered by us


def rest_routes(settings: Any = None, *, clock: Clock = utcnow) -> list[BaseRoute]:
    """List and detail routes of every LL2 endpoint whose root fields the graph has."""
    from schema import schema

    query_type = schema._schema.query_type
    routes: list[BaseRoute] = []
    # Longest paths first: /launches/upcoming/ must not be read as /launches/{id}/.
    for path, endpoint in sorted(ENDPOINTS.items(), key=lambda item: -item[0].count("/")):
        if query_type is None or endpoint.many not in query_type.fields:
            continue  # not in the graph (yet): LL2's 404
        view = RestView(endpoint, settings, clock)
        routes.append(Route(f"/2.3.0/{path}/", view.list, methods=METHODS))
        routes.append(Route(f"/2.3.0/{path}/{{id}}/", view.detail, methods=METHODS))
    return routes
