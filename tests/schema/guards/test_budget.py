"""The byte-bounded LRU, and estimates of parsed documents that hold against tracemalloc."""

from __future__ import annotations

import gc
import sys
import tracemalloc

import pytest
from graphql import GraphQLError, parse

from schema.guards.budget import ENTRY_BYTES, BoundedLru, ast_bytes, errors_bytes


def test_least_recently_used_entries_go_first_past_the_byte_budget() -> None:
    cache: BoundedLru[str, int] = BoundedLru(max_entries=100, max_bytes=10 * (1000 + ENTRY_BYTES))
    for name in "abcdefghij":
        assert cache.put(name, 0, 1000)
    cache.get("a")  # now the most recently used
    cache.put("k", 0, 2500)
    assert "a" in cache and "k" in cache
    assert "b" not in cache and "c" not in cache and "d" not in cache
    assert "e" in cache
    assert cache.bytes <= cache.max_bytes
    assert cache.bytes == sum(size for _, size in cache.entries.values())


def test_entries_are_bounded_by_count_too() -> None:
    cache: BoundedLru[int, int] = BoundedLru(max_entries=3, max_bytes=10**9)
    for key in range(5):
        cache.put(key, key, 1)
    assert list(cache.entries) == [2, 3, 4]
    assert cache.bytes == 3 * (1 + ENTRY_BYTES)


def test_an_entry_larger_than_the_budget_is_not_kept_and_evicts_nothing() -> None:
    cache: BoundedLru[str, str] = BoundedLru(max_entries=10, max_bytes=10_000)
    cache.put("small", "kept", 100)
    assert not cache.put("huge", "refused", 10_000)
    assert cache.get("huge") is None
    assert cache.get("small") == "kept"


def test_replacing_an_entry_counts_its_size_once() -> None:
    cache: BoundedLru[str, str] = BoundedLru(max_entries=10, max_bytes=10_000)
    cache.put("key", "old", 4000)
    cache.put("key", "new", 1000)
    assert cache.get("key") == "new"
    assert cache.bytes == 1000 + ENTRY_BYTES


def _measured(text: str) -> tuple[int, object]:
    """What parsing ``text`` keeps alive (with the text), as tracemalloc sees it."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        document = parse(text, max_tokens=5000)
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    return grown + sys.getsizeof(text), document


FLIGHT = (
    "query Flight($id: Int!) { flight(ll2Id: $id) { ll2Id name destination launch { name net "
    "pad { name location { name } } } spacecraft { name serialNumber } } }"
)
SHAPES = {
    "a real query": FLIGHT,
    "aliased fields near the token limit": "query Q { "
    + " ".join(f"f{i}: flight(ll2Id: {i}) {{ ll2Id name destination }}" for i in range(380))
    + " }",
    "one-letter fields (the densest)": "{" + "a " * 4998 + "}",
    "comment lines": "{ a }\n" + ("#" + "x" * 99 + "\n") * 4990,
    "whitespace padding": FLIGHT + " " * 200_000,
    # One escape makes the string's value four bytes a character: more than the text weighs.
    "a widened string": '{ a(x: "\\u{1F600}' + "s" * 200_000 + '") }',
}


@pytest.mark.parametrize("text", SHAPES.values(), ids=SHAPES.keys())
def test_a_documents_estimate_covers_what_it_keeps_alive(text: str) -> None:
    measured, document = _measured(text)
    estimate = ast_bytes(document)  # type: ignore[arg-type]
    assert measured <= estimate <= 4 * measured


def test_errors_are_charged_with_the_document_their_nodes_hold() -> None:
    document = parse(FLIGHT)
    with_nodes = [GraphQLError("Cannot query field 'a' on type 'Query'.", document.definitions[0])]
    without = [GraphQLError("3 aliases; at most 2")]
    assert errors_bytes(with_nodes) > ast_bytes(document)
    assert errors_bytes(without) < 2000
