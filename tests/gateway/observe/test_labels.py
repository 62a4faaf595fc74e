from gateway.observe.labels import OperationNames, error_code, graphql_name


def test_the_first_names_are_kept_and_later_ones_are_other() -> None:
    names = OperationNames(limit=2)
    assert [names.label(n) for n in ("A", "B", "C", "A", "B", "C")] == [
        "A",
        "B",
        "other",
        "A",
        "B",
        "other",
    ]


def test_what_is_not_a_graphql_name_is_other_and_takes_no_place() -> None:
    names = OperationNames(limit=1)
    for hostile in ("a b", 'x"}\n', "é", "1abc", "", "a" * 101, "q{__typename}"):
        assert names.label(hostile) == "other"
    assert names.label(None) == "anonymous"
    assert names.label("Kept") == "Kept"
    assert names.seen == {"Kept"}


def test_graphql_name_is_what_may_be_logged() -> None:
    assert graphql_name("Launches_2") == "Launches_2"
    assert graphql_name("DROP TABLE") is None
    assert graphql_name(None) is None


def test_error_codes_are_checked_too() -> None:
    assert error_code(None) == "none"
    assert error_code("PERSISTED_QUERY_NOT_FOUND") == "PERSISTED_QUERY_NOT_FOUND"
    assert error_code("not a code") == "other"
    assert error_code(42) == "other"
