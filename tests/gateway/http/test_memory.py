"""What the app keeps of the documents clients send stays within its byte budgets
(``apq_max_bytes``, ``document_cache_max_bytes``), however many distinct large ones come.

Memory is measured around ~100 distinct ~500 KB documents sent through the ASGI app, each
with its hash (an APQ registration): without the budgets the app kept ~50 MB of them.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import hashlib
import tracemalloc
from collections.abc import Callable

import httpx
import psutil
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.app import create_app
from gateway.http import GraphQLApp
from gateway.http.persisted import MemoryStore
from gateway.settings import Settings
from schema import Schema
from schema.guards import Guards
from tests.gateway.http.conftest import Client

DOCUMENTS = 100
PADDING = 500_000  # characters of each document
LARGE_BODIES = {"max_body_bytes": 1_000_000}  # as large as the documents


def registering(query: str) -> dict:
    sha256 = hashlib.sha256(query.encode()).hexdigest()
    return {"query": query, "extensions": {"persistedQuery": {"version": 1, "sha256Hash": sha256}}}


async def send(http: httpx.AsyncClient, documents: Callable[[int], str], indexes: range) -> None:
    for index in indexes:
        response = await http.post("/graphql", json=registering(documents(index)))
        assert response.status_code == 200
        assert response.json()["errors"]


def not_parsing(index: int) -> str:
    # Refused at its first token: the padding is never even read by the parser.
    return f"}} # {index}\n" + " " * PADDING


async def test_documents_that_do_not_parse_are_not_kept(client: Client) -> None:
    slack = 4_000_000  # the last request and response, event-loop noise; measured: 0.05 MB
    async with client(**LARGE_BODIES) as http:
        await send(http, not_parsing, range(-3, 0))  # first-use allocations
        gc.collect()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            await send(http, not_parsing, range(DOCUMENTS))
            gc.collect()
            grown = tracemalloc.get_traced_memory()[0] - before
        finally:
            tracemalloc.stop()
    assert grown < slack, f"{grown / 1e6:.1f} MB kept of documents that do not parse"


def rss() -> int:
    """Resident memory, once freed memory is given back where the C library can."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    return int(psutil.Process().memory_info().rss)


def not_validating(index: int) -> str:
    # Parses and passes the structural limits (so it is registered and cached), but fails
    # validation: never executed, so never planned by the compiled executor.
    return f"query Q{index}($unused: Int) {{ __typename }}\n" + " " * PADDING


@pytest.mark.slow  # ~7 s: each document is parsed (graphql-core lexes it character by character)
async def test_documents_kept_stay_within_the_budgets(client: Client) -> None:
    budgets = {"apq_max_bytes": 2_000_000, "document_cache_max_bytes": 4_000_000}
    slack = 8_000_000  # resident memory moves in allocator-sized steps; measured: < 1 MB
    async with client(**budgets, **LARGE_BODIES) as http:
        # Fills the caches to their budgets, and the allocator to its working size.
        await send(http, not_validating, range(DOCUMENTS, DOCUMENTS + 20))
        before = rss()
        await send(http, not_validating, range(DOCUMENTS))
        grown = rss() - before
    assert grown < sum(budgets.values()) + slack, f"{grown / 1e6:.1f} MB kept"


async def test_the_budget_settings_reach_the_caches(seeded: AsyncEngine) -> None:
    settings = Settings(
        apq_max_bytes=2_000_000, document_cache_max_bytes=3_000_000, max_body_bytes=100_000
    )
    app = create_app(settings, engine=seeded)
    endpoints = [getattr(route, "endpoint", None) for route in app.routes]
    (view,) = [endpoint for endpoint in endpoints if isinstance(endpoint, GraphQLApp)]
    assert isinstance(view.schema, Schema)
    (guards,) = [extension for extension in view.schema.extensions if isinstance(extension, Guards)]
    persisted = view.persisted
    assert isinstance(persisted.store, MemoryStore)
    assert persisted.store.queries.max_bytes == 2_000_000
    assert guards.cache.max_bytes == 3_000_000
    assert persisted.guards is guards  # registration shares the schema's parse cache
    assert persisted.max_document_bytes == 100_000
