"""Relay object identification: the ``Node`` interface, global ids, and the node registry.

A global id is url-safe base64 of ``<Type>:<LL2 id>`` (``Flight:859``). Every type backed by
a store table registers here with :func:`node`, which is also how resolvers find the type to
build from a record (``type_for_table``) without importing each other's modules.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import strawberry

from schema.compiled.relations import META, GlobalId
from schema.errors import UserInputError

T = TypeVar("T", bound=type)


@strawberry.interface(
    description="An object with a globally unique id (Relay object identification): "
    "`node(id:)` refetches it."
)
class Node:
    @strawberry.field(
        description="Globally unique, opaque id of this object; `ll2Id` is LL2's own id.",
        metadata={META: GlobalId()},
    )
    def id(self) -> strawberry.ID:
        name = self.__strawberry_definition__.name  # type: ignore[attr-defined]
        return to_global_id(name, self.ll2_id)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class NodeKind:
    name: str
    table: str
    cls: type
    parse_key: Callable[[str], Any]


INT64_MAX = 2**63 - 1
NODES_BY_NAME: dict[str, NodeKind] = {}
NODES_BY_TABLE: dict[str, NodeKind] = {}


def _int_key(text: str) -> int:
    if not text.isascii() or not text.isdigit() or len(text) > 19 or int(text) > INT64_MAX:
        raise ValueError(f"{text!r} is not an integer id")  # the store's ids are 64-bit
    return int(text)


def _uuid_key(text: str) -> str:
    return str(uuid.UUID(text))


def node(table: str) -> Callable[[T], T]:
    """Register a Strawberry type as the node for a store table (apply above @strawberry.type)."""

    def register(cls: T) -> T:
        name = cls.__strawberry_definition__.name  # type: ignore[attr-defined]
        parse = _uuid_key if table == "launches" else _int_key
        kind = NodeKind(name, table, cls, parse)
        if name in NODES_BY_NAME or table in NODES_BY_TABLE:
            raise RuntimeError(f"node {name} / table {table} registered twice")
        NODES_BY_NAME[name] = NODES_BY_TABLE[table] = kind
        return cls

    return register


def type_for_table(table: str) -> type:
    return NODES_BY_TABLE[table].cls


def to_global_id(type_name: str, key: Any) -> strawberry.ID:
    raw = f"{type_name}:{key}".encode()
    return strawberry.ID(base64.urlsafe_b64encode(raw).decode().rstrip("="))


def from_global_id(global_id: str) -> tuple[NodeKind, Any]:
    """The node kind and LL2 key of a global id; :class:`UserInputError` when malformed."""
    try:
        raw = base64.urlsafe_b64decode(global_id + "=" * (-len(global_id) % 4)).decode()
        name, _, text = raw.partition(":")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise UserInputError(f"malformed global id {global_id!r}: not base64 text") from None
    kind = NODES_BY_NAME.get(name)
    if kind is None or not text:
        raise UserInputError(
            f"malformed global id {global_id!r}: expected base64 of '<Type>:<id>' for a known type"
        )
    try:
        return kind, kind.parse_key(text)
    except ValueError:
        raise UserInputError(
            f"malformed global id {global_id!r}: {text!r} is not a valid {name} id"
        ) from None
