"""A schemathesis run with LL2's OpenAPI against the implemented paths: generated requests
(bounded: a few examples per operation) find no server error and no response that breaks
LL2's schemas (relaxed as in :mod:`tests.gateway.rest.spec`: values may be null, no surplus
keys).

Hypothesis drives the cases in a worker thread; each request is sent on the test's own event
loop (the database engine lives there), through the in-process client.
"""

from __future__ import annotations

import asyncio
import copy
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance
from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.rest.endpoints import ENDPOINTS
from tests.conftest import SAMPLES, SEED_FLIGHT, shared_file
from tests.gateway.rest.helpers import BASE, rest_client
from tests.gateway.rest.spec import relaxed, spec
from tests.gateway.rest.test_spec import in_graph
from tests.schema.helpers import ingest

EXAMPLES = 20  # per operation
FILES = [
    "launches/2.3.0_detailed_single_sputnik1_spacenerd.json",
    "launches/2.3.0_normal_upcoming-results-array_10_astroshare.json",
    "space_stations/2.3.0_detailed_single_iss4_spacenerd.json",
]


def ll2_schema() -> Any:
    """LL2's document as OpenAPI 3.1 (JSON Schema), its schemas relaxed, our paths only."""
    document = copy.deepcopy(spec())
    served = {f"/2.3.0/{name}/" for name, e in ENDPOINTS.items() if in_graph(e.many)}
    document["paths"] = {
        path: item
        for path, item in document["paths"].items()
        if path in served or path.removesuffix("{id}/") in served
    }
    document["openapi"] = "3.1.0"
    document["components"]["schemas"] = {
        name: relaxed(schema, "#/components/schemas/")
        for name, schema in document["components"]["schemas"].items()
    }
    document.pop("security", None)
    for item in document["paths"].values():
        item["get"].pop("security", None)
    return schemathesis.openapi.from_dict(document)


async def test_generated_requests_find_no_error_and_no_schema_violation(
    engine: AsyncEngine,
) -> None:
    await ingest(engine, [shared_file(SEED_FLIGHT), *(shared_file(SAMPLES / f) for f in FILES)])
    loop = asyncio.get_running_loop()
    schema = ll2_schema()
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 24
    failures: list[str] = []
    async with rest_client(engine) as client:

        def send(kwargs: dict[str, Any]) -> httpx.Response:
            request = client.request(
                kwargs["method"],
                kwargs["url"],
                params=kwargs.get("params"),
                headers={
                    k: v
                    for k, v in (kwargs.get("headers") or {}).items()
                    if k.lower() in ("accept",)
                },
            )
            return asyncio.run_coroutine_threadsafe(request, loop).result(timeout=60)

        def check(operation: Any) -> None:
            @given(case=operation.as_strategy())
            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,
                derandomize=True,
                suppress_health_check=list(HealthCheck),
            )
            def run(case: Any) -> None:
                response = send(case.as_transport_kwargs(base_url=BASE))
                case.validate_response(
                    response, checks=[not_a_server_error, response_schema_conformance]
                )

            try:
                run()
            except (Exception, BaseExceptionGroup) as error:
                failures.append(f"{operation.label}: {str(error)[:800]}")

        for operation in operations:
            await asyncio.to_thread(check, operation)
    assert not failures, "\n\n".join(failures)


@pytest.mark.parametrize("path", ["/2.3.0/launches/", "/2.3.0/spacecraft_flights/{id}/"])
def test_the_relaxed_document_keeps_the_paths(path: str) -> None:
    assert ll2_schema()[path]["GET"] is not None
