"""Correctness before timing: every variant must answer each query with the same data.

flightgraph's standard executor is the reference. The compiled executor and both floors must
return the very same JSON — values and key order; white space may differ (the JSON-in-SQL
floor passes on what PostgreSQL's JSON functions write, ``"key" : value``), so both sides are
parsed and compared as orjson writes them again (dicts keep their key order);
PostGraphile and LL2 REST are compared after the projections of ``bench.postgraphile_queries``
(field names, connections, timestamp formats): the whole projection, every key on both sides
and every list item in order, a BigInt PostGraphile writes as a string equal to the integer.
Any difference raises ``Mismatch``, which fails the run.
"""

from __future__ import annotations

from typing import Any

import orjson

from bench import postgraphile_queries as pgl


class Mismatch(AssertionError):
    """A variant answered differently from flightgraph."""


def _first_difference(expected: bytes, actual: bytes) -> str:
    at = next(
        (i for i, (a, b) in enumerate(zip(expected, actual, strict=False)) if a != b),
        min(len(expected), len(actual)),
    )
    window = slice(max(0, at - 80), at + 80)
    return (
        f"first difference at byte {at} (lengths {len(expected)} and {len(actual)}):\n"
        f"  flightgraph: {expected[window]!r}\n  variant:     {actual[window]!r}"
    )


def check_ok(label: str, body: bytes) -> dict[str, Any]:
    data = orjson.loads(body)
    if data.get("errors") or data.get("data") is None:
        raise Mismatch(f"{label}: an error instead of data: {body[:500]!r}")
    return data


def same_bytes(label: str, reference: bytes, actual: bytes) -> None:
    """The same JSON, key order included; white space aside."""
    if reference == actual:
        return
    reference, actual = orjson.dumps(orjson.loads(reference)), orjson.dumps(orjson.loads(actual))
    if reference != actual:
        raise Mismatch(
            f"{label}: JSON differs from flightgraph's; {_first_difference(reference, actual)}"
        )


def _same_leaf(expected: Any, actual: Any) -> bool:
    if expected == actual:
        return True
    # PostGraphile writes BigInt as a JSON string (JavaScript numbers stop at 2**53).
    is_int = isinstance(expected, int) and not isinstance(expected, bool)
    return is_int and actual == str(expected)


def _same_projection(label: str, expected: Any, actual: Any) -> None:
    """The same tree: the same keys at every level, lists item by item, equal leaves."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        if expected.keys() != actual.keys():
            raise Mismatch(
                f"{label}: keys only flightgraph has {sorted(expected.keys() - actual.keys())},"
                f" only the variant has {sorted(actual.keys() - expected.keys())}"
            )
        for key in expected:
            _same_projection(f"{label}.{key}", expected[key], actual[key])
    elif isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            raise Mismatch(
                f"{label}: {len(expected)} items from flightgraph, {len(actual)} from the variant"
            )
        for i, (a, b) in enumerate(zip(expected, actual, strict=True)):
            _same_projection(f"{label}[{i}]", a, b)
    elif isinstance(expected, dict | list) or isinstance(actual, dict | list):
        raise Mismatch(f"{label}: flightgraph has {expected!r:.300}, the variant {actual!r:.300}")
    elif not _same_leaf(expected, actual):
        raise Mismatch(f"{label}: flightgraph has {expected!r}, the variant {actual!r}")


def same_as_postgraphile(name: str, reference: bytes, actual: bytes) -> None:
    expected = pgl.project_flightgraph(name, check_ok(f"{name} flightgraph", reference))
    got = pgl.project_postgraphile(name, check_ok(f"{name} PostGraphile", actual))
    _same_projection(f"{name} PostGraphile", expected, got)


def same_as_rest(reference: bytes, actual: bytes) -> None:
    expected = pgl.project_flightgraph_as_rest(check_ok("Q1 flightgraph", reference))
    _same_projection("Q1 REST", expected, pgl.project_rest(orjson.loads(actual)))
