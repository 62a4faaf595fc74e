"""Structural limits checked on the parsed document before the (costlier) spec validation:
selection depth, aliases and directives. Tokens are limited by the parser itself.

Depth follows fragment spreads (each fragment measured once, so a document cannot make this
check slow) and stops at a fragment cycle, which spec validation then reports.
Introspection (``__schema``, ``__type``) does not count: its depth is fixed by the schema.
"""

from __future__ import annotations

from dataclasses import dataclass

from graphql import (
    DirectiveNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    Visitor,
    visit,
)

from schema.guards.codes import ALIAS_LIMIT, DEPTH_LIMIT, DIRECTIVE_LIMIT


@dataclass(frozen=True)
class Limits:
    """What one operation may ask for (all enforced before any resolver runs)."""

    max_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 5000
    max_directives: int = 50
    max_cost: int = 50_000
    max_input_values: int = 1_000  # values in an operation's variables, containers included
    max_page_size: int = 100
    default_list_size: int = 10
    field_suggestions: bool = True


class _Counter(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.aliases = 0
        self.directives = 0

    def enter_field(self, node: FieldNode, *_: object) -> None:
        if node.alias is not None:
            self.aliases += 1

    def enter_directive(self, node: DirectiveNode, *_: object) -> None:
        self.directives += 1


def check_structure(document: DocumentNode, limits: Limits) -> list[GraphQLError]:
    counter = _Counter()
    visit(document, counter)
    errors = []
    if counter.aliases > limits.max_aliases:
        errors.append(
            _error(f"{counter.aliases} aliases; at most {limits.max_aliases}", ALIAS_LIMIT)
        )
    if counter.directives > limits.max_directives:
        errors.append(
            _error(
                f"{counter.directives} directives; at most {limits.max_directives}",
                DIRECTIVE_LIMIT,
            )
        )
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    depths: dict[str, int] = {}
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            depth = _depth(definition.selection_set, fragments, depths, set())
            if depth > limits.max_depth:
                name = definition.name.value if definition.name else "the operation"
                errors.append(
                    _error(
                        f"{name} is {depth} levels deep; at most {limits.max_depth}",
                        DEPTH_LIMIT,
                    )
                )
    return errors


def _depth(
    selection_set: SelectionSetNode | None,
    fragments: dict[str, FragmentDefinitionNode],
    memo: dict[str, int],
    visiting: set[str],
) -> int:
    if selection_set is None:
        return 0
    deepest = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            if selection.name.value.startswith("__"):
                continue
            deepest = max(deepest, 1 + _depth(selection.selection_set, fragments, memo, visiting))
        elif isinstance(selection, InlineFragmentNode):
            deepest = max(deepest, _depth(selection.selection_set, fragments, memo, visiting))
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            if name not in memo:
                fragment = fragments.get(name)
                if fragment is None or name in visiting:
                    continue  # unknown fragment or a cycle: spec validation reports it
                visiting.add(name)
                memo[name] = _depth(fragment.selection_set, fragments, memo, visiting)
                visiting.discard(name)
            deepest = max(deepest, memo[name])
    return deepest


def _error(message: str, code: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code})
