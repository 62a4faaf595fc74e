"""Typed filter operators, and the turning of a ``filter`` input into the loaders' filter AST.

A node's filter input (``LaunchFilter``…) has one field per filterable value, each either an
operator input below or a plain ``Boolean`` (a yes/no question such as ``crewed``), plus
``search``, ``and``, ``or`` and ``not``. Every condition given must hold.

A field named ``<relation>Where`` reaches through one of the listing's relations
(:class:`loaders.listing.Relation`): to one related node with that node's own filter
(``statusWhere: {abbrev: {eq: "Success"}}``), or to a list of them with ``some`` / ``none`` /
``every`` (:func:`quantified`).
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import Any

import strawberry
from strawberry.types.base import has_object_definition

from loaders import AllOf, AnyOf, Condition, Filter, FilterError, Not, Related, Search
from loaders.listing import check_size
from schema.errors import UserInputError

_SHAPE = "Every operator given must hold; null or absent operators are ignored."


@strawberry.input(description=f"Conditions on an integer. {_SHAPE}")
class IntFilter:
    eq: int | None = strawberry.UNSET
    in_: list[int] | None = strawberry.field(name="in", default=strawberry.UNSET)
    gt: int | None = strawberry.UNSET
    gte: int | None = strawberry.UNSET
    lt: int | None = strawberry.UNSET
    lte: int | None = strawberry.UNSET
    is_null: bool | None = strawberry.UNSET


@strawberry.input(description=f"Conditions on a number. {_SHAPE}")
class FloatFilter:
    eq: float | None = strawberry.UNSET
    gt: float | None = strawberry.UNSET
    gte: float | None = strawberry.UNSET
    lt: float | None = strawberry.UNSET
    lte: float | None = strawberry.UNSET
    is_null: bool | None = strawberry.UNSET


@strawberry.input(
    description=f"Conditions on a text; `contains` ignores case, like LL2's `__icontains`. {_SHAPE}"
)
class StringFilter:
    eq: str | None = strawberry.UNSET
    in_: list[str] | None = strawberry.field(name="in", default=strawberry.UNSET)
    contains: str | None = strawberry.UNSET
    is_null: bool | None = strawberry.UNSET


@strawberry.input(description=f"Conditions on a timestamp. {_SHAPE}")
class DateTimeFilter:
    eq: datetime | None = strawberry.UNSET
    gt: datetime | None = strawberry.UNSET
    gte: datetime | None = strawberry.UNSET
    lt: datetime | None = strawberry.UNSET
    lte: datetime | None = strawberry.UNSET
    is_null: bool | None = strawberry.UNSET


@strawberry.input(description=f"Conditions on a date. {_SHAPE}")
class DateFilter:
    eq: date | None = strawberry.UNSET
    gt: date | None = strawberry.UNSET
    gte: date | None = strawberry.UNSET
    lt: date | None = strawberry.UNSET
    lte: date | None = strawberry.UNSET
    is_null: bool | None = strawberry.UNSET


@strawberry.input(description=f"Conditions on a yes/no value. {_SHAPE}")
class BooleanFilter:
    eq: bool | None = strawberry.UNSET
    is_null: bool | None = strawberry.UNSET


@strawberry.input(description=f"Conditions on a launch's UUID. {_SHAPE}")
class UUIDFilter:
    eq: uuid.UUID | None = strawberry.UNSET
    in_: list[uuid.UUID] | None = strawberry.field(name="in", default=strawberry.UNSET)


def option(description: str, name: str | None = None) -> Any:
    """An optional input field (absent unless given)."""
    return strawberry.field(default=strawberry.UNSET, description=description, name=name)


RELATION_SUFFIX = "_where"  # a relation filter's field: ``status_where`` (GraphQL statusWhere)
AND = "All of these hold."
OR = "At least one of these holds."
NOT = "This does not hold."
SEARCH = (
    "Every word of it is found (ignoring case) in one of the searched fields, as LL2's `search`."
)


_OPERATOR_INPUTS = (
    IntFilter,
    FloatFilter,
    StringFilter,
    DateTimeFilter,
    DateFilter,
    BooleanFilter,
    UUIDFilter,
)


class Quantified:
    """The base of the ``some`` / ``none`` / ``every`` inputs :func:`quantified` makes."""


def quantified(node_filter: type, name: str, plural: str) -> type:
    """An input ``{some, none, every}`` over a to-many relation to nodes that ``node_filter``
    filters: at least one, none, or all of the related ``plural`` match (``every`` holds when
    there are none, as in PostGraphile's connection filter and Prisma)."""
    meanings = {
        "some": f"At least one of the {plural} matches.",
        "none": f"None of the {plural} matches.",
        "every": f"Every one of the {plural} matches (true when there are none).",
    }
    namespace: dict[str, Any] = {"__annotations__": {}}
    for quantifier, meaning in meanings.items():
        namespace["__annotations__"][quantifier] = node_filter | None
        namespace[quantifier] = option(meaning)
    cls = type(name, (Quantified,), namespace)
    description = f"Which {plural} must match; every condition given must hold."
    return strawberry.input(cls, description=description)


def _given(value: Any) -> bool:
    return value is not None and value is not strawberry.UNSET


def _plain(value: Any) -> Any:
    """A filter value as the loaders take it: hashable, UUIDs as text."""
    if isinstance(value, list):
        return tuple(_plain(v) for v in value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def to_ast(value: Any) -> Filter | None:
    """The loaders' filter for a node filter input (``None`` when it holds nothing); a filter
    over the size limits (:class:`loaders.listing.FilterLimits`) is refused here, before any
    SQL is built for it (:class:`UserInputError`)."""
    item = filter_ast(value)
    try:
        check_size(item)
    except FilterError as error:
        raise UserInputError(str(error)) from None
    return item


def filter_ast(value: Any) -> Filter | None:
    """:func:`to_ast` without the size check (the cost analysis prices any size)."""
    if not _given(value):
        return None
    items: list[Filter] = []
    # The instance's own fields, in declaration order (a dataclass's __init__ sets them so).
    for name, given in vars(value).items():
        if not _given(given):
            continue
        if name == "and_":
            items.append(AllOf(tuple(i for i in map(filter_ast, given) if i is not None)))
        elif name == "or_":
            items.append(AnyOf(tuple(i for i in map(filter_ast, given) if i is not None)))
        elif name == "not_":
            inner = filter_ast(given)
            if inner is not None:
                items.append(Not(inner))
        elif name == "search":
            items.append(Search(given))
        elif name.endswith(RELATION_SUFFIX):
            relation = name.removesuffix(RELATION_SUFFIX)
            # An empty inner filter asks only that the related row exists (or, under
            # ``every``, holds always).
            if isinstance(given, Quantified):
                for quantifier, inner in vars(given).items():
                    if _given(inner):
                        items.append(Related(relation, quantifier, filter_ast(inner) or AllOf(())))
            else:
                items.append(Related(relation, "is", filter_ast(given) or AllOf(())))
        elif isinstance(given, _OPERATOR_INPUTS):
            for op, operand in vars(given).items():
                if _given(operand):
                    items.append(Condition(name, op.rstrip("_"), _plain(operand)))
        elif has_object_definition(given):
            raise TypeError(f"unexpected input {type(given).__name__} in a filter")
        else:
            items.append(Condition(name, "eq", _plain(given)))
    if not items:
        return None
    return items[0] if len(items) == 1 else AllOf(tuple(items))
