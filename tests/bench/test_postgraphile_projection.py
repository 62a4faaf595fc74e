"""PostGraphile's Q1 must ask for what flightgraph's Q1 answers, and the check must compare all
of it: the documents are compared key by key here (no server needed), the projections and
the comparison on small answers of both shapes."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    parse,
)

from bench import postgraphile_queries as pgl
from bench import queries
from bench.checks import Mismatch, same_as_postgraphile

Shape = dict[str, Any]  # response key → its shape (None for a value)


def _shape(selections: SelectionSetNode, fragments: dict[str, SelectionSetNode]) -> Shape:
    shape: Shape = {}
    for selection in selections.selections:
        if isinstance(selection, FieldNode):
            key = (selection.alias or selection.name).value
            sub = selection.selection_set
            shape[key] = None if sub is None else _shape(sub, fragments)
        elif isinstance(selection, InlineFragmentNode):
            shape |= _shape(selection.selection_set, fragments)
        else:
            shape |= _shape(fragments[selection.name.value], fragments)
    return shape


def _document_shape(source: str) -> Shape:
    document = parse(source)
    fragments = {
        d.name.value: d.selection_set
        for d in document.definitions
        if isinstance(d, FragmentDefinitionNode)
    }
    (operation,) = (d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    return _shape(operation.selection_set, fragments)


def _unwrapped(shape: Any) -> Any:
    """PostGraphile's wrappers (``nodes``, ``target``) taken away, as the projection does."""
    if not isinstance(shape, dict):
        return shape
    if shape.keys() in ({pgl.CONNECTION_KEY}, {pgl.ASSOCIATION_KEY}):
        return _unwrapped(next(iter(shape.values())))
    return {key: _unwrapped(sub) for key, sub in shape.items()}


def _without_typenames(shape: Any) -> Any:
    if not isinstance(shape, dict):
        return shape
    return {
        key: _without_typenames(sub)
        for key, sub in shape.items()
        if not key.startswith(pgl.TYPENAME_MARKER)
    }


def _json_columns_as_values(shape: Any) -> Any:
    """flightgraph's JSON columns with their fields, as PostGraphile's JSON scalar: a value."""
    if not isinstance(shape, dict):
        return shape
    return {
        key: None if key in pgl.Q1_JSON_KEYS else _json_columns_as_values(sub)
        for key, sub in shape.items()
    }


def _differences(expected: Any, actual: Any, path: str = "") -> list[str]:
    if not isinstance(expected, dict) or not isinstance(actual, dict):
        return [] if expected == actual else [f"{path}: {expected!r} vs {actual!r}"]
    found = [f"{path}.{key}: only flightgraph" for key in expected.keys() - actual.keys()]
    found += [f"{path}.{key}: only PostGraphile" for key in actual.keys() - expected.keys()]
    for key in expected.keys() & actual.keys():
        found += _differences(expected[key], actual[key], f"{path}.{key}")
    return found


def _values(shape: Any) -> int:
    if not isinstance(shape, dict):
        return 1
    return sum(_values(sub) for sub in shape.values())


def test_postgraphile_q1_asks_for_every_field_of_flightgraphs_q1() -> None:
    flightgraph = _json_columns_as_values(
        _without_typenames(_document_shape(queries.q1_document()))
    )
    postgraphile = _without_typenames(_unwrapped(_document_shape(pgl.PGL_Q1)))
    assert _differences(flightgraph, postgraphile) == []
    assert _values(flightgraph) > 1000  # 13 levels of LL2's detailed shape, expanded


def test_both_documents_mark_the_same_places_with_a_typename() -> None:
    flightgraph = _document_shape(queries.q1_document())
    postgraphile = _unwrapped(_document_shape(pgl.PGL_Q1))
    assert _differences(_json_columns_as_values(flightgraph), postgraphile) == []


# One flight of each shape, trimmed to a few fields of each kind of wrapper.
FLIGHTGRAPH = {
    "data": {
        "page": {
            "count": 1,
            "results": [
                {
                    "id": 7,
                    "response_mode__detailed": "Flight",
                    "mission_end": "2023-07-07T01:34:00Z",
                    "spacecraft": {"id": 70, "flights_count": 2, "image": None},
                    "launch_crew": [{"id": 1, "role": {"id": 2, "role": "Pilot"}}],
                    "launch": {
                        "pad": {"agencies": [{"id": 100, "country": [{"id": 2}, {"id": 4}]}]},
                        "mission": {
                            "vid_urls": [{"url": "u", "start_time": "2030-01-01T00:00:00Z"}]
                        },
                    },
                }
            ],
        }
    }
}
POSTGRAPHILE = {
    "data": {
        "page": {
            "count": 1,
            "results": [
                {
                    "id": "7",
                    "response_mode__detailed": "SpacecraftFlight",
                    "mission_end": "2023-07-07T01:34:00+00:00",
                    "spacecraft": {"id": "70", "flights_count": "2", "image": None},
                    "launch_crew": {"nodes": [{"id": "1", "role": {"id": "2", "role": "Pilot"}}]},
                    "launch": {
                        "pad": {
                            "agencies": {
                                "nodes": [
                                    {
                                        "target": {
                                            "id": "100",
                                            "country": {
                                                "nodes": [
                                                    {"target": {"id": "2"}},
                                                    {"target": {"id": "4"}},
                                                ]
                                            },
                                        }
                                    }
                                ]
                            }
                        },
                        "mission": {
                            "vid_urls": [{"start_time": "2030-01-01T00:00:00Z", "url": "u"}]
                        },
                    },
                }
            ],
        }
    }
}


def _check(postgraphile: dict) -> None:
    same_as_postgraphile("Q1", orjson.dumps(FLIGHTGRAPH), orjson.dumps(postgraphile))


def test_the_projections_make_both_answers_equal() -> None:
    _check(POSTGRAPHILE)


def _changed(path: tuple[Any, ...], change: Any) -> dict:
    body = orjson.loads(orjson.dumps(POSTGRAPHILE))
    *parents, last = ("data", "page", *path)
    node = body
    for step in parents:
        node = node[step]
    change(node, last)
    return body


@pytest.mark.parametrize(
    ("path", "change"),
    [
        pytest.param(("results", 0), lambda node, key: node.pop(key), id="a flight missing"),
        pytest.param(
            ("results", 0, "spacecraft"),
            lambda node, key: node.__setitem__(key, None),
            id="a nested object missing",
        ),
        pytest.param(
            ("results", 0, "spacecraft", "flights_count"),
            lambda node, key: node.pop(key),
            id="a value missing",
        ),
        pytest.param(
            ("results", 0, "spacecraft", "flights_count"),
            lambda node, key: node.__setitem__(key, "3"),
            id="a value different",
        ),
        pytest.param(
            ("results", 0, "launch", "pad", "agencies", "nodes", 0, "target", "country", "nodes"),
            lambda node, key: node[key].reverse(),
            id="a list in another order",
        ),
        pytest.param(
            ("results", 0, "launch", "mission", "vid_urls", 0, "url"),
            lambda node, key: node.pop(key),
            id="a JSON value missing",
        ),
        pytest.param(
            ("results", 0, "spacecraft", "serial_number"),
            lambda node, key: node.__setitem__(key, None),
            id="a value flightgraph lacks",
        ),
    ],
)
def test_the_check_fails_on_any_difference(path: tuple[Any, ...], change: Any) -> None:
    with pytest.raises(Mismatch):
        _check(_changed(path, change))
