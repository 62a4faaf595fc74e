"""The guards' caches (parses, verdicts, costs) stay within their byte budget, and which
documents the guards admit for APQ."""

from __future__ import annotations

import pytest

from schema import build_schema
from schema.guards import Guards, Limits
from schema.guards.budget import ast_bytes

BUDGET = 4_000_000


def padded(index: int, operation: str = "{ __typename }", lines: int = 1500) -> str:
    """A distinct document of ~150 KB: one operation and ``lines`` comment lines, each a
    token the parsed document keeps (about 0.25 MB estimated per 1,000 lines)."""
    return operation + "\n" + f"# {index:06d} {'x' * 90}\n" * lines


OPERATION = "query($b: Boolean!) { __typename @include(if: $b) }"


async def test_the_caches_stay_within_their_byte_budget_fed_distinct_large_documents() -> None:
    guards = Guards(Limits(), max_bytes=BUDGET)
    served = build_schema(extensions=[guards], compiled=False)
    estimates = []
    for index in range(30):
        # Every kind of entry: a parse, a verdict and a cost (variables make it kept).
        query = padded(index, OPERATION)
        result = await served.execute(query, variable_values={"b": True})
        assert result.data == {"__typename": "Query"}
        assert guards.cache.bytes <= BUDGET
        estimates.append(ast_bytes(guards.parse(query)))
    assert sum(estimates) > 5 * BUDGET  # what the old, count-bounded caches kept
    kinds = {key[0] for key in guards.cache.entries}
    assert kinds == {"document", "validation", "cost"}
    assert ("document", padded(0, OPERATION)) not in guards.cache
    assert ("document", padded(29, OPERATION)) in guards.cache


async def test_a_document_in_use_stays_cached_while_others_come_and_go() -> None:
    guards = Guards(Limits(), max_bytes=BUDGET)
    served = build_schema(extensions=[guards], compiled=False)
    hot = "{ __typename }"
    first = guards.parse(hot)
    for index in range(30):
        await served.execute(padded(index))
        await served.execute(hot)
    assert guards.parse(hot) is first


async def test_verdicts_with_errors_are_charged_with_the_document_they_hold() -> None:
    guards = Guards(Limits(), max_bytes=BUDGET)
    served = build_schema(extensions=[guards], compiled=False)
    query = padded(0, "{ noSuchField }")
    result = await served.execute(query)
    assert result.errors
    (verdict,) = [size for key, (_, size) in guards.cache.entries.items() if key[0] == "validation"]
    assert verdict > ast_bytes(guards.parse(query))


async def test_a_document_larger_than_the_budget_runs_uncached() -> None:
    guards = Guards(Limits(), max_bytes=1_000_000)
    served = build_schema(extensions=[guards], compiled=False)
    query = padded(0, lines=4900)  # ~2.7 MB estimated
    result = await served.execute(query)
    assert result.data == {"__typename": "Query"}
    assert ("document", query) not in guards.cache
    assert guards.cache.bytes <= 1_000_000


def nest(levels: int) -> str:
    inner = "__typename"
    for _ in range(levels):
        inner = f"flight(ll2Id: 1) {{ {inner} }}"
    return f"{{ {inner} }}"


ADMITTED = {
    "a valid query": ("{ flight(ll2Id: 859) { ll2Id } }", True),
    # Spec validation is not asked for: the request reports it, every time, from the cache.
    "an unknown field": ("{ noSuchField }", True),
    "a syntax error": ("{ flight(", False),
    "over the token limit": ("{ " + "__typename " * 5001 + "}", False),
    "over the depth limit": (nest(13), False),
    "over the alias limit": ("{ " + " ".join(f"a{i}: __typename" for i in range(31)) + " }", False),
}


@pytest.mark.parametrize(("query", "admitted"), ADMITTED.values(), ids=ADMITTED.keys())
def test_admits_what_parses_within_the_structural_limits(query: str, admitted: bool) -> None:
    assert Guards(Limits()).admits(query) is admitted
