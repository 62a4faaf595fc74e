"""Compiling a planned query into one SQL statement that renders the response's JSON.

The planner's :class:`ObjectPlan` (graphql-core's field collection, each relation read from
its field's declaration) is turned into SQL per root field: leaves are columns rendered as
their scalar serialises them, to-one relations correlated scalar subqueries, lists and
connections correlated subqueries aggregating JSON in their order — filters, orderings and
keyset cursors are the listing's own (:mod:`loaders.listing`, :mod:`loaders.pages`), so the
statement selects the rows the loaders would. All root fields go into one ``SELECT``: the
database returns each root field's JSON text, which the response splices in unparsed.

Anything not taught here raises :class:`Untaught`; the operation then runs on the
breadth-first compiled path (and that one falls back to graphql-core's executor).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    FromClause,
    Select,
    Table,
    Text,
    and_,
    case,
    cast,
    func,
    null,
    select,
)

from loaders import listing
from loaders.json_sql import JsonSql, Unrenderable, text_constant
from loaders.pages import order_by, page_conditions
from loaders.rows import link_target, record_columns, table
from schema.compiled import relations
from schema.compiled.leaves import Constant, GlobalIdLeaf, Leaf, Slot
from schema.compiled.plan import Untaught
from schema.compiled.sql_bind import Binding, params_of_page
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

# SQLite joins at most 64 tables in a FROM: beyond this many joined to-one relations a level
# takes the rest as correlated subqueries.
MAX_JOINS = 24


@dataclass
class Source:
    """A level's rows: a FROM clause, and columns a relation carries in from the parent.

    ``joins`` collects the level's to-one relations as ``LEFT JOIN``s (shared with the
    sources of the joined rows, so a chain of to-one relations joins into one FROM); the
    select over the level reads :meth:`from_clause`. ``None``: to-one relations are
    correlated subqueries (PostgreSQL, and a dry build).
    """

    rows: FromClause
    carried: Mapping[str, ColumnElement[Any]] = field(default_factory=dict)
    joins: list[tuple[FromClause, ColumnElement[bool]]] | None = None

    def column(self, name: str) -> ColumnElement[Any]:
        carried = self.carried.get(name)
        return carried if carried is not None else self.rows.c[name]

    def from_clause(self) -> FromClause:
        joined = self.rows
        for target, on in self.joins or ():
            joined = joined.outerjoin(target, on)
        return joined


class Recording(Source):
    """A source over a table that notes the columns asked of it: a dry build of a level's
    JSON over it tells which columns the level's subquery must select."""

    def __init__(self, rows: Table) -> None:
        super().__init__(rows)
        self.names: set[str] = {"id"}

    def column(self, name: str) -> ColumnElement[Any]:
        self.names.add(name)
        return super().column(name)

    def selected(self) -> list[ColumnElement[Any]]:
        """The columns noted, in the table's order."""
        return [c for c in record_columns(self.rows) if c.name in self.names]  # type: ignore[arg-type]


class SqlCompiler:
    """Builds the statement of a plan for one shape of its arguments (:mod:`sql_bind`): the
    values themselves are parameters, bound through each field's :class:`Binding`."""

    def __init__(self, bindings: Mapping[Step, Binding], dialect: str) -> None:
        self.bindings = bindings
        self.json = JsonSql(dialect)

    def level(
        self, rows: FromClause, carried: Mapping[str, ColumnElement[Any]] | None = None
    ) -> Source:
        """The source of a level's rows. SQLite joins its to-one relations: a correlated
        subquery's JSON loses its JSON-ness there and is parsed again by ``json()`` (Q2's
        statement: 0.21 ms with subqueries, 0.16 ms joined). PostgreSQL keeps correlated
        subqueries, index lookups per row: under a generic plan (a LIMIT it cannot see) it
        hash-joined whole tables instead (Q5: 0.4 ms → 1.2 ms, Q1: 68 ms → 97 ms)."""
        return Source(rows, carried or {}, joins=None if self.json.pg else [])

    def statement(self, plan: ObjectPlan) -> Select[Any]:
        """``SELECT`` with one text column per root field (``__typename`` aside)."""
        columns: list[ColumnElement[Any]] = []
        steps = {step.key: step for step in plan.steps}
        for entry in plan.entries:
            if isinstance(entry, Constant):
                continue
            if not isinstance(entry, Slot):
                raise Untaught(f"a root leaf {entry.key}")
            step = steps[entry.key]
            try:
                value = self.root_field(step)
            except Unrenderable as error:
                raise Untaught(str(error)) from None
            columns.append(cast(value, Text).label(f"r{len(columns)}"))
        return select(*columns)

    def root_field(self, step: Step) -> ColumnElement[Any]:
        if isinstance(step, NodeStep):
            relation = step.relation
            assert relation is not None
            binding = self.bindings[step]
            rows = table(relation.table).alias()
            key = binding.value("key", binding.key, rows.c.id.type)
            source = self.level(rows)
            item = self.obj(step, source)
            return (
                select(item)
                .select_from(source.from_clause())
                .where(rows.c.id == key)
                .scalar_subquery()
            )
        if isinstance(step, ConnectionStep):
            return self.connection(step, None)
        raise Untaught(f"the root field {step.key} ({type(step).__name__})")

    # Objects ------------------------------------------------------------------------------

    def obj(self, step: Step, source: Source) -> ColumnElement[Any]:
        """The JSON object of ``step``'s sub-plan over one row of ``source``."""
        plan = step.sub
        assert plan is not None
        return self.object_of(plan, source)

    def columns_of(self, plan: ObjectPlan | None, target: Table) -> list[ColumnElement[Any]]:
        """The columns of ``target`` that ``plan``'s JSON reads (a dry build notes them):
        a subquery selecting all ~40 columns of a table copies them all for each row."""
        assert plan is not None
        recording = Recording(target)
        self.object_of(plan, recording)
        return recording.selected()

    def object_of(self, plan: ObjectPlan, source: Source) -> ColumnElement[Any]:
        steps = {step.key: step for step in plan.steps}
        json = self.json
        pairs: list[tuple[str, ColumnElement[Any]]] = []
        row_id = source.column("id")
        for entry in plan.entries:
            if isinstance(entry, Constant):
                pairs.append((entry.key, text_constant(entry.value)))
            elif isinstance(entry, GlobalIdLeaf):
                pairs.append((entry.key, json.global_id(entry.type_name, row_id)))
            elif isinstance(entry, Leaf):
                value = json.leaf(source.column(entry.name), entry.leaf_type.name)
                column = source.column(entry.name)
                non_null = entry.non_null and getattr(column, "nullable", True) is not False
                reason = f"null for non-null {plan.type_name}.{entry.key}"
                pairs.append(
                    (entry.key, json.checked(value, reason, non_null=non_null, row=row_id))
                )
            else:
                pairs.append((entry.key, self.relation(steps[entry.key], source, row_id)))
        return json.obj(pairs)

    def relation(self, step: Step, source: Source, row_id: ColumnElement[Any]) -> Any:
        json = self.json
        joins = source.joins
        if isinstance(step, OneStep) and joins is not None and len(joins) < MAX_JOINS:
            # Joined into the level's FROM: its object is built in place (no subquery, so
            # SQLite keeps it JSON without a json() re-parse).
            value = self.joined_one(step, source, joins)
            reason = f"null for non-null {step.key}"
            return json.checked(value, reason, non_null=step.non_null, row=row_id)
        if isinstance(step, OneStep):
            value = self.one(step, source)
        elif isinstance(step, ChildrenStep):
            value = self.children(step, source)
        elif isinstance(step, LinkedStep):
            value = self.linked(step, source)
        elif isinstance(step, ConnectionStep):
            value = self.connection(step, source)
        elif isinstance(step, JsonStep):
            value = self.json_list(step, source)
        else:
            raise Untaught(f"{step.key} ({type(step).__name__})")
        reason = f"null for non-null {step.key}"
        return json.checked(json.embed(value), reason, non_null=step.non_null, row=row_id)

    def one(self, step: OneStep, source: Source) -> ColumnElement[Any]:
        relation = step.relation
        rows = table(relation.table).alias()
        carried = {child: source.column(parent) for child, parent in relation.carry.items()}
        found = self.level(rows, carried)
        item = self.obj(step, found)
        return (
            select(item)
            .select_from(found.from_clause())
            .where(rows.c.id == source.column(relation.key))
            .scalar_subquery()
        )

    def joined_one(
        self, step: OneStep, source: Source, joins: list[tuple[FromClause, ColumnElement[bool]]]
    ) -> ColumnElement[Any]:
        """The to-one relation as a ``LEFT JOIN`` on the target's key (at most one row: the
        parent's row count is kept), its object null where no row joined."""
        relation = step.relation
        rows = table(relation.table).alias()
        joins.append((rows, rows.c.id == source.column(relation.key)))
        carried = {child: source.column(parent) for child, parent in relation.carry.items()}
        item = self.obj(step, Source(rows, carried, joins=joins))
        return case((rows.c.id.is_(None), null()), else_=item)

    def children(self, step: ChildrenStep, source: Source) -> ColumnElement[Any]:
        relation = step.relation
        # (key_of only converts the parent's key for the loader: SQL compares the columns.)
        target = table(relation.table)
        conditions = [target.c[relation.column] == source.column(relation.key)]
        conditions += [target.c[name] == value for name, value in relation.equals.items()]
        selected = self.columns_of(step.sub, target)
        if relation.order is not None and relation.order not in {c.name for c in selected}:
            selected.append(target.c[relation.order])
        inner = (
            select(*selected)
            .where(*conditions)
            .order_by(*self.list_order(target, relation.order))
            .correlate_except(target)
        )
        if relation.single:
            rows = inner.limit(1).subquery()
            source = self.level(rows)
            item = self.obj(step, source)
            return select(item).select_from(source.from_clause()).scalar_subquery()
        rows = inner.subquery()
        source = self.level(rows)
        item = self.obj(step, source)
        order = self.list_order(rows, relation.order)  # PostgreSQL's json_agg ORDER BY
        array = self.json.array(item, order)
        return select(array).select_from(source.from_clause()).scalar_subquery()

    @staticmethod
    def list_order(target: FromClause, order: str | None) -> list[ColumnElement[Any]]:
        """As :meth:`relations.Children.arrange` orders the records: the order column (nulls
        last), then id."""
        if order is None:
            return [target.c.id]
        return [target.c[order].is_(None), target.c[order], target.c.id]

    def linked(self, step: LinkedStep, source: Source) -> ColumnElement[Any]:
        link = table(step.link)
        target = link_target(step.link)
        inner = (
            select(*self.columns_of(step.sub, target), link.c.position.label("_position"))
            .select_from(link.join(target, target.c.id == link.c.target_id))
            .where(link.c.owner_id == source.column("id"))
            .order_by(link.c.position)
            .correlate_except(link, target)
        )
        rows = inner.subquery()
        source = self.level(rows)
        item = self.obj(step, source)
        order = [rows.c["_position"]]
        array = self.json.array(item, order)
        return select(array).select_from(source.from_clause()).scalar_subquery()

    # Value objects of JSON columns ----------------------------------------------------------

    def json_list(self, step: JsonStep, source: Source) -> ColumnElement[Any]:
        relation = step.relation
        assert relation is not None and step.sub is not None
        plan, item = step.sub, relation.item
        column = source.column(relation.column)
        return self.json.object_list(column, lambda element: self.value_object(plan, item, element))

    def value_object(self, plan: ObjectPlan, cls: Any, element: Any) -> ColumnElement[Any]:
        """The JSON object of ``plan`` over one JSON object of LL2's, read as the value class
        ``cls`` declares (``__json__``, see :mod:`schema.media`)."""
        shape = getattr(cls, "__json__", None)
        if shape is None:
            raise Untaught(f"{plan.type_name} declares no JSON reading")
        json = self.json
        steps = {step.key: step for step in plan.steps}
        pairs: list[tuple[str, ColumnElement[Any]]] = []
        for entry in plan.entries:
            reason = f"null for non-null {plan.type_name}.{entry.key}"
            if isinstance(entry, Constant):
                pairs.append((entry.key, text_constant(entry.value)))
                continue
            if isinstance(entry, Leaf):
                spec = shape[entry.name]
                if spec.kind == "moment":
                    value = json.member_moment(element, spec.key)
                elif spec.kind == "value":
                    value = json.member_leaf(element, spec.key, entry.leaf_type.name)
                else:
                    raise Untaught(f"{plan.type_name}.{entry.key} read as {spec.kind}")
                non_null = entry.non_null
            else:
                step = steps.get(entry.key)
                if not isinstance(step, Embedded) or step.is_list or step.sub is None:
                    raise Untaught(f"{plan.type_name}.{entry.key} in a JSON value")
                spec = shape[step.attribute]
                if spec.kind != "lookup":
                    raise Untaught(f"{plan.type_name}.{entry.key} read as {spec.kind}")
                sub, of = step.sub, spec.of
                found = json.member_object(
                    element, spec.key, lambda inner, s=sub, c=of: self.value_object(s, c, inner)
                )
                value, non_null = json.embed(found), step.non_null
            pairs.append((entry.key, json.checked(value, reason, non_null=non_null, row=element)))
        return json.obj(pairs)

    # Connections --------------------------------------------------------------------------

    def connection(self, step: ConnectionStep, source: Source | None) -> ColumnElement[Any]:
        relation = step.relation
        assert relation is not None
        binding = self.bindings[step]
        query = binding.query
        assert query is not None
        spec = listing(query.listing)
        base = spec.table
        keys = spec.order_keys(query.order)
        descending = query.descending != query.backwards
        conditions = page_conditions(query, keys, binding.binder("p"))
        sizes = params_of_page(binding)
        if relation.parent_column is not None:
            assert source is not None
            conditions.append(base.c[relation.parent_column] == source.column("id"))
        ordering = order_by(keys, descending)
        limit = sizes["limit"]
        sub = step.sub
        assert sub is not None
        # Each row's cursor, computed once in the page (edges and pageInfo both read it).
        cursors = [self.json.cursor(query.order, keys).label("_c")] if _reads_cursors(sub) else []
        page = (
            select(
                *self.page_columns(step, base, query.order, keys),
                *(key.label(f"_k{i}") for i, key in enumerate(keys)),
                *cursors,
                func.row_number().over(order_by=ordering).label("_rn"),
            )
            .where(*conditions)
            .order_by(*ordering)
            .limit(sizes["read"])
            .offset(sizes["offset"] if query.offset else None)
            .correlate_except(base)
            .subquery()
        )
        json = self.json
        rows_source = self.level(page)
        position = page.c["_rn"] - sizes["offset"] if query.offset else page.c["_rn"]
        subs = {s.key: s for s in sub.steps}
        cursor = page.c["_c"] if cursors else None
        per_row: list[ColumnElement[Any]] = []  # JSON values of each row, by response key
        wanted: list[tuple[str, str, Any]] = []  # (key, kind, detail) of the connection
        for entry in sub.entries:
            if isinstance(entry, Constant):
                wanted.append((entry.key, "constant", entry.value))
                continue
            inner = subs.get(entry.key)
            if isinstance(inner, CountStep):
                wanted.append((entry.key, "count", None))
            elif isinstance(inner, Embedded) and inner.attribute in ("nodes", "edges"):
                assert inner.sub is not None
                if inner.attribute == "nodes":
                    value = self.object_of(inner.sub, rows_source)
                else:
                    value = self.edge(inner.sub, rows_source, cursor)
                wanted.append((entry.key, "rows", len(per_row)))
                per_row.append(value)
            elif isinstance(inner, Embedded) and inner.attribute == "page_info":
                assert inner.sub is not None
                wanted.append((entry.key, "page_info", inner.sub))
            else:
                raise Untaught(f"connection field {entry.key}")
        needs_cursors = any(kind == "page_info" for _, kind, _ in wanted)
        row_columns = [value.label(f"_j{i}") for i, value in enumerate(per_row)]
        row_columns.append(position.label("_pos"))
        if needs_cursors:
            assert cursor is not None
            row_columns.append(cursor.label("_cursor"))
            row_columns.append(func.count().over().label("_n"))
        rows_query = select(*row_columns).select_from(rows_source.from_clause())
        # SQLite aggregates in the order of the rows it is given.
        rows_query = rows_query.order_by(position.desc() if query.backwards else position)
        rows = rows_query.subquery()
        pos = rows.c["_pos"]
        in_page = pos <= limit
        order = [pos.desc() if query.backwards else pos]
        total = func.count()
        pairs: list[tuple[str, ColumnElement[Any]]] = []
        for key, kind, detail in wanted:
            if kind == "constant":
                pairs.append((key, text_constant(detail)))
            elif kind == "count":
                counted = spec.where(query.filter, binding.binder("c"))
                pairs.append((key, self.total_count(base, counted, relation, source)))
            elif kind == "rows":
                pairs.append((key, json.array(rows.c[f"_j{detail}"], order, in_page)))
            else:
                pairs.append((key, self.page_info(detail, rows, query, limit, total)))
        page_infos = [detail for _, kind, detail in wanted if kind == "page_info"]
        if not per_row and not any(_reads_rows(plan, query) for plan in page_infos):
            # Nothing aggregated over the page (totalCount, __typename, pageInfo's constant
            # side): a select from its rows would give no row for an empty page, or one
            # per row.
            return select(json.obj(pairs)).scalar_subquery()
        return select(json.obj(pairs)).select_from(rows).scalar_subquery()

    def page_columns(
        self, step: ConnectionStep, base: Table, order: str, keys: list[ColumnElement[Any]]
    ) -> list[ColumnElement[Any]]:
        """The columns of ``base`` the connection's nodes or edges read (a dry build)."""
        assert step.sub is not None
        recording = Recording(base)
        for inner in step.sub.steps:
            if isinstance(inner, Embedded) and inner.sub is not None:
                if inner.attribute == "nodes":
                    self.object_of(inner.sub, recording)
                elif inner.attribute == "edges":
                    self.edge(inner.sub, recording, self.json.cursor(order, keys))
        return recording.selected()

    def edge(
        self, plan: ObjectPlan, source: Source, cursor: ColumnElement[Any] | None
    ) -> ColumnElement[Any]:
        steps = {step.key: step for step in plan.steps}
        pairs: list[tuple[str, ColumnElement[Any]]] = []
        for entry in plan.entries:
            if isinstance(entry, Constant):
                pairs.append((entry.key, text_constant(entry.value)))
            elif isinstance(entry, Leaf) and entry.name == "cursor":
                assert cursor is not None
                pairs.append((entry.key, cursor))
            elif isinstance(entry, Slot) and isinstance(steps.get(entry.key), Embedded):
                node = steps[entry.key]
                assert node.sub is not None
                pairs.append((entry.key, self.object_of(node.sub, source)))
            else:
                raise Untaught(f"edge field {entry.key}")
        return self.json.obj(pairs)

    def page_info(
        self, plan: ObjectPlan, rows: Any, query: Any, limit: Any, total: ColumnElement[Any]
    ) -> ColumnElement[Any]:
        json = self.json
        pos, cursor = rows.c["_pos"], rows.c["_cursor"]
        # The page's last position: the rows read (a window count), at most the page size.
        end_position = json.smaller(rows.c["_n"], limit)
        first_cursor = func.max(_when(and_(pos == 1, pos <= limit), cursor))
        last_cursor = func.max(_when(pos == end_position, cursor))
        more = json.boolean(total > limit)
        skipped = query.after is not None or query.offset > 0
        if query.backwards:
            values = {
                "has_next_page": json.constant_boolean(query.before is not None),
                "has_previous_page": more,
                "start_cursor": last_cursor,
                "end_cursor": first_cursor,
            }
        else:
            values = {
                "has_next_page": more,
                "has_previous_page": json.constant_boolean(skipped),
                "start_cursor": first_cursor,
                "end_cursor": last_cursor,
            }
        pairs: list[tuple[str, ColumnElement[Any]]] = []
        for entry in plan.entries:
            if isinstance(entry, Constant):
                pairs.append((entry.key, text_constant(entry.value)))
            elif isinstance(entry, Leaf) and entry.name in values:
                pairs.append((entry.key, values[entry.name]))
            else:
                raise Untaught(f"pageInfo field {entry.key}")
        return json.obj(pairs)

    def total_count(
        self,
        base: Table,
        where: ColumnElement[bool],
        relation: relations.Connection,
        source: Source | None,
    ) -> ColumnElement[Any]:
        counted = select(func.count()).select_from(base).where(where)
        if relation.parent_column is not None:
            assert source is not None
            counted = counted.where(base.c[relation.parent_column] == source.column("id"))
        counted = counted.correlate_except(base)
        return self.json.leaf(counted.scalar_subquery(), "Int")


def _reads_rows(plan: ObjectPlan, query: Any) -> bool:
    """Whether a ``pageInfo`` selection needs the page's rows (an aggregate over them): only
    one of hasNextPage / hasPreviousPage is known without them, by the paging direction."""
    known = "has_next_page" if query.backwards else "has_previous_page"
    return any(isinstance(e, Leaf) and e.name != known for e in plan.entries)


def _reads_cursors(plan: ObjectPlan) -> bool:
    """Whether a connection's selection reads its rows' cursors (an edge's ``cursor``, or
    ``pageInfo``, whose cursors and row count come from the page's rows)."""
    for inner in plan.steps:
        if not isinstance(inner, Embedded) or inner.sub is None:
            continue
        if inner.attribute == "page_info":
            return True
        cursor = any(isinstance(e, Leaf) and e.name == "cursor" for e in inner.sub.entries)
        if inner.attribute == "edges" and cursor:
            return True
    return False


def _when(condition: ColumnElement[bool], value: ColumnElement[Any]) -> ColumnElement[Any]:
    return case((condition, value))


__all__ = ["SqlCompiler", "Untaught"]
