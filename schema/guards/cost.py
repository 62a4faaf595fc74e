"""The cost of an operation, computed from the document and its variables before execution.

Cost estimates how many field values a response can hold: every field counts once per time it
is resolved, and a list multiplies what is below it — a connection's ``edges``/``nodes`` by
its ``first``/``last`` (10 when neither is given, as the resolvers do), ``nodes(ids:)`` and
``_entities`` by the number of ids, any other list by ``default_list_size``. Fragments are
costed once per use site's page size (memoised), so the estimate is linear in the document.
Introspection is free: its size is fixed by the schema.

A ``filter`` adds its price to its field, once per time the field is resolved: a condition
or an ``in`` item counts 1, a text match (``contains``, each ``search`` word) counts
``TEXT_MATCH``, since it scans every row its listing holds instead of an index range.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValueNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
    get_variable_values,
    is_list_type,
    value_from_ast,
)
from graphql.language import DocumentNode
from graphql.pyutils import Undefined
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.arguments import convert_argument

from loaders.listing import AllOf, AnyOf, Filter, Not, Related, Search
from schema.filters import filter_ast
from schema.guards.codes import COST_LIMIT, INPUT_LIMIT, PAGE_SIZE
from schema.guards.limits import Limits

DEFAULT_PAGE = 10  # what a connection returns when given neither first nor last
COUNTED_ARGUMENTS = ("ids", "representations")
TEXT_MATCH = 25  # the price of a ``contains`` or of one ``search`` word, in fields
RELATION = 10  # the price of reaching through a relation (``statusWhere``…): a subquery


class _Costing:
    def __init__(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        variables: dict[str, Any],
        limits: Limits,
    ) -> None:
        self.schema = schema
        self.variables = variables
        self.limits = limits
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.memo: dict[tuple[str, int | None], int] = {}

    def unit(self, selection_set: SelectionSetNode | None, type_name: str, hint: int | None) -> int:
        """Cost of ``selection_set`` on ``type_name`` resolved once."""
        if selection_set is None:
            return 0
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.field(selection, type_name, hint)
            elif isinstance(selection, InlineFragmentNode):
                on = selection.type_condition.name.value if selection.type_condition else type_name
                total += self.unit(selection.selection_set, on, hint)
            elif isinstance(selection, FragmentSpreadNode):
                total += self.spread(selection.name.value, hint)
        return total

    def spread(self, name: str, hint: int | None) -> int:
        key = (name, hint)
        if key not in self.memo:
            fragment = self.fragments.get(name)
            self.memo[key] = 0  # a cycle (refused by validation anyway) adds nothing
            if fragment is not None:
                on = fragment.type_condition.name.value
                self.memo[key] = self.unit(fragment.selection_set, on, hint)
        return self.memo[key]

    def field(self, node: FieldNode, type_name: str, hint: int | None) -> int:
        name = node.name.value
        if name.startswith("__"):
            return 0
        parent = self.schema.get_type(type_name)
        definition: GraphQLField | None = getattr(parent, "fields", {}).get(name)
        if definition is None:
            return 0
        arguments = {arg.name.value: arg.value for arg in node.arguments or ()}
        child_hint = self.page_size(arguments) if "first" in definition.args else None
        size = 1
        if is_list_type(get_nullable_type(definition.type)):
            size = self.list_size(name, arguments, hint)
        inner = get_named_type(definition.type).name
        own = 1 + self.filter_price(definition, arguments)
        return own + size * self.unit(node.selection_set, inner, child_hint)

    def filter_price(self, definition: GraphQLField, arguments: dict[str, ValueNode]) -> int:
        node, argument = arguments.get("filter"), definition.args.get("filter")
        if node is None or argument is None:
            return 0
        value = value_from_ast(node, argument.type, self.variables)
        if value is Undefined:
            return 0
        # The input as the resolver will get it (Strawberry's conversion), and the AST the
        # listing will run: the price reads the filter the one way everything else does.
        field = definition.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
        declared = next((a for a in field.arguments if a.python_name == "filter"), None)
        strawberry_schema = self.schema._strawberry_schema  # type: ignore[attr-defined]
        converted = convert_argument(
            value,
            declared.type,
            strawberry_schema.schema_converter.scalar_registry,
            strawberry_schema.config,
        )
        return filter_price(filter_ast(converted))

    def page_size(self, arguments: dict[str, ValueNode]) -> int:
        sizes = {}
        for name in ("first", "last"):
            value = self.value(arguments.get(name))
            if isinstance(value, int):
                if value > self.limits.max_page_size:
                    raise GraphQLError(
                        f"`{name}` must be between 0 and {self.limits.max_page_size} "
                        f"(got {value}); page with `after`/`before` cursors to see more",
                        nodes=[arguments[name]],  # where the client wrote it
                        extensions={"code": PAGE_SIZE},
                    )
                sizes[name] = max(value, 0)
        return sizes.get("first", sizes.get("last", DEFAULT_PAGE))

    def list_size(self, name: str, arguments: dict[str, ValueNode], hint: int | None) -> int:
        if name in ("edges", "nodes") and hint is not None:
            return hint
        for argument in COUNTED_ARGUMENTS:
            if argument in arguments:
                value = self.value(arguments[argument])
                return len(value) if isinstance(value, list) else self.limits.default_list_size
        return self.limits.default_list_size

    def value(self, node: ValueNode | None) -> Any:
        if isinstance(node, VariableNode):
            return self.variables.get(node.name.value)
        if isinstance(node, IntValueNode):
            return int(node.value)
        if isinstance(node, ListValueNode):
            return list(node.values)
        return None


def filter_price(item: Filter | None) -> int:
    """The price of a filter, on the AST the listings run (:func:`schema.filters.filter_ast`)."""
    if item is None:
        return 0
    if isinstance(item, AllOf | AnyOf):
        return sum(filter_price(inner) for inner in item.items)
    if isinstance(item, Not):
        return filter_price(item.item)
    if isinstance(item, Search):
        return TEXT_MATCH * max(1, len(item.text.split()))
    if isinstance(item, Related):
        return RELATION + filter_price(item.item)
    if item.op == "in":
        return len(item.value)
    return TEXT_MATCH if item.op == "contains" else 1


def operation_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: dict[str, Any] | None,
    limits: Limits,
) -> int:
    """The cost of the operation that will run; a page size over the limit raises."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [op for op in operations if op.name and op.name.value == operation_name]
    if len(operations) != 1:
        return 0  # execution reports the missing/ambiguous operation
    operation = operations[0]
    check_input_size(variables, limits)
    # The values execution will see: graphql-core's own coercion (a float 100.0 given for an
    # Int is 100 there, and must cost as 100 here), defaults included.
    coerced = get_variable_values(schema, operation.variable_definitions or (), variables or {})
    if isinstance(coerced, list):
        return 0  # execution refuses the variables before anything runs
    values = dict(coerced.coerced)
    root = schema.get_root_type(operation.operation)
    if root is None:
        return 0
    return _Costing(schema, document, values, limits).unit(operation.selection_set, root.name, None)


def check_input_size(variables: Any, limits: Limits) -> None:
    """Refuse variables holding more than ``limits.max_input_values`` values before they are
    coerced: coercion (graphql-core's, then Strawberry's) costs ~10 µs a value, so a 500 KB
    list would buy seconds of CPU before any other limit looked at it. (A document's own
    literals are bounded by its token limit.)"""
    count, pending = 1, [variables]  # each value is counted once, by its container
    while pending:
        value = pending.pop()
        if not isinstance(value, dict | list):
            continue
        count += len(value)
        if count > limits.max_input_values:  # before looking inside a list of 60,000
            raise GraphQLError(
                f"the variables hold more than {limits.max_input_values} values",
                extensions={"code": INPUT_LIMIT, "maxInputValues": limits.max_input_values},
            )
        pending.extend(value.values() if isinstance(value, dict) else value)


def check_cost(cost: int, limits: Limits) -> None:
    """Refuse an operation whose :func:`operation_cost` is over the limit."""
    if cost > limits.max_cost:
        raise GraphQLError(
            f"this operation could resolve up to {cost} fields; at most {limits.max_cost}: "
            "ask for smaller pages or fewer nested lists",
            extensions={"code": COST_LIMIT, "cost": cost, "maxCost": limits.max_cost},
        )
