"""Planned argument conversion gives what Strawberry's ``convert_arguments`` gives, for every
argument of every field, with values that fill every input field (nested, listed, null)."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    coerce_input_value,
)
from strawberry.types.arguments import convert_arguments

from schema import build_schema
from schema.compiled.arguments import Converters

SCHEMA = build_schema(compiled=True)
SCALARS = {
    "Int": 7,
    "Float": 1.5,
    "String": "Robert'); DROP TABLE launches;--",
    "Boolean": True,
    "ID": "RmxpZ2h0Ojg1OQ==",
    "DateTime": "2024-09-06T01:10:00Z",
    "Date": "2020-09-04",
    "Duration": "P266DT10H58M",
    "BigInt": 2**40,
    "UUID": "f059a3a4-3a1b-4b67-a3a0-6a8ad4a3d0a2",
    "_Any": {"__typename": "Flight", "id": "RmxpZ2h0Ojg1OQ=="},
}


def sample(kind: GraphQLInputType, depth: int, null: bool, sparse: bool = False) -> Any:
    """A JSON value of ``kind``: every field given (null ones too with ``null``), or with
    ``sparse`` every other optional field left out."""
    if isinstance(kind, GraphQLNonNull):
        return sample(kind.of_type, depth, null)
    if isinstance(kind, GraphQLList):
        item = kind.of_type
        return [sample(item, depth, null, sparse), sample(item, depth, not null, sparse)]
    if isinstance(kind, GraphQLEnumType):
        return next(iter(kind.values))
    if isinstance(kind, GraphQLScalarType):
        return SCALARS[kind.name]
    assert isinstance(kind, GraphQLInputObjectType)
    value: dict[str, Any] = {}
    for index, (name, field) in enumerate(kind.fields.items()):
        nested = isinstance(field.type, (GraphQLInputObjectType, GraphQLList))
        optional = not isinstance(field.type, GraphQLNonNull)
        if (nested and depth <= 0) or (sparse and optional and index % 2):
            continue
        if null and optional:
            value[name] = None
        else:
            value[name] = sample(field.type, depth - 1, null, sparse)
    if kind.is_one_of:
        name, item = next((k, v) for k, v in value.items() if v is not None)
        return {name: item}
    return value


def fields_with_arguments() -> list[tuple[str, str]]:
    found = []
    for type_name, kind in SCHEMA._schema.type_map.items():
        if type_name.startswith("__") or not hasattr(kind, "fields"):
            continue
        if isinstance(kind, GraphQLInputObjectType):
            continue
        found += [(type_name, name) for name, f in kind.fields.items() if f.args]
    return sorted(found)


@pytest.mark.parametrize(("null", "sparse"), [(False, False), (True, False), (False, True)])
def test_planned_conversion_equals_strawberrys(null: bool, sparse: bool) -> None:
    strawberry_schema = SCHEMA
    registry = strawberry_schema.schema_converter.scalar_registry
    converters = Converters(registry, strawberry_schema.config)
    checked = 0
    for type_name, field_name in fields_with_arguments():
        field_def = SCHEMA._schema.type_map[type_name].fields[field_name]  # type: ignore[attr-defined]
        field = field_def.extensions.get("strawberry-definition")
        if field is None:
            continue
        raw = {}
        for name, argument in field_def.args.items():
            value = sample(argument.type, 3, null, sparse)
            raw[name] = coerce_input_value(value, argument.type)
        want = convert_arguments(raw, field.arguments, registry, strawberry_schema.config)
        got = converters.convert(field, field.arguments, raw)
        assert got == want, f"{type_name}.{field_name}"
        assert [type(v) for v in got.values()] == [type(v) for v in want.values()]
        checked += 1
    assert checked > 40
