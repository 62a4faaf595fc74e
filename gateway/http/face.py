"""The HTTP face of /graphql assembled: the view, its schema and the middleware around it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware

from gateway.http.apikeys import ApiKeys
from gateway.http.graphiql import GraphiQLAssets
from gateway.http.persisted import MemoryStore, PersistedQueries, RedisStore, load_manifest
from gateway.http.ratelimit import MemoryBuckets, RateLimit, RedisBuckets
from gateway.http.view import GraphQLApp
from gateway.http.websocket import ContextPerOperation
from schema import build_schema
from schema.compiled.express import ExpressLane
from schema.guards import Guards, Limits

if TYPE_CHECKING:  # settings import this package for its mixin: no cycle at runtime
    from gateway.settings import Settings

# Headers browsers may send cross-origin: Apollo/urql clients' own, and an API key.
CORS_HEADERS = [
    "accept",
    "content-type",
    "authorization",
    "x-api-key",
    "apollographql-client-name",
    "apollographql-client-version",
    "apollo-require-preflight",
    "if-none-match",
    "x-request-id",
]


def limits(settings: Settings) -> Limits:
    return Limits(
        max_depth=settings.max_depth,
        max_aliases=settings.max_aliases,
        max_tokens=settings.max_tokens,
        max_directives=settings.max_directives,
        max_cost=settings.max_cost,
        max_page_size=settings.max_page_size,
        default_list_size=settings.default_list_size,
        field_suggestions=settings.field_suggestions,
    )


def persisted_queries(settings: Settings, guards: Guards) -> PersistedQueries:
    """The APQ store (bounded by entries and bytes) and the trusted documents; a document is
    registered only if it passes ``guards``' parse and structure checks."""
    store = (
        RedisStore(
            settings.redis_url, settings.apq_ttl, settings.apq_cache_size, settings.apq_max_bytes
        )
        if settings.redis_url
        else MemoryStore(settings.apq_cache_size, settings.apq_max_bytes)
    )
    manifest = load_manifest(settings.trusted_documents) if settings.trusted_documents else None
    return PersistedQueries(
        store,
        manifest,
        only=settings.trusted_documents_only,
        guards=guards,
        max_document_bytes=settings.max_body_bytes,
    )


def graphql_app(settings: Settings) -> GraphQLApp:
    """The /graphql view for ``settings``: a schema guarded by their limits. The guards'
    caches are shared with APQ registration, so a registered document is parsed once."""
    guards = Guards(limits(settings), max_bytes=settings.document_cache_max_bytes)
    served = build_schema(
        introspection=settings.introspection,
        extensions=[guards, ContextPerOperation],
        compiled=settings.compiled_execution,
    )
    # Queries the SQL path answered run again without Strawberry's per-request machinery.
    express = ExpressLane(served._schema, guards) if settings.compiled_execution else None
    return GraphQLApp(settings, served, persisted_queries(settings, guards), express)


def http_middleware(settings: Settings) -> list[Middleware]:
    """Middleware for the whole app, outermost first."""
    origins = settings.allowed_origins
    middleware = [
        Middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=CORS_HEADERS,
            expose_headers=["ETag", "Retry-After", "X-Request-Id"],
            max_age=600,
        )
    ]
    if settings.rate_limit > 0 or settings.api_keys_file is not None:
        middleware.append(
            Middleware(
                RateLimit,
                buckets=rate_buckets(settings) if settings.rate_limit > 0 else None,
                keys=ApiKeys(settings.api_keys_file) if settings.api_keys_file else None,
            )
        )
    if settings.graphiql:
        middleware.append(Middleware(GraphiQLAssets))
    return middleware


def rate_buckets(settings: Settings) -> MemoryBuckets | RedisBuckets:
    if settings.redis_url:
        return RedisBuckets(settings.redis_url, settings.rate_limit, settings.rate_limit_burst)
    return MemoryBuckets(settings.rate_limit, settings.rate_limit_burst)


async def close_http(app: Starlette) -> None:
    """Close the connections the HTTP face holds (Redis: APQ store, rate-limit buckets);
    for the app's lifespan to call when it stops."""
    for route in app.routes:
        endpoint = getattr(route, "endpoint", None)
        if isinstance(endpoint, GraphQLApp):
            await endpoint.aclose()
    for middleware in app.user_middleware:
        buckets = middleware.kwargs.get("buckets")
        if buckets is not None:
            await buckets.aclose()


__all__ = ["GraphQLApp", "close_http", "graphql_app", "http_middleware"]
