"""Which path ran an operation, reported with a reason from a fixed set."""

from __future__ import annotations

import pytest
from graphql import parse

from schema import build_schema
from schema.compiled import explain, paths

FAST = build_schema(compiled=True)


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("subscription { flightUpdated { ll2Id } }", paths.NOT_A_QUERY),
        ("{ _service { sdl } }", paths.UNTAUGHT),
        ("{ __schema { queryType { name } } }", paths.UNTAUGHT),
    ],
)
def test_fallback_texts_become_bounded_reasons(query: str, reason: str) -> None:
    explained = explain(FAST, parse(query))
    assert explained is not None
    assert paths.reason_of(explained) == reason


def test_the_other_reasons_are_told_apart() -> None:
    middleware = "resolver middleware (an extension with a resolve hook)"
    assert paths.reason_of(middleware) == paths.RESOLVER_MIDDLEWARE
    assert paths.reason_of("planning failed: ValueError: x") == paths.PLANNING_FAILED


async def test_an_execution_reports_once_to_the_listener() -> None:
    heard: list[tuple[str, str]] = []
    with paths.listening(lambda path, reason: heard.append((path, reason))):
        result = await FAST.execute("{ _service { sdl } }")
    assert result.errors is None
    assert heard == [(paths.STANDARD, paths.UNTAUGHT)]
    await FAST.execute("{ _service { sdl } }")  # nobody listening: nothing heard
    assert len(heard) == 1
