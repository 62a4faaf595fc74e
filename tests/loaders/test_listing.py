"""The filter size limits: every way a filter can grow is capped, and the caps are exact."""

from __future__ import annotations

import pytest

from loaders import AllOf, AnyOf, Condition, FilterError, Not, Search
from loaders.listing import FilterLimits, check_size

LIMITS = FilterLimits(max_conditions=5, max_in=3, max_text=10, max_search_terms=2, max_nesting=2)


@pytest.mark.parametrize(
    "item",
    [
        None,
        Condition("name", "contains", "x" * 10),
        Condition("status", "in", (1, 2, 3)),
        Search("two words"),
        AnyOf(tuple(Condition("status", "eq", i) for i in range(5))),
        Not(AllOf((Condition("status", "eq", 1),))),
        # "all of" opens no level, however deep (a filter input's fields are "all of")
        AllOf((AllOf((AllOf((AllOf((Not(AnyOf((Condition("x", "eq", 1),))),)),)),)),)),
    ],
)
def test_filters_at_the_limits_pass(item: object) -> None:
    check_size(item, LIMITS)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (Condition("name", "contains", "x" * 11), "11 characters"),
        (Condition("name", "in", ("ok", "y" * 11)), "11 characters"),
        (Condition("status", "in", (1, 2, 3, 4)), "4 items"),
        (Search("three short words"), "3 words"),
        (Search("x" * 11), "11 characters"),
        (AnyOf(tuple(Condition("status", "eq", i) for i in range(6))), "more than 5 conditions"),
        (
            AllOf((Search("a b"), Search("c d"), Condition("x", "eq", 1), Search("e"))),
            "more than 5",
        ),
        (Not(Not(Not(Condition("status", "eq", 1)))), "nest more than 2"),
        (AnyOf((Not(AnyOf((Condition("x", "eq", 1),))),)), "nest more than 2"),
    ],
)
def test_filters_over_a_limit_are_refused(item: object, message: str) -> None:
    with pytest.raises(FilterError, match=message):
        check_size(item, LIMITS)  # type: ignore[arg-type]
