"""Queries for the differential tests: hypothesis strategies over the real schema, fed with ids
and cursors harvested from the data set, and rewritten so that they exercise what an executor
has to get right (aliases, fragments, directives, variables, merged selections).

:func:`selections` draws the shape of a query (which fields, how deep, inline fragments on
interfaces) the way hypothesis-graphql's sampler does, with its building blocks and its
argument values for the ordinary arguments — but smaller, and cheaper to draw on a schema of
this size. :class:`_Builder` then draws the arguments that select data — ids, ll2Ids, page
arguments — from what the database holds (see :func:`harvest`), with some deliberately wrong
ones mixed in, turns some literals into variables, and dresses the selections up: aliases
with arguments of their own, ``__typename``, named and inline fragments, ``@skip``/``@include``
on literals and variables, and one field split in two to be merged again.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import graphql
from graphql import (
    ArgumentNode,
    BooleanValueNode,
    DirectiveNode,
    DocumentNode,
    FieldNode,
    FloatValueNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLInputType,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    NamedTypeNode,
    NameNode,
    NullValueNode,
    OperationDefinitionNode,
    OperationType,
    SelectionNode,
    SelectionSetNode,
    StringValueNode,
    ValueNode,
    VariableDefinitionNode,
    VariableNode,
    get_named_type,
    print_ast,
    value_from_ast_untyped,
)
from hypothesis import strategies as st
from hypothesis_graphql._strategies.builder import build_selection_set
from hypothesis_graphql._strategies.oracle import (
    is_leaf,
    min_depths,
    selectable_fields,
    unwrap,
)
from hypothesis_graphql._strategies.strategy import GraphQLStrategy
from hypothesis_graphql._strategies.weighted import weighted_boolean

from schema.node import NODES_BY_NAME, to_global_id

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine
    from strawberry import Schema

# Root fields the generator may start from: everything but the federation plumbing
# (``_entities``/``_service`` always run on the standard executor).
MAX_DEPTH = 8  # selection levels, as hypothesis-graphql
_SIZES = [st.integers(1, n) for n in (3, 4, 3, 2)]  # fields a selection set, by depth
EXCLUDED_ROOTS = frozenset({"_entities", "_service"})
PAGE_ARGS = ("first", "after", "last", "before", "offset")
MISSING_INT_ID = 987_654_321
MISSING_UUID = "00000000-0000-4000-8000-000000000000"


@dataclass(frozen=True)
class Case:
    """One operation to run on both executors."""

    query: str
    variables: dict[str, Any] = field(default_factory=dict)
    operation_name: str | None = None

    def __repr__(self) -> str:
        variables = json.dumps(self.variables, ensure_ascii=False)
        name = f" operation_name={self.operation_name!r}" if self.operation_name else ""
        return f"Case(variables={variables}{name}):\n{self.query}"


@dataclass
class Known:
    """What the data set holds, for realistic arguments."""

    ll2_ids: dict[str, list[Any]] = field(default_factory=dict)  # node type -> LL2 ids
    global_ids: dict[str, list[str]] = field(default_factory=dict)  # node type -> global ids
    cursors: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (type, order)

    def all_global_ids(self) -> list[str]:
        return [gid for ids in self.global_ids.values() for gid in ids]


def root_connections(schema: GraphQLSchema) -> dict[str, tuple[str, GraphQLEnumType]]:
    """Root connection fields: name -> (node type name, order enum)."""
    found = {}
    assert schema.query_type is not None
    for name, gql_field in schema.query_type.fields.items():
        if "orderBy" in gql_field.args:
            connection = get_named_type(gql_field.type)
            assert isinstance(connection, GraphQLObjectType)
            node = get_named_type(connection.fields["nodes"].type)
            order = get_named_type(gql_field.args["orderBy"].type)
            assert isinstance(order, GraphQLEnumType)
            found[name] = (node.name, order)
    return found


async def harvest(schema: Schema, engine: AsyncEngine, context_factory: Any) -> Known:
    """Ids and cursors of the data set, read through the (standard) schema."""
    known = Known()
    for root, (node_type, order) in root_connections(schema._schema).items():
        parts = [
            f"o{i}: {root}(first: 4, orderBy: {value}) {{ edges {{ cursor node {{ id ll2Id }} }} }}"
            f" l{i}: {root}(last: 2, orderBy: {value}) {{ edges {{ cursor }} }}"
            for i, value in enumerate(order.values)
        ]
        result = await schema.execute(
            "{ " + " ".join(parts) + " }", context_value=context_factory(engine)
        )
        assert not result.errors, [e.formatted for e in result.errors]
        assert result.data is not None
        for i, value in enumerate(order.values):
            edges = result.data[f"o{i}"]["edges"] + result.data[f"l{i}"]["edges"]
            known.cursors[(node_type, value)] = [e["cursor"] for e in edges]
            for edge in result.data[f"o{i}"]["edges"]:
                node = edge["node"]
                if node["ll2Id"] not in known.ll2_ids.setdefault(node_type, []):
                    known.ll2_ids[node_type].append(node["ll2Id"])
                    known.global_ids.setdefault(node_type, []).append(node["id"])
    # Node types only reached through others (statuses, types …): id 1 usually exists.
    for name in NODES_BY_NAME:
        known.global_ids.setdefault(name, [to_global_id(name, 1)])
    return known


# --- scalar values ---------------------------------------------------------------------------


def _strings(*values: str) -> st.SearchStrategy[ValueNode]:
    return st.sampled_from(values).map(lambda v: StringValueNode(value=v))


def _ints(*values: int) -> st.SearchStrategy[ValueNode]:
    return st.sampled_from(values).map(lambda v: IntValueNode(value=str(v)))


def _node(value: Any) -> ValueNode:
    """A literal for a JSON-ish Python value."""
    if value is None:
        return NullValueNode()
    if isinstance(value, bool):
        return BooleanValueNode(value=value)
    if isinstance(value, int):
        return IntValueNode(value=str(value))
    if isinstance(value, float):
        return FloatValueNode(value=repr(value))
    if isinstance(value, list):
        return ListValueNode(values=tuple(_node(v) for v in value))
    return StringValueNode(value=str(value))


def scalar_strategies(known: Known) -> dict[str, st.SearchStrategy[ValueNode]]:
    """Literals for every scalar: mostly plausible values, some that the scalar refuses."""
    launch_ids = [str(i) for i in known.ll2_ids.get("Launch", [])] or [MISSING_UUID]
    return {
        "DateTime": _strings(
            "1957-10-04T19:28:34Z",
            "2020-01-01T00:00:00Z",
            "2024-09-06T01:10:00+02:00",
            "2100-01-01T00:00:00Z",
            "2020-01-01T00:00:00",  # no timezone: refused
            "yesterday",
        )
        | _ints(5),
        "Date": _strings("1957-10-04", "2000-02-29", "2030-12-31", "2021-02-30"),
        "Duration": _strings("P266DT10H58M", "PT1H", "P1Y", "ten days", "P"),
        "BigInt": _ints(0, 1, -5, 2**40, 2**63 - 1) | _strings("12"),
        "UUID": st.sampled_from([*launch_ids, MISSING_UUID, "not-a-uuid"]).map(
            lambda v: StringValueNode(value=v)
        ),
        "Int": st.integers(-2, 12).map(lambda v: IntValueNode(value=str(v)))
        | _ints(100, 101, 1000, 2**31 - 1, -(2**31)),
        "Float": st.sampled_from(["0", "1.5", "-1", "1e10", "400.25"]).map(
            lambda v: FloatValueNode(value=v)
        ),
        "String": _strings("", "a", "Soyuz", "ISS", "Falcon 9", "NASA", "%", "_", "'", "Ü")
        | st.text(alphabet="abcXYZ 0_%\\'\"é", max_size=4).map(lambda v: StringValueNode(value=v)),
        "ID": st.sampled_from([*known.all_global_ids()[:40], "Zm9v", "!!", ""]).map(
            lambda v: StringValueNode(value=v)
        ),
        "_Any": _strings("{}"),
    }


def _id_values(known: Known, type_name: str | None) -> st.SearchStrategy[str]:
    """Global ids: mostly existing ones of the field's type, then of any type, and one in ten
    unknown or malformed."""
    own = known.global_ids.get(type_name or "", []) if type_name else []
    everything = known.all_global_ids()
    wrong = [
        to_global_id(type_name or "Flight", MISSING_INT_ID),  # well formed, not there
        to_global_id("Launch", MISSING_UUID),
        to_global_id("Nope", 1),  # no such type
        to_global_id("Flight", "x"),  # not an int key
        "not base64!",
        "",
    ]
    pools = [own or everything] * 7 + [everything] * 2 + [wrong]
    return st.sampled_from(pools).flatmap(st.sampled_from)


def _ll2_id_value(
    known: Known, type_name: str, arg_type: GraphQLInputType
) -> st.SearchStrategy[Any]:
    existing = known.ll2_ids.get(type_name, [])
    is_uuid = get_named_type(arg_type).name == "UUID"
    missing = [MISSING_UUID, "not-a-uuid"] if is_uuid else [MISSING_INT_ID, -1]
    pools = [existing] * 9 + [missing] if existing else [missing]
    return st.sampled_from(pools).flatmap(st.sampled_from)


# --- the rewrite -----------------------------------------------------------------------------


@dataclass
class _Builder:
    """Per-query state while rewriting: new variables and fragments."""

    draw: st.DrawFn
    schema: GraphQLSchema
    known: Known
    variables: dict[str, Any] = field(default_factory=dict)
    definitions: list[VariableDefinitionNode] = field(default_factory=list)
    fragments: list[FragmentDefinitionNode] = field(default_factory=list)
    aliases: int = 0
    directives: int = 0

    def chance(self, p: float) -> bool:
        return bool(self.draw(_boolean(p)))

    def variable(
        self, type_: GraphQLInputType, value: Any, *, default: ValueNode | None = None
    ) -> VariableNode:
        name = f"v{len(self.definitions)}"
        self.definitions.append(
            VariableDefinitionNode(
                variable=VariableNode(name=NameNode(value=name)),
                type=graphql.parse_type(str(type_)),
                default_value=default,
                directives=(),
            )
        )
        if default is None or self.chance(0.5):
            self.variables[name] = value
        return VariableNode(name=NameNode(value=name))

    def maybe_variable(self, type_: GraphQLInputType, value: ValueNode) -> ValueNode:
        """Half the time pass the literal as a variable instead (coerced by the executor)."""
        if isinstance(value, VariableNode) or not self.chance(0.3):
            return value
        return self.variable(type_, value_from_ast_untyped(value))

    # arguments

    def arguments(self, gql_field: graphql.GraphQLField, drawn: tuple[ArgumentNode, ...]) -> list:
        args = gql_field.args
        given = {a.name.value: a.value for a in drawn}
        target = get_named_type(gql_field.type)
        chosen: dict[str, ValueNode] = {}
        if "orderBy" in args:
            node_type = get_named_type(target.fields["nodes"].type).name  # type: ignore[union-attr]
            chosen = self.page_arguments(node_type, args, given)
        elif set(args) == {"id", "ll2Id"}:
            chosen = self.lookup_arguments(target.name, args)
        elif set(args) == {"id"}:
            chosen = {"id": StringValueNode(value=self.draw(_id_values(self.known, None)))}
        elif set(args) == {"ids"}:
            ids = self.draw(st.lists(_id_values(self.known, None), max_size=5))
            chosen = {"ids": _node(ids)}
        else:
            chosen = dict(given)
        return [
            ArgumentNode(name=NameNode(value=name), value=self.maybe_variable(args[name].type, v))
            for name, v in chosen.items()
        ]

    def lookup_arguments(self, type_name: str, args: dict) -> dict[str, ValueNode]:
        how = self.draw(st.sampled_from(["id"] * 5 + ["ll2Id"] * 4 + ["both", "none"]))
        chosen: dict[str, ValueNode] = {}
        if how in ("id", "both"):
            chosen["id"] = _node(self.draw(_id_values(self.known, type_name)))
        if how in ("ll2Id", "both"):
            chosen["ll2Id"] = _node(
                self.draw(_ll2_id_value(self.known, type_name, args["ll2Id"].type))
            )
        return chosen

    def page_arguments(
        self, node_type: str, args: dict, given: dict[str, ValueNode]
    ) -> dict[str, ValueNode]:
        draw = self.draw
        chosen: dict[str, ValueNode] = {}
        order = given.get("orderBy")
        if order is not None and self.chance(0.5):
            chosen["orderBy"] = order
        order_name = (
            order.value
            if "orderBy" in chosen and hasattr(order, "value")
            else str(args["orderBy"].default_value.name)
        )
        small = st.integers(0, 4) | st.sampled_from([10, 100])
        plan = draw(
            st.sampled_from(
                ["none", "first", "first", "first", "last", "after", "before", "offset"] * 2
                + ["bad"]
            )
        )
        cursors = self.known.cursors.get((node_type, order_name), [])
        other = [c for (t, o), cs in self.known.cursors.items() if t == node_type for c in cs]
        if plan in ("first", "after", "offset"):
            chosen["first"] = _node(draw(small))
        if plan == "last" or plan == "before":
            chosen["last"] = _node(draw(small))
        if plan in ("after", "before") and (cursors or other):
            pool = cursors if cursors and self.chance(0.8) else other or cursors
            chosen[plan] = _node(draw(st.sampled_from(pool)))
        if plan == "offset":
            chosen["offset"] = _node(draw(st.integers(0, 30) | st.just(5000)))
        if plan == "bad":
            wrong = draw(
                st.sampled_from(
                    [
                        {"first": 101},
                        {"first": -1},
                        {"last": -1},
                        {"first": 2, "last": 2},
                        {"last": 2, "offset": 1},
                        {"first": 2, "after": "bm90IGEgY3Vyc29y"},
                        {"first": 2, "after": "%%%"},
                        {"before": "eyJvIjogMX0"},
                        {"offset": -3},
                    ]
                )
            )
            chosen.update({k: _node(v) for k, v in wrong.items()})
        if "filter" in given and self.chance(0.25):
            chosen["filter"] = given["filter"]
        return chosen

    # selections

    def selection_set(
        self, selection_set: SelectionSetNode, parent: GraphQLNamedType, depth: int
    ) -> SelectionSetNode:
        selections: list[SelectionNode] = []
        for selection in selection_set.selections:
            if isinstance(selection, InlineFragmentNode):
                assert selection.type_condition is not None
                on = self.schema.get_type(selection.type_condition.name.value)
                assert on is not None
                inner = self.selection_set(selection.selection_set, on, depth)
                selections.append(
                    InlineFragmentNode(
                        type_condition=selection.type_condition,
                        directives=self.maybe_directives(),
                        selection_set=inner,
                    )
                )
                continue
            assert isinstance(selection, FieldNode)
            selections.extend(self.field(selection, parent, depth))
        if self.chance(0.15):
            where = self.draw(st.integers(0, len(selections)))
            selections.insert(where, _field("__typename"))
        if len(selections) > 1 and self.chance(0.15):
            selections = self.into_fragment(selections, parent)
        return SelectionSetNode(selections=tuple(selections))

    def field(self, node: FieldNode, parent: GraphQLNamedType, depth: int) -> list[SelectionNode]:
        assert isinstance(parent, GraphQLObjectType | GraphQLInterfaceType)
        gql_field = parent.fields[node.name.value]
        target = get_named_type(gql_field.type)
        made = [self.one_field(node, gql_field, target, depth, alias=node.alias)]
        if self.chance(0.1) and self.aliases < 20:
            # The same field again under an alias — with arguments of its own.
            self.aliases += 1
            alias = NameNode(value=f"a{self.aliases}_{node.name.value}")
            made.append(self.one_field(node, gql_field, target, depth, alias=alias))
        first = made[0]
        if (
            isinstance(first, FieldNode)
            and first.selection_set is not None
            and len(first.selection_set.selections) > 1
            and self.chance(0.1)
        ):
            # Merged selections: the same response key twice, each with part of the selection.
            half = len(first.selection_set.selections) // 2
            a, b = first.selection_set.selections[:half], first.selection_set.selections[half:]
            made[0] = _with_selections(first, a)
            copy = _with_selections(first, b)
            if self.chance(0.5):
                made.append(copy)
            else:
                made.append(*self.into_fragment([copy], parent))
        return made

    def one_field(
        self,
        node: FieldNode,
        gql_field: graphql.GraphQLField,
        target: GraphQLNamedType,
        depth: int,
        alias: NameNode | None,
    ) -> FieldNode:
        arguments = self.arguments(gql_field, tuple(node.arguments or ())) if gql_field.args else []
        inner = (
            self.selection_set(node.selection_set, target, depth + 1)
            if node.selection_set is not None
            else None
        )
        return FieldNode(
            alias=alias,
            name=node.name,
            arguments=tuple(arguments),
            directives=self.maybe_directives(),
            selection_set=inner,
        )

    def maybe_directives(self) -> tuple[DirectiveNode, ...]:
        if self.directives >= 30 or not self.chance(0.08):
            return ()
        self.directives += 1
        name = self.draw(st.sampled_from(["include", "skip"]))
        value = self.draw(st.booleans())
        condition: ValueNode
        if self.chance(0.5):
            condition = BooleanValueNode(value=value)
        elif self.chance(0.5):
            condition = self.variable(GraphQLNonNull(graphql.GraphQLBoolean), value)
        else:
            condition = self.variable(
                graphql.GraphQLBoolean, value, default=BooleanValueNode(value=not value)
            )
        argument = ArgumentNode(name=NameNode(value="if"), value=condition)
        return (DirectiveNode(name=NameNode(value=name), arguments=(argument,)),)

    def into_fragment(
        self, selections: list[SelectionNode], parent: GraphQLNamedType
    ) -> list[SelectionNode]:
        """Move some selections into a named fragment (or an untyped inline one)."""
        cut = self.draw(st.integers(1, len(selections)))
        moved, kept = selections[:cut], selections[cut:]
        if self.chance(0.3):
            spread: SelectionNode = InlineFragmentNode(
                type_condition=None,
                directives=self.maybe_directives(),
                selection_set=SelectionSetNode(selections=tuple(moved)),
            )
        else:
            name = f"F{len(self.fragments)}"
            self.fragments.append(
                FragmentDefinitionNode(
                    name=NameNode(value=name),
                    type_condition=NamedTypeNode(name=NameNode(value=parent.name)),
                    directives=(),
                    selection_set=SelectionSetNode(selections=tuple(moved)),
                )
            )
            spread = FragmentSpreadNode(name=NameNode(value=name), directives=())
        return [*kept, spread] if self.chance(0.5) else [spread, *kept]


@functools.cache
def _boolean(p: float) -> st.SearchStrategy[bool]:
    # One strategy object per probability: Hypothesis validates each new object on first draw,
    # which (at ~600 draws a query) would cost more than the drawing.
    return weighted_boolean(p)


def _field(name: str) -> FieldNode:
    return FieldNode(name=NameNode(value=name), arguments=(), directives=())


def _with_selections(node: FieldNode, selections: Any) -> FieldNode:
    return FieldNode(
        alias=node.alias,
        name=node.name,
        arguments=node.arguments,
        directives=node.directives,
        selection_set=SelectionSetNode(selections=tuple(selections)),
    )


def selections(
    schema: GraphQLSchema,
    roots: list[str],
    custom_scalars: dict[str, st.SearchStrategy[ValueNode]],
) -> st.SearchStrategy[SelectionSetNode]:
    """Selections in the manner of hypothesis-graphql's positive sampler
    (``_strategies.sampler``), but smaller and cheaper: on a schema this big it aims at 40
    fields a query and draws a boolean for every field a type has (hundreds for ``Node``),
    which costs ~0.25 s a query.

    Arguments of connections and lookups are left to :class:`_Builder` (only ``orderBy`` and
    ``filter`` are drawn here), the others are drawn by hypothesis-graphql.
    """
    depths = min_depths(schema)
    assert schema.query_type is not None
    query = schema.query_type
    values = GraphQLStrategy(
        schema=schema,
        alphabet=st.characters(codec="utf-8", min_codepoint=1, categories=["L", "N", "P", "Zs"]),
        custom_scalars=custom_scalars,
    )

    def arguments(draw: st.DrawFn, gql_field: graphql.GraphQLField) -> list[ArgumentNode]:
        args = gql_field.args
        if "orderBy" in args:
            drawn = {"orderBy": draw(values.values(args["orderBy"].type))}
            if draw(st.integers(0, 3)) == 0:
                drawn["filter"] = draw(values.values(args["filter"].type))
            return [ArgumentNode(name=NameNode(value=k), value=v) for k, v in drawn.items()]
        if {"id", "ids", "ll2Id"} & set(args):
            return []
        return list(draw(values.list_of_arguments(args)))

    @st.composite
    def generate(draw: st.DrawFn) -> SelectionSetNode:
        def fits(target: GraphQLNamedType, depth: int) -> bool:
            least = depths.get(target.name)
            return least is not None and depth + least <= MAX_DEPTH

        def select(type_: GraphQLNamedType, depth: int) -> list[Any]:
            fields = selectable_fields(schema, type_)
            if depth == 0:
                fields = [f for f in fields if f[0] in roots]
            leaves = [f for f in fields if is_leaf(unwrap(f[1].type))]
            inner = [f for f in fields if not is_leaf(unwrap(f[1].type))]
            inner = [f for f in inner if fits(unwrap(f[1].type), depth)]
            # A few fields a level (an interface offers every implementation's: hundreds), and
            # fewer objects the deeper it goes, so that a query stays about ten fields.
            nested = 0.9 if depth == 0 else 0.45 / depth
            chosen: dict[tuple[str, str | None], Any] = {}
            for _ in range(draw(_SIZES[min(depth, 3)])):
                pool = inner if inner and (not leaves or draw(_boolean(nested))) else leaves
                name, gql_field, on_type = draw(st.sampled_from(pool))
                chosen.setdefault((name, on_type), (name, gql_field, on_type))
            made = []
            for name, gql_field, on_type in chosen.values():
                target = unwrap(gql_field.type)
                children = [] if is_leaf(target) else select(target, depth + 1)
                made.append((name, on_type, children, arguments(draw, gql_field)))
            return made

        return build_selection_set(select(query, 0), type_map=schema.type_map)

    return generate()


def cases(schema: GraphQLSchema, known: Known) -> st.SearchStrategy[Case]:
    """Queries over every root field (but ``_entities``/``_service``), rewritten as above."""
    assert schema.query_type is not None
    roots = [name for name in schema.query_type.fields if name not in EXCLUDED_ROOTS]
    shapes = selections(schema, roots, scalar_strategies(known))

    @st.composite
    def build(draw: st.DrawFn) -> Case:
        shape = draw(shapes)
        builder = _Builder(draw, schema, known)
        assert schema.query_type is not None
        selection_set = builder.selection_set(shape, schema.query_type, 0)
        name = NameNode(value="Generated") if builder.chance(0.3) else None
        document = DocumentNode(
            definitions=(
                OperationDefinitionNode(
                    operation=OperationType.QUERY,
                    name=name,
                    variable_definitions=tuple(builder.definitions),
                    directives=(),
                    selection_set=selection_set,
                ),
                *builder.fragments,
            )
        )
        return Case(print_ast(document), builder.variables, name.value if name else None)

    return build()


def uses(document: DocumentNode, *names: str) -> bool:
    """Whether any field of the document is one of ``names`` (e.g. ``__schema``)."""
    found = False

    class Finder(graphql.Visitor):
        def enter_field(self, node: FieldNode, *_: Any) -> None:
            nonlocal found
            found = found or node.name.value in names

    graphql.visit(document, Finder())
    return found


__all__ = [
    "EXCLUDED_ROOTS",
    "MISSING_INT_ID",
    "MISSING_UUID",
    "Case",
    "Known",
    "cases",
    "harvest",
    "root_connections",
    "scalar_strategies",
    "uses",
]
