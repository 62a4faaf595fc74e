"""Strawberry's argument conversion, planned once per field instead of walked per request.

graphql-core coerces a field's arguments to plain values; Strawberry's ``convert_arguments``
then turns input objects into their classes, walking each value's type afresh on every call
(name conversion, type checks) — a third of a small query's CPU. A :class:`Converters` plans
the same conversion once per argument type (input objects, lists, options, leaves) and hands
anything it does not plan (``Maybe``, input types with ``from_input``, lazy types, global ids)
to Strawberry's own ``convert_argument``, so the two give the same values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import MISSING
from typing import Any

from strawberry import UNSET
from strawberry.relay.types import GlobalID
from strawberry.scalars import is_scalar
from strawberry.schema.config import StrawberryConfig
from strawberry.types.arguments import StrawberryArgument, convert_argument
from strawberry.types.base import (
    StrawberryList,
    StrawberryMaybe,
    StrawberryOptional,
    has_object_definition,
)
from strawberry.types.enum import StrawberryEnumDefinition, has_enum_definition

Converter = Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


class Converters:
    """Planned conversions for one schema's scalar registry and name converter."""

    def __init__(self, scalar_registry: Mapping[object, Any], config: StrawberryConfig) -> None:
        self.scalar_registry = scalar_registry
        self.config = config
        self._by_type: dict[Any, Converter] = {}
        self._by_field: dict[int, tuple[object, list[tuple[str, str, Converter]]]] = {}

    def convert(
        self, owner: object, arguments: list[StrawberryArgument], raw: dict[str, Any]
    ) -> dict[str, Any]:
        """``convert_arguments(raw, arguments, …)`` for the field ``owner``."""
        held = self._by_field.get(id(owner))
        if held is None or held[0] is not owner:
            planned = [
                (self.config.name_converter.from_argument(a), a.python_name, self.of(a.type))
                for a in arguments
            ]
            held = self._by_field[id(owner)] = (owner, planned)
        return {python: convert(raw[name]) for name, python, convert in held[1] if name in raw}

    def of(self, type_: Any) -> Converter:
        found = self._by_type.get(type_)
        if found is None:
            # Input types refer to themselves (``and: [Filter!]``): the entry exists before
            # the plan of its fields is made, and looks the finished plan up when called.
            self._by_type[type_] = lambda value: self._by_type[type_](value)
            try:
                found = self._by_type[type_] = self._plan(type_)
            except BaseException:
                del self._by_type[type_]
                raise
        return found

    def _plan(self, type_: Any) -> Converter:
        if isinstance(type_, StrawberryMaybe) or type_ is GlobalID:
            return self._strawberry(type_)
        if isinstance(type_, StrawberryOptional):
            return self.of(type_.of_type)
        if self._is_leaf(type_):
            return _same
        if isinstance(type_, StrawberryList):
            item = type_.of_type
            if isinstance(item, StrawberryOptional):
                item = item.of_type
            if self._is_leaf(item) and item is not GlobalID:
                return lambda value: value if value is None or value is UNSET else list(value)
            each = self.of(type_.of_type)
            return lambda value: (
                value if value is None or value is UNSET else [each(item) for item in value]
            )
        if has_object_definition(type_) and type_.__strawberry_definition__.from_input is None:
            return self._input_object(type_)
        return self._strawberry(type_)

    def _is_leaf(self, type_: Any) -> bool:
        if has_enum_definition(type_):
            return True
        return isinstance(type_, StrawberryEnumDefinition) or (
            type_ is not GlobalID and is_scalar(type_, self.scalar_registry)
        )

    def _input_object(self, type_: Any) -> Converter:
        definition = type_.__strawberry_definition__
        defaults: dict[str, Any] = {}
        if definition.is_input:
            defaults = {
                f.python_name: None
                for f in definition.fields
                if f.default_value is MISSING and f.default_factory is MISSING
            }
        fields = [
            (
                self.config.name_converter.from_field(f),
                f.python_name,
                self.of(f.resolve_type(type_definition=definition)),
            )
            for f in definition.fields
        ]

        def build(value: Any) -> Any:
            if value is None or value is UNSET:
                return value
            kwargs = dict(defaults)
            for name, python, convert in fields:
                if name in value:
                    kwargs[python] = convert(value[name])
            return type_(**kwargs)

        return build

    def _strawberry(self, type_: Any) -> Converter:
        registry, config = self.scalar_registry, self.config
        return lambda value: convert_argument(value, type_, registry, config)


__all__ = ["Converters"]
