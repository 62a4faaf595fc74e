"""The cost estimate: every field once per time it resolves; lists multiply by their size."""

from __future__ import annotations

import pytest
from graphql import GraphQLError, parse

from schema import schema
from schema.guards import Limits, operation_cost
from schema.guards.cost import RELATION, TEXT_MATCH

LIMITS = Limits(default_list_size=7)


def cost(query: str, variables: dict | None = None, name: str | None = None) -> int:
    return operation_cost(schema._schema, parse(query), name, variables, LIMITS)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("{ __typename }", 0),
        ("{ flight(ll2Id: 1) { id ll2Id } }", 3),
        # flights 1 + nodes 1 + 10 times id
        ("{ flights(first: 10) { nodes { id } } }", 12),
        ("{ flights(last: 4) { edges { cursor node { id } } } }", 1 + 1 + 4 * (1 + 1 + 1)),
        # neither first nor last: the resolvers' default page of 10
        ("{ flights { totalCount nodes { id } } }", 1 + 1 + 1 + 10),
        # an unpaged list: default_list_size
        ("{ pad(ll2Id: 1) { agencies { name } } }", 1 + 1 + 7),
        ('{ nodes(ids: ["a", "b", "c"]) { id } }', 1 + 3),
        # nested pages multiply
        (
            "{ agencies(first: 5) { nodes { launches(first: 20) { nodes { id } } } } }",
            1 + 1 + 5 * (1 + 1 + 20),
        ),
        # introspection is free
        ("{ __schema { types { name fields { name } } } }", 0),
    ],
)
def test_costs(query: str, expected: int) -> None:
    assert cost(query) == expected


def test_variables_and_fragments_count_like_literals() -> None:
    literal = cost("{ flights(first: 30) { nodes { id launch { name } } } }")
    assert (
        cost(
            "query($n: Int) { flights(first: $n) { ...F } } fragment F on FlightConnection "
            "{ nodes { id launch { name } } }",
            {"n": 30},
        )
        == literal
    )
    assert cost("query($n: Int = 30) { flights(first: $n) { nodes { id launch { name } } } }") == (
        literal
    )


def test_fragments_are_costed_once_per_use() -> None:
    # 30 fragments each spreading the next twice: 2^30 expansions, costed in linear time.
    fragments = " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(30))
    query = "{ ...F0 } " + fragments + " fragment F30 on Query { flight(ll2Id: 1) { id } }"
    assert cost(query) == 2**30 * 2


def test_the_chosen_operation_is_costed() -> None:
    query = "query A { flight(ll2Id: 1) { id } } query B { flights(first: 3) { nodes { id } } }"
    assert cost(query, name="A") == 2
    assert cost(query, name="B") == 1 + 1 + 3


def test_a_page_over_the_maximum_is_refused() -> None:
    with pytest.raises(GraphQLError, match="between 0 and 100 \\(got 101\\)") as refused:
        cost("query($n: Int) { flights(first: $n) { totalCount } }", {"n": 101})
    assert refused.value.extensions == {"code": "BAD_USER_INPUT"}
    assert refused.value.formatted["locations"] == [{"line": 1, "column": 33}]  # the `$n`


def test_variables_are_costed_as_execution_coerces_them() -> None:
    """A float for an Int is the Int graphql-core executes with (100.0 runs as 100): it must
    not fall back to the default page size."""
    query = "query($n: Int) { flights(first: $n) { nodes { id launch { name } } } }"
    assert cost(query, {"n": 100.0}) == cost(query, {"n": 100}) == 1 + 1 + 100 * 3
    with pytest.raises(GraphQLError):
        cost(query, {"n": 1000.0})  # over the page limit, as the int would be


def test_variables_execution_refuses_cost_nothing() -> None:
    query = "query($n: Int) { flights(first: $n) { nodes { id } } }"
    assert cost(query, {"n": "many"}) == 0
    assert cost(query, {"n": 1.5}) == 0


@pytest.mark.parametrize(
    ("filter_text", "price"),
    [
        ("{status: {eq: 3}}", 1),
        ("{status: {in: [1, 2, 3, 4]}}", 4),
        ('{name: {contains: "Falcon"}}', TEXT_MATCH),
        ('{search: "Falcon 9 Block 5"}', 4 * TEXT_MATCH),
        (
            '{or: [{status: {eq: 3}}, {not: {name: {contains: "x"}, year: {gte: 2020}}}]}',
            2 + TEXT_MATCH,
        ),
        ('{statusWhere: {name: {contains: "Success"}}}', RELATION + TEXT_MATCH),
        ("{padWhere: {locationWhere: {}}}", 2 * RELATION),
        ("{flightsWhere: {some: {ll2Id: {eq: 1}}, none: {}}}", 2 * RELATION + 1),
    ],
)
def test_a_filter_adds_its_price_to_its_field(filter_text: str, price: int) -> None:
    bare = cost("{ launches(first: 1) { totalCount } }")
    assert cost(f"{{ launches(first: 1, filter: {filter_text}) {{ totalCount }} }}") == bare + price


def test_a_filter_is_priced_once_per_time_its_field_resolves() -> None:
    query = (
        "query($f: LaunchFilter) { agencies(first: 20) { nodes {"
        " launches(first: 1, filter: $f) { totalCount } } } }"
    )
    plain = cost(query)
    searched = cost(query, {"f": {"search": "a b"}})
    assert searched - plain == 20 * 2 * TEXT_MATCH


def test_variables_over_the_input_limit_are_refused_before_coercion() -> None:
    query = "query($f: LaunchFilter) { launches(filter: $f) { totalCount } }"
    limits = Limits(max_input_values=100)
    small = {"f": {"status": {"in": list(range(90))}}}
    assert operation_cost(schema._schema, parse(query), None, small, limits) > 0
    large = {"f": {"or": [{"status": {"eq": 3}}] * 40}}  # 1 + 1 + 1 + 40 + 40 + 40 values
    with pytest.raises(GraphQLError, match="more than 100 values") as refused:
        operation_cost(schema._schema, parse(query), None, large, limits)
    assert refused.value.extensions["code"] == "INPUT_LIMIT_EXCEEDED"
