"""The mode documents of ``schema/rest/``: read, completed with their fragments, validated once.

``<endpoint>.<mode>.graphql`` holds a ``list`` operation, ``<endpoint>.detail.graphql`` a
``detail`` one; both spread fragments kept in ``fragments/<Type>.graphql``. A document is
parsed, joined with the fragments it uses (transitively) and validated against the schema the
first time it is asked for; after that every request executes the same ``DocumentNode``.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    OperationDefinitionNode,
    parse,
    validate,
    visit,
)
from graphql.language import Visitor

from gateway.rest.endpoints import DOCUMENTS


class DocumentError(RuntimeError):
    """A mode document that does not parse or validate against the schema."""


@dataclass(frozen=True)
class ModeDocument:
    name: str  # e.g. "spacecraft_flights.detailed"
    document: DocumentNode
    source: str  # the operation and its fragments, as executed


@functools.cache
def endpoint_data() -> dict[str, Any]:
    """LL2's description of each endpoint (generated from its OpenAPI: ``endpoints.json``)."""
    data: dict[str, Any] = json.loads((DOCUMENTS / "endpoints.json").read_bytes())
    return data


@functools.cache
def _fragments(folder: Path = DOCUMENTS / "fragments") -> dict[str, FragmentDefinitionNode]:
    found: dict[str, FragmentDefinitionNode] = {}
    for path in sorted(folder.glob("*.graphql")):
        for definition in parse(path.read_text()).definitions:
            if isinstance(definition, FragmentDefinitionNode):
                found[definition.name.value] = definition
    return found


class _Spreads(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_: Any) -> None:
        self.names.append(node.name.value)


def _used_fragments(root: Any) -> list[FragmentDefinitionNode]:
    """The fragments ``root`` spreads, and the ones they spread, in first-use order."""
    fragments = _fragments()
    seen: dict[str, FragmentDefinitionNode] = {}
    pending = [root]
    while pending:
        spreads = _Spreads()
        visit(pending.pop(), spreads)
        for name in spreads.names:
            if name not in seen:
                if name not in fragments:
                    raise DocumentError(f"unknown fragment {name}")
                seen[name] = fragments[name]
                pending.append(fragments[name])
    return list(seen.values())


@functools.cache
def mode_document(name: str) -> ModeDocument:
    """``schema/rest/<name>.graphql`` with its fragments, validated (cached per process)."""
    from graphql import print_ast

    from schema import schema

    path = DOCUMENTS / f"{name}.graphql"
    try:
        operations = [
            d for d in parse(path.read_text()).definitions if isinstance(d, OperationDefinitionNode)
        ]
    except (OSError, GraphQLError) as error:
        raise DocumentError(f"{path}: {error}") from error
    if len(operations) != 1:
        raise DocumentError(f"{path}: expected one operation, found {len(operations)}")
    document = DocumentNode(definitions=(operations[0], *_used_fragments(operations[0])))
    errors = validate(schema._schema, document)
    if errors:
        raise DocumentError(f"{path}: " + "; ".join(e.message for e in errors))
    return ModeDocument(name, document, print_ast(document))
