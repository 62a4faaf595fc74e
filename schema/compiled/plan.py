"""Planning an operation: graphql-core collects the fields, the planner turns them into steps.

Fields are collected by graphql-core's own ``collect_fields``/``collect_subfields`` (aliases,
fragments, type conditions, merging, ``@skip``/``@include``), so a plan selects exactly what the
standard executor would. Each object type then gets an :class:`ObjectPlan`: leaves read from the
record (or value object) with their type's serializer, ``Node.id``, ``__typename``, and a step
per taught relation. Anything else raises :class:`Untaught` with the reason.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    GraphQLObjectType,
    GraphQLOutputType,
    OperationType,
    is_abstract_type,
    is_leaf_type,
    is_list_type,
    is_non_null_type,
    is_object_type,
)
from graphql.execution.collect_fields import (
    FieldDetails,
    collect_fields,
    collect_subfields,
)
from strawberry.schema.schema_converter import GraphQLCoreConverter

from schema.base import RowType
from schema.compiled import relations
from schema.compiled.leaves import Constant, Entry, GlobalIdLeaf, Leaf, Slot, make_builder
from schema.compiled.resolvers import ResolverStep, Shapes, instance_maker
from schema.compiled.steps import (
    ChildrenStep,
    ConnectionStep,
    CountStep,
    Embedded,
    JsonStep,
    LinkedStep,
    NodeStep,
    ObjectPlan,
    OneStep,
    Step,
)

# Where Strawberry keeps its own field or type on graphql-core's.
DEFINITION = GraphQLCoreConverter.DEFINITION_BACKREF


# Fields the compiled executor leaves to the standard one, and why.
UNTAUGHT = {
    "Query._entities": "federation entities resolve representations of any type",
    "Query._service": "federation's SDL is served by the standard executor",
}


class Untaught(Exception):
    """The operation has something the compiled executor does not do; the message says what."""


def _item_non_null(field_type: GraphQLOutputType) -> bool:
    inner: Any = field_type.of_type if is_non_null_type(field_type) else field_type  # type: ignore[union-attr]
    return not is_list_type(inner) or is_non_null_type(inner.of_type)


def _shape(field_type: GraphQLOutputType) -> tuple[bool, bool, Any]:
    """(non-null, list, named type) of a field's type; lists of lists are untaught."""
    non_null = is_non_null_type(field_type)
    inner: Any = field_type.of_type if non_null else field_type  # type: ignore[union-attr]
    if not is_list_type(inner):
        return non_null, False, inner
    item = inner.of_type
    item = item.of_type if is_non_null_type(item) else item
    if is_list_type(item):
        raise Untaught("a list of lists")
    return non_null, True, item


class Planner:
    """Plans one operation of an executor (its schema, fragments and variables)."""

    def __init__(self, executor: Any) -> None:
        self.executor = executor
        self.schema = executor.schema

    def operation(self) -> ObjectPlan:
        executor = self.executor
        operation = executor.operation
        if operation.operation is not OperationType.QUERY:
            raise Untaught(f"a {operation.operation.value}: only queries run compiled")
        root = self.schema.query_type
        collected = collect_fields(
            self.schema,
            executor.fragments,
            executor.variable_values,
            root,
            operation,
            executor.hide_suggestions,
        )
        return self._plan(root, collected, records=False)

    def object_plan(
        self, object_type: GraphQLObjectType, details: list[FieldDetails]
    ) -> ObjectPlan:
        executor = self.executor
        collected = collect_subfields(
            self.schema,
            executor.fragments,
            executor.variable_values,
            executor.operation,
            object_type,
            details,
            executor.hide_suggestions,
        )
        origin = getattr(object_type.extensions.get(DEFINITION), "origin", None)
        records = isinstance(origin, type) and issubclass(origin, RowType)
        return self._plan(object_type, collected, records=records)

    def _plan(self, parent: GraphQLObjectType, collected: Any, *, records: bool) -> ObjectPlan:
        grouped, defers, forbidden = collected
        if defers or forbidden:
            raise Untaught("@defer/@stream")
        renames: dict[str, str] = {}
        if records:
            origin = parent.extensions[DEFINITION].origin
            renames = {"ll2_id": "id", **getattr(origin, "__columns__", {})}
        entries: list[Entry] = []
        steps: list[Step] = []
        for key, details in grouped.items():
            if any(d.defer_usage or d.fragment_variable_values for d in details):
                raise Untaught("@defer or fragment arguments")
            name = details[0].node.name.value
            if name == "__typename":
                entries.append(Constant(key, parent.name))
                continue
            if name.startswith("__"):
                raise Untaught(f"introspection ({name})")
            entry, step = self._field(parent, key, name, details, records, renames)
            entries.append(entry)
            if step is not None:
                steps.append(step)
        return ObjectPlan(
            parent.name, make_builder(entries, records), tuple(steps), entries=tuple(entries)
        )

    def _field(
        self,
        parent: GraphQLObjectType,
        key: str,
        name: str,
        details: list[FieldDetails],
        records: bool,
        renames: dict[str, str],
    ) -> tuple[Entry, Step | None]:
        where = f"{parent.name}.{name}"
        field_def = parent.fields[name]
        field = field_def.extensions.get(DEFINITION)
        if field is None:
            raise Untaught(f"{where} is not a Strawberry field")
        if field.extensions or field.permission_classes:
            raise Untaught(f"{where} has field extensions or permissions")
        meta = (field.metadata or {}).get(relations.META)
        non_null, is_list, named = _shape(field_def.type)
        if isinstance(meta, relations.GlobalId) and records:
            return GlobalIdLeaf(key, parent.name), None
        if isinstance(meta, relations.TotalCount):
            return Slot(key), CountStep(key, non_null, is_list, None)
        if meta is None and field.base_resolver is not None:
            return Slot(key), self._resolver(parent, key, where, field_def, details, records)
        if meta is None:
            source_name = renames.get(field.python_name, field.python_name)
            if is_leaf_type(named):
                if is_list:
                    raise Untaught(f"{where} is a list of leaves")
                return Leaf(key, source_name, named, non_null), None
            sub = self._sub(where, named, details)
            embedded = Embedded(key, non_null, is_list, sub, attribute=source_name, records=records)
            embedded.item_non_null = _item_non_null(field_def.type)
            return Slot(key), embedded
        if not records and not isinstance(meta, (relations.Connection, relations.NodeByKey)):
            raise Untaught(f"{where} is a relation on a type not built from records")
        sub = self._sub(where, named, details)
        shape = (key, non_null, is_list, sub)
        step: Step
        if isinstance(meta, relations.One):
            step = OneStep(*shape, relation=meta)
        elif isinstance(meta, relations.Children):
            step = ChildrenStep(*shape, relation=meta)
        elif isinstance(meta, relations.Linked):
            step = LinkedStep(*shape, link=meta.link)
        elif isinstance(meta, relations.JsonList):
            step = JsonStep(*shape, relation=meta)
        elif isinstance(meta, relations.Connection):
            if meta.parent_column is not None and not records:
                raise Untaught(f"{where} pages a parent that is not a record")
            step = ConnectionStep(*shape, field_def, details[0].node, field, meta)
        elif isinstance(meta, relations.NodeByKey):
            step = NodeStep(*shape, field_def, details[0].node, field, meta)
        else:
            raise Untaught(f"{where}: unknown relation {meta!r}")
        return Slot(key), step

    def _resolver(
        self,
        parent: GraphQLObjectType,
        key: str,
        where: str,
        field_def: Any,
        details: list[FieldDetails],
        records: bool,
    ) -> ResolverStep:
        """A field with a resolver of its own: called per parent (see :class:`ResolverStep`)."""
        root = parent is self.schema.query_type
        if not records and not root:
            raise Untaught(f"{where} has a resolver on a type not built from records")
        if where in UNTAUGHT:
            raise Untaught(f"{where}: {UNTAUGHT[where]}")
        non_null, is_list, named = _shape(field_def.type)
        abstract = is_abstract_type(named)
        sub: Any
        if abstract:
            types = self.schema.get_possible_types(named)
            sub = Shapes({t.name: self.object_plan(t, details) for t in types})
        elif is_object_type(named):
            sub = self.object_plan(named, details)
        else:
            raise Untaught(f"{where} resolves a leaf with a resolver of its own")
        origin = parent.extensions[DEFINITION].origin
        step = ResolverStep(
            key,
            non_null,
            is_list,
            sub,
            field_def=field_def,
            nodes=[d.node for d in details],
            parent_type=parent,
            instance=None if root else instance_maker(origin),
            abstract=abstract,
        )
        step.item_non_null = _item_non_null(field_def.type)
        return step

    def _sub(self, where: str, named: Any, details: list[FieldDetails]) -> ObjectPlan:
        if not is_object_type(named):
            raise Untaught(f"{where} returns the abstract type {named.name}")
        return self.object_plan(named, details)
