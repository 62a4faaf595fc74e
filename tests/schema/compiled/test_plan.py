"""Planning: what runs compiled, what falls back and why, and what a plan depends on."""

from __future__ import annotations

import pytest
from graphql import parse

from schema import build_schema
from schema.compiled import explain
from schema.compiled.context import MAX_PLANS_PER_OPERATION, PLANS
from schema.compiled.plan import UNTAUGHT

FAST = build_schema(compiled=True)
STANDARD = build_schema(compiled=False)


@pytest.mark.parametrize(
    "query",
    [
        "{ flights(first: 2) { nodes { ll2Id } } }",
        # aliases, merged selections, a named fragment and __typename
        """{ page: flights(first: 2) { count: totalCount nodes { ...F ll2Id kind: __typename } } }
           fragment F on Flight { id ll2Id spacecraft { name } spacecraft { serialNumber } }""",
        # inline fragments with type conditions, on the type itself and on the Node interface
        """{ flights(first: 1) { nodes { ... on Flight { url } ... on Node { id } } } }""",
        # edges, cursors, page info, nested connections and json value objects
        """{ agencies(first: 3) { edges { cursor node { launches(first: 2, orderBy: NET_DESC)
             { totalCount pageInfo { hasNextPage endCursor }
               nodes { infoUrls { url type { name } }
                       rocket { spacecraftStage { ll2Id } } } } } } } }""",
        # fields whose resolvers are their own: node/nodes (the Node interface), filters on time
        """{ node(id: "RmxpZ2h0Ojg1OQ") { __typename ... on Flight { ll2Id } }
             nodes(ids: ["RmxpZ2h0Ojg1OQ"]) { id } }""",
        """{ spaceStations(first: 2) { nodes { activeExpeditions { name }
             dockingLocation { currentlyDocked { docking } } } } }""",
        "{ flight(ll2Id: 859) { launch { updates { comment } } } }",
    ],
)
def test_queries_run_compiled(query: str) -> None:
    assert explain(FAST, parse(query)) is None


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("{ __schema { queryType { name } } }", "introspection (__schema)"),
        ('{ __type(name: "Flight") { name } }', "introspection (__type)"),
        ("{ _service { sdl } }", "_service"),
        (
            "query($r: [_Any!]!) { _entities(representations: $r) { __typename } }",
            "Query._entities",
        ),
        ("subscription { flightUpdated { ll2Id } }", "a subscription"),
    ],
)
def test_fallback_reasons_name_what_is_not_compiled(query: str, reason: str) -> None:
    explained = explain(FAST, parse(query), variables={"r": []})
    assert explained is not None and reason in explained


def test_the_federation_fields_are_the_only_untaught_ones() -> None:
    assert set(UNTAUGHT) == {"Query._entities", "Query._service"}


def test_a_standard_schema_never_runs_compiled() -> None:
    assert explain(STANDARD, parse("{ flights { totalCount } }")) == (
        "compiled execution is off for this schema"
    )


def test_a_request_that_cannot_execute_says_so() -> None:
    reason = explain(FAST, parse("query A { flights { totalCount } }"), operation_name="B")
    assert reason is not None and "Unknown operation named 'B'" in reason


def test_the_first_operation_runs_when_none_is_named_as_strawberry_picks_it() -> None:
    document = parse("query A { flights { totalCount } } subscription B { flightUpdated { url } }")
    assert explain(FAST, document) is None
    assert explain(FAST, document, operation_name="B") is not None


def test_a_plan_is_cached_per_value_of_the_skip_and_include_variables() -> None:
    document = parse(
        """query($a: Boolean!, $n: Int) { flights(first: $n) {
             nodes { ll2Id @include(if: $a) url @skip(if: $a) } } }"""
    )
    for a in (True, False, True):
        for n in (1, 2):  # not a directive variable: no new plan
            assert explain(FAST, document, variables={"a": a, "n": n}) is None
    entries = [entry for entry, _ in PLANS.operations.entries.values()]
    (entry,) = [e for e in entries if e.operation is document.definitions[0]]
    assert entry.variables == ("a",)
    assert sorted(entry.plans) == [(False,), (True,)]


def test_an_operation_keeps_a_bounded_number_of_plans() -> None:
    """Each combination of @include values is a plan: 2^n of them for n variables."""
    names = [f"v{i}" for i in range(6)]
    signature = ", ".join(f"${name}: Boolean!" for name in names)
    fields = " ".join(f"f{i}: ll2Id @include(if: ${name})" for i, name in enumerate(names))
    document = parse(f"query({signature}) {{ flights(first: 1) {{ nodes {{ {fields} }} }} }}")
    for combination in range(40):
        variables = {name: bool(combination >> i & 1) for i, name in enumerate(names)}
        assert explain(FAST, document, variables=variables) is None
    entries = [entry for entry, _ in PLANS.operations.entries.values()]
    (entry,) = [e for e in entries if e.operation is document.definitions[0]]
    assert len(entry.plans) == MAX_PLANS_PER_OPERATION


def test_a_skipped_introspection_field_does_not_stop_compilation() -> None:
    document = parse(
        "query($s: Boolean!) { __schema @skip(if: $s) { types { name } } flights { totalCount } }"
    )
    assert explain(FAST, document, variables={"s": True}) is None
    assert explain(FAST, document, variables={"s": False}) == "introspection (__schema)"


@pytest.mark.parametrize(("value", "compiled"), [("false", False), ("0", False), ("true", True)])
def test_the_environment_picks_the_executor_of_build_schema(
    monkeypatch: pytest.MonkeyPatch, value: str, compiled: bool
) -> None:
    monkeypatch.setenv("FLIGHTGRAPH_COMPILED_EXECUTION", value)
    built = build_schema()
    assert (explain(built, parse("{ flights { totalCount } }")) is None) is compiled
    assert explain(build_schema(compiled=True), parse("{ flights { totalCount } }")) is None


@pytest.mark.parametrize("compiled", [False, True])
def test_the_served_schema_follows_the_settings(compiled: bool) -> None:
    from gateway.http import graphql_app
    from gateway.settings import Settings

    served = graphql_app(Settings(compiled_execution=compiled)).schema
    assert (explain(served, parse("{ flights { totalCount } }")) is None) is compiled
