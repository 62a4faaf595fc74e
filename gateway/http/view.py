"""The /graphql view: GraphQL over HTTP (GET, POST, batches) and, through Strawberry,
WebSockets (graphql-transport-ws) for subscriptions.

HTTP follows the GraphQL-over-HTTP spec: ``application/graphql-response+json`` when the client
accepts it (request errors are then 4xx and carry no ``data``), ``application/json``
otherwise (always 200 for a well-formed request). Successful GET queries are cacheable.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import orjson
from graphql import GraphQLError
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import MissingQueryError
from strawberry.http import process_result
from strawberry.schema import BaseSchema
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types.graphql import OperationType

from gateway.context import Context
from gateway.http import params
from gateway.http.errors import HttpError
from gateway.http.graphiql import graphiql_page
from gateway.http.persisted import PersistedQueries, PersistedQueryError
from gateway.http.ratelimit import CHARGE, too_many
from gateway.http.responses import GRAPHQL_RESPONSE, encode, negotiate
from gateway.observe import record
from schema.compiled import paths
from schema.compiled.express import ExpressLane
from schema.guards import SERVICE_UNAVAILABLE, TIMEOUT, mask_errors

if TYPE_CHECKING:  # settings import this package for its mixin: no cycle at runtime
    from gateway.settings import Settings

log = logging.getLogger("flightgraph.http")

GET_OPERATIONS = frozenset({OperationType.QUERY})
POST_OPERATIONS = frozenset({OperationType.QUERY, OperationType.MUTATION})
RETRY_AFTER = "5"  # seconds: a database coming back is usually back within that
# The first operation's name, for a request that does not send operationName (only the
# document's start is searched: a name is a label, not worth a parse).
FIRST_NAME = re.compile(r"\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)")
NAME_SEARCH_CHARACTERS = 2000


@dataclass
class Outcome:
    """One operation's response body and what it means for the status code."""

    body: dict[str, Any]
    request_error: bool = False  # refused before execution: no `data` (spec: 4xx)
    unavailable: bool = False
    timed_out: bool = False


class GraphQLApp(GraphQL[Context, None]):
    """Strawberry's ASGI view, with our own HTTP handling and per-request ``Context``."""

    def __init__(
        self,
        settings: Settings,
        schema: BaseSchema,
        persisted: PersistedQueries,
        express: ExpressLane | None = None,
    ) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if settings.graphiql else None,
            allowed_origins=settings.allowed_origins,
            # The WebSocket guard (gateway.http.websocket) enforces ws_max_operations with
            # a coded error; Strawberry's own cap of 100 would answer without a code.
            max_subscriptions_per_connection=None,
        )
        self.settings = settings
        self.persisted = persisted
        self.express = express

    async def get_context(self, request: Request | WebSocket, response: Any) -> Context:
        engine: AsyncEngine = request.app.state.engine
        return Context(
            engine=engine,
            settings=self.settings,
            request=request,
            response=response,
            raw_json=isinstance(request, Request),
        )

    async def aclose(self) -> None:
        """Close what the view holds open (the Redis connection of the APQ store)."""
        await self.persisted.store.aclose()

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # WebSockets: Strawberry's graphql-transport-ws
            await super().__call__(scope, receive, send)
            return
        request = Request(scope, receive)
        response = await self.handle(request)
        await response(scope, receive, send)

    async def handle(self, request: Request) -> Response:
        settings = self.settings
        if request.method == "GET" and self._wants_ide(request):
            if settings.graphiql:
                return graphiql_page()
            return Response("Not Found", 404, media_type="text/plain")
        media_type = negotiate(request.headers.get("accept"))
        try:
            if request.method not in ("GET", "POST"):
                raise HttpError(405, "GraphQL takes GET and POST", headers={"Allow": "GET, POST"})
            if media_type is None:
                raise HttpError(406, "accept application/graphql-response+json or JSON")
            if request.method == "GET":
                operations: params.Operation | list[params.Operation]
                operations = params.from_query_string(request)
            else:
                body = await params.read_body(request, settings.max_body_bytes)
                content_type = request.headers.get("content-type", "")
                operations = params.from_body(content_type, body, settings.batch_max)
            context = await self.get_context(request, Response())
            if isinstance(operations, list):
                return await self._batch(request, operations, context, media_type)
            outcome = await self.run_http(request, operations, context)
        except HttpError as error:
            if (observed := record.current()) is not None and not observed.operations:
                observed.operation(None, record.ERROR, error.code)
            return encode(
                request,
                error.body(),
                status=error.status,
                media_type=media_type or "application/json",
                gzip_min_bytes=settings.gzip_min_bytes,
                cache_control="no-store",
                headers=error.headers,
            )
        return self._respond(request, outcome, media_type)

    def _respond(self, request: Request, outcome: Outcome, media_type: str) -> Response:
        strict = media_type == GRAPHQL_RESPONSE
        body, headers = outcome.body, {}
        status = 200
        if outcome.unavailable:
            status, headers = 503, {"Retry-After": RETRY_AFTER}
        elif outcome.timed_out:
            status = 504
        elif outcome.request_error and strict:
            status = 400
        if outcome.request_error and strict:
            body = {k: v for k, v in body.items() if k != "data"}
        cacheable = request.method == "GET" and status == 200 and not body.get("errors")
        max_age = self.settings.cache_max_age
        return encode(
            request,
            body,
            status=status,
            media_type=media_type,
            gzip_min_bytes=self.settings.gzip_min_bytes,
            cache_control=(f"public, max-age={max_age}" if max_age else "no-cache")
            if cacheable
            else "no-store",
            etag=cacheable,
            headers=headers,
        )

    async def _batch(
        self,
        request: Request,
        operations: list[params.Operation],
        context: Context,
        media_type: str,
    ) -> Response:
        # Each operation counts against the rate limit: the request took one token.
        charge = request.scope.get("state", {}).get(CHARGE)
        if charge is not None and len(operations) > 1:
            wait = await charge(len(operations) - 1)
            if wait > 0:
                return too_many(wait, request.scope)
        # One context for the batch: its operations share loaders, so they batch together.
        outcomes = await asyncio.gather(*(self.run_http(request, op, context) for op in operations))
        unavailable = any(outcome.unavailable for outcome in outcomes)
        return encode(
            request,
            [outcome.body for outcome in outcomes],
            status=503 if unavailable else 200,
            media_type=media_type,
            gzip_min_bytes=self.settings.gzip_min_bytes,
            cache_control="no-store",
            headers={"Retry-After": RETRY_AFTER} if unavailable else None,
        )

    async def run_http(
        self, request: Request, operation: params.Operation, context: Context
    ) -> Outcome:
        """Execute one operation (noted in the request's record); protocol mistakes raise
        :class:`HttpError`."""
        observed = record.current()
        if observed is None:
            return await self._run_http(request, operation, context)
        name = operation.operation_name or _first_name(operation.query)
        try:
            outcome = await self._run_http(request, operation, context)
        except HttpError as error:
            observed.operation(name, record.ERROR, error.code)
            raise
        errors = outcome.body.get("errors") or []
        code = (errors[0].get("extensions") or {}).get("code") if errors else None
        observed.operation(name, record.ERROR if errors else record.OK, code)
        return outcome

    async def _run_http(
        self, request: Request, operation: params.Operation, context: Context
    ) -> Outcome:
        get = request.method == "GET"
        try:
            query = await self.persisted.document(operation)
        except PersistedQueryError as error:
            return _request_error(error.message, error.code)
        if not query:
            raise HttpError(400, "no GraphQL document: send `query` (or a persisted hash)")
        name = operation.operation_name
        try:
            async with asyncio.timeout(self.settings.execution_timeout):
                if self.express is not None:
                    data = await self.express.run(query, name, operation.variables, context)
                    if data is not None:
                        paths.report(paths.EXPRESS)
                        return Outcome(body={"data": data})
                with self._watched() as watch:
                    result = await self.schema.execute(
                        query,
                        variable_values=operation.variables,
                        context_value=context,
                        operation_name=name,
                        allowed_operation_types=GET_OPERATIONS if get else POST_OPERATIONS,
                    )
        except InvalidOperationTypeError as error:
            if get and error.operation_type == OperationType.MUTATION:
                raise HttpError(
                    405, "mutations are only taken over POST", headers={"Allow": "POST"}
                ) from None
            raise HttpError(400, error.as_http_error_reason(request.method)) from None
        except CannotGetOperationTypeError as error:
            return _request_error(error.as_http_error_reason(), "BAD_REQUEST")
        except MissingQueryError:
            raise HttpError(400, "no GraphQL document: send `query`") from None
        except TimeoutError:
            context.loaders.cancel()  # batches still running: their statements stop now
            seconds = self.settings.execution_timeout
            outcome = _request_error(f"the request took longer than {seconds:g}s", TIMEOUT)
            outcome.timed_out, outcome.request_error = True, False
            return outcome
        if watch is not None and not result.errors:
            self.express.learn(query, name, watch)  # type: ignore[union-attr]
        errors = mask_errors(result.errors or [])
        result.errors = errors or None
        body = dict(process_result(result))
        codes = {(error.extensions or {}).get("code") for error in errors}
        # Refused before execution: parse, validation, limits, variable coercion.
        refused = result.data is None and bool(errors) and _no_paths(errors)
        if not refused and not self.settings.compiled_execution:
            paths.report(paths.STANDARD, paths.COMPILED_OFF)
        return Outcome(
            body=body,
            request_error=refused,
            unavailable=SERVICE_UNAVAILABLE in codes,
            timed_out=TIMEOUT in codes,
        )

    def _watched(self) -> Any:
        """The express lane watching this execution (nothing to watch without one)."""
        if self.express is None:
            return contextlib.nullcontext()
        return self.express.watch()

    @staticmethod
    def _wants_ide(request: Request) -> bool:
        if request.query_params.get("query") or request.query_params.get("extensions"):
            return False
        accept = request.headers.get("accept", "")
        return "text/html" in accept


def _first_name(query: str | None) -> str | None:
    if not query:
        return None
    found = FIRST_NAME.search(query, 0, NAME_SEARCH_CHARACTERS)
    return found.group(1) if found else None


def _no_paths(errors: list[GraphQLError]) -> bool:
    return all(error.path is None for error in errors)


def _request_error(message: str, code: str) -> Outcome:
    body = {"data": None, "errors": [{"message": message, "extensions": {"code": code}}]}
    return Outcome(body=body, request_error=True)
