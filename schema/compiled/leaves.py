"""Leaf values, exactly as graphql-core completes them, and the generated per-type dict builder.

graphql-core completes a leaf with ``return_type.serialize(value)`` and fails the field when
that gives ``None``/``Undefined`` or raises. The builder inlines the common case of the
built-in scalars (a ``str`` for ``String``/``ID``, an in-range ``int`` for ``Int``…), which
their serializers return unchanged, and calls the type's own serializer for everything else;
any doubt raises :class:`Fallback`, and the operation is run again on the standard executor.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLLeafType, Undefined, is_specified_scalar_type


class Fallback(Exception):
    """Compiled execution cannot give graphql-core's answer here: run the standard executor."""


# Inline tests that hold exactly when the built-in serializer returns the value unchanged.
_UNCHANGED = {
    "String": "{v}.__class__ is str",
    "ID": "{v}.__class__ is str",
    "Boolean": "{v}.__class__ is bool",
    "Int": "{v}.__class__ is int and -2147483648 <= {v} <= 2147483647",
    "Float": "{v}.__class__ is float and -1.7976931348623157e308 <= {v} <= 1.7976931348623157e308",
}


def checked(leaf_type: GraphQLLeafType) -> Callable[[Any], Any]:
    """The type's serializer, raising :class:`Fallback` where graphql-core reports an error."""
    serialize = leaf_type.serialize

    def serialize_checked(value: Any) -> Any:
        if value is None:
            raise Fallback(f"null for a non-null {leaf_type.name}")
        result = serialize(value)
        if result is None or result is Undefined:
            raise Fallback(f"{leaf_type.name} serialized {value!r} to nothing")
        return result

    return serialize_checked


def global_id(type_name: str) -> Callable[[Any], str]:
    """``Node.id`` of a record of ``type_name`` (as :func:`schema.node.to_global_id`)."""
    prefix = f"{type_name}:"
    encode = base64.urlsafe_b64encode

    def make(key: Any) -> str:
        return encode(f"{prefix}{key}".encode()).decode().rstrip("=")

    return make


@dataclass(frozen=True)
class Leaf:
    """A response key read from the source (``column`` of a record, or ``attribute``)."""

    key: str
    name: str  # column or attribute
    leaf_type: GraphQLLeafType
    non_null: bool


@dataclass(frozen=True)
class Constant:
    """``__typename``."""

    key: str
    value: str


@dataclass(frozen=True)
class GlobalIdLeaf:
    key: str
    type_name: str


@dataclass(frozen=True)
class Slot:
    """A key a step fills in later (it keeps its place in the field order)."""

    key: str


Entry = Leaf | Constant | GlobalIdLeaf | Slot


def make_builder(entries: Sequence[Entry], records: bool) -> Callable[[list[Any]], list[dict]]:
    """``build(sources) -> [dict]``: every entry of each source, in field order.

    ``records`` sources are mappings read by column, others objects read by attribute.
    """
    names: dict[str, Any] = {"Fallback": Fallback}
    lines = [
        "def build(sources):",
        "    out = []",
        "    append = out.append",
        "    for r in sources:",
    ]
    items = []
    for i, entry in enumerate(entries):
        v = f"v{i}"
        if isinstance(entry, Leaf):
            read = f"r[{entry.name!r}]" if records else f"r.{entry.name}"
            lines.append(f"        {v} = {read}")
            names[f"s{i}"] = checked(entry.leaf_type)
            test = (
                _UNCHANGED.get(entry.leaf_type.name)
                if is_specified_scalar_type(entry.leaf_type)
                else None
            )
            if entry.non_null:
                cond = f"not ({test.format(v=v)})" if test else "True"
            else:
                cond = f"{v} is not None" + (f" and not ({test.format(v=v)})" if test else "")
            lines.append(f"        if {cond}:")
            lines.append(f"            {v} = s{i}({v})")
            items.append(f"{entry.key!r}: {v}")
        elif isinstance(entry, Constant):
            items.append(f"{entry.key!r}: {entry.value!r}")
        elif isinstance(entry, GlobalIdLeaf):
            names[f"g{i}"] = global_id(entry.type_name)
            items.append(f"{entry.key!r}: g{i}(r['id'])")
        else:
            items.append(f"{entry.key!r}: None")
    lines.append("        append({" + ", ".join(items) + "})")
    lines.append("    return out")
    exec(compile("\n".join(lines), "<compiled plan>", "exec"), names)
    return names["build"]  # type: ignore[no-any-return]
