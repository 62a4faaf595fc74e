"""The ``/2.3.0/<endpoint>/`` list and ``/2.3.0/<endpoint>/<id>/`` detail views.

Each runs the endpoint's mode document, maps the result to LL2 JSON and answers it as JSON or
as DRF's browsable page (``format=api``, or a browser asking for HTML), the way LL2 does:
``count/next/previous/results`` with absolute links, 404 ``{"detail": "No <Model> matches the
given query."}`` for an unknown id, 400 for bad filter values, 405 for other methods.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import orjson
from starlette.requests import Request
from starlette.responses import Response

from gateway.context import Context
from gateway.rest.browsable import page
from gateway.rest.documents import mode_document
from gateway.rest.endpoints import Endpoint
from gateway.rest.execute import BadInput, ServerError, TimedOut, Unavailable, run
from gateway.rest.mapper import UrlMaker, to_ll2
from gateway.rest.params import INT_MAX, ParamError, list_query

log = logging.getLogger(__name__)

FORMATS = ("json", "api")
RECENT = timedelta(hours=24)  # upcoming launches include the last day's, like LL2's
Clock = Callable[[], datetime]


def utcnow() -> datetime:
    return datetime.now(UTC)


class RestView:
    """One endpoint's list and detail views (``clock`` tells upcoming from previous)."""

    def __init__(self, endpoint: Endpoint, settings: Any = None, clock: Clock = utcnow) -> None:
        self.endpoint = endpoint
        self.settings = settings
        self.clock = clock

    # List ------------------------------------------------------------------------------

    async def list(self, request: Request) -> Response:
        if (refused := _refuse(request)) is not None:
            return refused
        name = self.endpoint.ll2_path
        try:
            query = list_query(name, request.query_params, self._default_order(request))
        except ParamError as error:
            return _json(request, error.errors, 400, name=name)
        query.conditions += self._scope(request)
        variables = {
            "first": query.limit,
            "offset": query.offset,
            "filter": query.filter,
            "orderBy": query.order,
        }
        document = mode_document(f"{self.endpoint.documents}.{query.mode}")
        data = await self._run(request, document, variables)
        if isinstance(data, Response):
            return data
        count = data["page"]["count"]
        body = {
            "count": count,
            "next": _next_link(request, query.limit, query.offset, count),
            "previous": _previous_link(request, query.limit, query.offset),
            "results": to_ll2(data["page"]["results"], _urls(request)),
        }
        return _render(request, body, name)

    def _default_order(self, request: Request) -> str:
        if self.endpoint.ll2_path == "launches/previous":
            return "NET_DESC"
        if self.endpoint.ll2_path == "events/previous":
            return "DATE_DESC"
        if self.endpoint.ll2_path == "events/upcoming":
            return "DATE_ASC"
        return "NET_ASC" if self.endpoint.type_name == "Launch" else "ID_ASC"

    def _scope(self, request: Request) -> list[dict[str, Any]]:
        """Conditions the endpoint itself adds (upcoming, previous, LL2's special flags)."""
        conditions: list[dict[str, Any]] = []
        params = request.query_params
        now = self.clock().astimezone(UTC)
        if self.endpoint.ll2_path == "launches/upcoming":
            hide = params.get("hide_recent_previous") in ("true", "True", "1")
            since = now if hide else now - RECENT
            conditions.append({"net": {"gte": since.isoformat().replace("+00:00", "Z")}})
        elif self.endpoint.ll2_path == "launches/previous":
            conditions.append({"net": {"lte": now.isoformat().replace("+00:00", "Z")}})
        elif self.endpoint.ll2_path == "events/upcoming":
            conditions.append({"date": {"gte": now.isoformat().replace("+00:00", "Z")}})
        elif self.endpoint.ll2_path == "events/previous":
            conditions.append({"date": {"lte": now.isoformat().replace("+00:00", "Z")}})
        if self.endpoint.type_name == "Launch" and params.get("include_suborbital") in (
            "false",
            "False",
            "0",
        ):
            conditions.append({"suborbital": False})
        return conditions

    # Detail ----------------------------------------------------------------------------

    async def detail(self, request: Request) -> Response:
        if (refused := _refuse(request)) is not None:
            return refused
        key = self._key(request.path_params["id"])
        if key is None:
            return self._not_found(request)
        scope = self._scope(request) if "/" in self.endpoint.ll2_path else []
        if scope:  # upcoming/previous: the launch or event must be one of theirs
            variables: dict[str, Any] = {
                "first": 1,
                "offset": 0,
                "filter": {"and": [{"ll2Id": {"eq": key}}, *scope]},
                "orderBy": "ID_ASC",
            }
            detailed = mode_document(f"{self.endpoint.documents}.detailed")
            data = await self._run(request, detailed, variables)
            if isinstance(data, Response):
                return data
            results = data["page"]["results"]
            found = results[0] if results else None
        else:
            document = mode_document(f"{self.endpoint.documents}.detail")
            data = await self._run(request, document, {"id": key})
            if isinstance(data, Response):
                return data
            found = data["result"]
        if found is None:
            return self._not_found(request)
        return _render(request, to_ll2(found, _urls(request)), self.endpoint.ll2_path)

    def _key(self, text: str) -> Any:
        if self.endpoint.uuid:
            try:
                return str(uuid.UUID(text))
            except ValueError:
                return None
        if not text.isascii() or not text.isdigit():
            return None
        number = int(text)
        return number if number <= INT_MAX else None

    def _not_found(self, request: Request) -> Response:
        detail = f"No {self.endpoint.noun} matches the given query."
        return _json(request, {"detail": detail}, 404, name=self.endpoint.ll2_path)

    async def _run(self, request: Request, document: Any, variables: dict[str, Any]) -> Any:
        context = Context(request.app.state.engine, settings=self.settings, request=request)
        seconds = self.settings.execution_timeout if self.settings is not None else None
        try:
            # The same deadline as /graphql; leaving it cancels the database work too
            # (PostgreSQL: the driver cancels the statement; SQLite: store.engine interrupts it).
            async with asyncio.timeout(seconds):
                return await run(document, variables, context)
        except TimeoutError:
            detail = f"The request took longer than {seconds:g}s and was stopped."
            return _json(request, {"detail": detail}, 504)
        except TimedOut as error:
            return _json(request, {"detail": str(error)}, 504)
        except BadInput as error:
            return _json(request, {"detail": str(error)}, 400)
        except Unavailable as error:
            response = _json(request, {"detail": str(error)}, 503)
            response.headers["Retry-After"] = "5"
            return response
        except ServerError:
            return _json(request, {"detail": "A server error occurred."}, 500)


def _refuse(request: Request) -> Response | None:
    """DRF's answers before a view runs: 405 for other methods, 404 for unknown formats."""
    if request.method not in ("GET", "HEAD"):
        body = {"detail": f'Method "{request.method}" not allowed.'}
        response = _json(request, body, 405, force_json=True)
        response.headers["Allow"] = "GET"
        return response
    if request.query_params.get("format", "json") not in FORMATS:
        return _json(request, {"detail": "Not found."}, 404, force_json=True)
    return None


def _urls(request: Request) -> UrlMaker:
    return UrlMaker(str(request.base_url), request.query_params.get("format"))


def _with_query(request: Request, **values: int | None) -> str:
    """The request's absolute url with ``values`` set (``None``: removed), keys sorted (DRF)."""
    scheme, netloc, path, query, _ = urlsplit(str(request.url))
    params = parse_qs(query, keep_blank_values=True)
    for key, value in values.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = [str(value)]
    return urlunsplit((scheme, netloc, path, urlencode(sorted(params.items()), doseq=True), ""))


def _next_link(request: Request, limit: int, offset: int, count: int) -> str | None:
    if offset + limit >= count:
        return None
    return _with_query(request, limit=limit, offset=offset + limit)


def _previous_link(request: Request, limit: int, offset: int) -> str | None:
    if offset <= 0:
        return None
    if offset - limit <= 0:
        return _with_query(request, limit=limit, offset=None)
    return _with_query(request, limit=limit, offset=offset - limit)


def _wants_html(request: Request) -> bool:
    fmt = request.query_params.get("format")
    if fmt is not None:
        return fmt == "api"
    return "text/html" in request.headers.get("accept", "")


def _json(
    request: Request, body: Any, status: int, *, force_json: bool = False, name: str = ""
) -> Response:
    """JSON, or the browsable page when the request asks for it (DRF's negotiation)."""
    if not force_json and _wants_html(request):
        response = Response(page(request, body, status, name), status, media_type="text/html")
    else:
        response = Response(orjson.dumps(body), status, media_type="application/json")
    response.headers["Vary"] = "Accept"
    response.headers["Allow"] = "GET"
    return response


def _render(request: Request, body: Any, name: str) -> Response:
    return _json(request, body, 200, name=name)
