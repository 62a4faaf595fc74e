"""The GraphQL HTTP/WebSocket view: Strawberry's ASGI app with our context and encoding."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import orjson
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.schema import BaseSchema

from gateway.context import Context

if TYPE_CHECKING:  # settings import this package for its mixin: no cycle at runtime
    from gateway.settings import Settings


class GraphQLApp(GraphQL[Context, None]):
    """Strawberry's ASGI view with our per-request ``Context`` and orjson encoding."""

    def __init__(self, settings: Settings, schema: BaseSchema) -> None:
        super().__init__(schema, graphql_ide="graphiql" if settings.graphiql else None)
        self.settings = settings

    async def get_context(self, request: Request | WebSocket, response: Any) -> Context:
        engine: AsyncEngine = request.app.state.engine
        return Context(engine=engine, settings=self.settings, request=request, response=response)

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)
