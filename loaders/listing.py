"""What a connection may filter, search and order on, and the filter language that says so.

The schema turns its typed ``filter`` inputs into the small AST below (``Condition``, ``AllOf``,
``AnyOf``, ``Not``, ``Search``); a :class:`Listing` (one per node table, declared next to that
node's loaders) turns it into SQL. The AST is hashable so that it can be part of a loader key.

Conditions on a missing (NULL) value are false, and ``Not`` is the exact complement of what it
wraps (NULL is not carried through as SQL's "unknown").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from sqlalchemy import (
    Boolean,
    Column,
    ColumnClause,
    ColumnElement,
    FromClause,
    Integer,
    Table,
    and_,
    false,
    func,
    not_,
    or_,
    select,
    true,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.selectable import ScalarSelect
from sqlalchemy.sql.visitors import InternalTraversal

from store.search_indexes import fts_candidates, trigram_indexed, trigram_usable

OPERATORS = frozenset({"eq", "in", "gt", "gte", "lt", "lte", "contains", "is_null"})


@dataclass(frozen=True)
class Condition:
    """``field <op> value``; ``in`` takes a tuple, ``is_null`` a bool."""

    field: str
    op: str
    value: Any


@dataclass(frozen=True)
class AllOf:
    items: tuple[Filter, ...]


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Filter, ...]


@dataclass(frozen=True)
class Not:
    item: Filter


@dataclass(frozen=True)
class Search:
    """LL2's ``search``: every whitespace-separated term is somewhere in a searched field."""

    text: str


@dataclass(frozen=True)
class Related:
    """A filter on related rows, by a :class:`Relation` of the listing: ``is`` — the one row a
    to-one relation reaches matches (false when there is none); ``some`` / ``none`` /
    ``every`` — of a to-many relation's rows, at least one, none, or all match (``every``
    holds when there are no related rows, as in PostGraphile's connection filter and
    Prisma)."""

    relation: str
    quantifier: str
    item: Filter


QUANTIFIERS = frozenset({"is", "some", "none", "every"})

Filter = Condition | AllOf | AnyOf | Not | Search | Related


class Bind(Protocol):
    """How a value enters SQL: ``bind(expr, value)`` (``expanding`` for an ``in`` list)."""

    def __call__(self, expr: ColumnElement[Any], value: Any, expanding: bool = False) -> Any: ...


def inline(expr: ColumnElement[Any], value: Any, expanding: bool = False) -> Any:
    """The plain value: SQLAlchemy binds it as an anonymous parameter."""
    return value


class FilterError(ValueError):
    """A filter the listing cannot apply (unknown field, operator not allowed)."""


@dataclass(frozen=True)
class FilterLimits:
    """How big a filter may be. Every condition becomes SQL that the database evaluates per
    row, and a text match (``contains``, each ``search`` term) scans; these caps keep the
    worst filter a client can send to a bounded amount of work, and well under PostgreSQL's
    32,767 bind parameters (conditions x ``in`` items)."""

    max_conditions: int = 50  # conditions and search terms, over all of and/or/not
    max_in: int = 100  # items of one ``in``
    max_text: int = 200  # characters of one text operand (and of a search)
    max_search_terms: int = 10
    max_nesting: int = 6  # or/not inside each other (an and inside an and is one level)


def check_size(item: Filter | None, limits: FilterLimits = FilterLimits()) -> None:
    """Refuse a filter over ``limits`` (:class:`FilterError`, before any SQL is built)."""
    conditions = 0

    def text(value: Any, what: str) -> None:
        if isinstance(value, str) and len(value) > limits.max_text:
            raise FilterError(f"{what} is {len(value)} characters long; at most {limits.max_text}")

    def walk(current: Filter, depth: int) -> None:
        nonlocal conditions
        if depth > limits.max_nesting:
            raise FilterError(
                f"or/not and relations nest more than {limits.max_nesting} levels deep"
            )
        if isinstance(current, AllOf | AnyOf):
            # Only a choice (or) opens a level: "all of" is what a filter input's fields
            # already mean, however it is written.
            inner_depth = depth + 1 if isinstance(current, AnyOf) else depth
            for inner in current.items:
                walk(inner, inner_depth)
            return
        if isinstance(current, Not):
            walk(current.item, depth + 1)
            return
        if isinstance(current, Related):
            # A subquery per relation: it counts as a condition, and as a level (so that a
            # chain of relations is as bounded as a nest of or/not).
            conditions += 1
            walk(current.item, depth + 1)
            return
        if isinstance(current, Search):
            terms = len(current.text.split())
            if terms > limits.max_search_terms:
                raise FilterError(f"search has {terms} words; at most {limits.max_search_terms}")
            text(current.text, "search")
            conditions += terms
        else:
            conditions += 1
            values = current.value if isinstance(current.value, list | tuple) else (current.value,)
            if current.op == "in" and len(values) > limits.max_in:
                raise FilterError(
                    f"{current.field}: `in` has {len(values)} items; at most {limits.max_in}"
                )
            for value in values:
                text(value, f"{current.field}: a `{current.op}` value")
        if conditions > limits.max_conditions:
            raise FilterError(
                f"the filter has more than {limits.max_conditions} conditions "
                "(search words count one each)"
            )

    if item is not None:
        walk(item, 0)


@dataclass(frozen=True, eq=False)
class Field:
    """A filterable value of a listing's rows.

    * a column, or a correlated scalar subquery reaching one related row (:func:`via`);
    * with ``through``: a value of *many* related rows — the condition holds when any of them
      matches. ``through`` is the related column holding our id, ``source`` the FROM clause
      when ``expr`` lives in a joined table;
    * with ``predicate``: the expression is itself a condition (an EXISTS), taking ``eq``
      true/false only.
    """

    expr: ColumnElement[Any]
    through: ColumnElement[Any] | None = None
    source: FromClause | None = None
    predicate: bool = False


@dataclass(frozen=True, eq=False)
class Relation:
    """A relation a filter can reach through, to the listing named ``target``.

    To one (``many=False``): ``key`` is this listing's value holding the related row's id — a
    column or a :func:`via` chain. To many: ``key`` is the related table's column holding this
    listing's id.
    """

    target: str
    key: ColumnElement[Any]
    many: bool = False


@dataclass(frozen=True, eq=False)
class Listing:
    """One node table as a connection: its filterable fields, searched fields and orders.

    Every order ends with the table's id, so that keyset cursors never tie.
    """

    name: str
    table: Table
    fields: Mapping[str, Field]
    orders: Mapping[str, tuple[ColumnElement[Any], ...]]
    search: tuple[Field, ...] = ()
    parents: frozenset[str] = field(default_factory=frozenset)
    relations: Mapping[str, Relation] = field(default_factory=dict)

    def order_keys(self, order: str) -> tuple[ColumnElement[Any], ...]:
        try:
            keys = self.orders[order]
        except KeyError:
            raise FilterError(f"{self.name} cannot be ordered by {order!r}") from None
        return (*keys, self.table.c.id)

    def where(self, item: Filter | None, bind: Bind = inline) -> ColumnElement[bool]:
        """The filter as SQL; ``bind`` places its values (in a fixed order: a filter of the
        same shape binds the same parameters)."""
        if item is None:
            return true()
        if isinstance(item, Condition):
            return self._condition(item, bind)
        if isinstance(item, AllOf):
            return and_(true(), *(self.where(i, bind) for i in item.items))
        if isinstance(item, AnyOf):
            return or_(false(), *(self.where(i, bind) for i in item.items))
        if isinstance(item, Not):
            return not_(func.coalesce(self.where(item.item, bind), false()))
        if isinstance(item, Search):
            return self._search(item.text, bind)
        if isinstance(item, Related):
            return self._related(item, bind)
        raise TypeError(f"not a filter: {item!r}")

    def _related(self, item: Related, bind: Bind) -> ColumnElement[bool]:
        relation = self.relations.get(item.relation)
        if relation is None:
            raise FilterError(f"{self.name} has no relation {item.relation!r} to filter on")
        if item.quantifier not in QUANTIFIERS or (item.quantifier == "is") == relation.many:
            raise FilterError(f"{item.relation!r} cannot be filtered with {item.quantifier!r}")
        target = listing(relation.target)
        condition = target.where(item.item, bind)
        # Never correlated: the related rows are a set of their own, even when the outer
        # statement reads the same table (SQL resolves the inner names to the inner FROM).
        if not relation.many:
            matching = select(target.table.c.id).where(condition).correlate(None)
            if isinstance(relation.key, ScalarSelect):
                return _through_keys(relation.key, lambda far: far.in_(matching))
            return relation.key.in_(matching)
        if item.quantifier == "every":  # no related row fails it
            condition = not_(func.coalesce(condition, false()))
        related = select(relation.key).where(relation.key.is_not(None), condition).correlate(None)
        if item.quantifier == "some":
            return self.table.c.id.in_(related)
        return self.table.c.id.not_in(related)

    def _condition(self, item: Condition, bind: Bind) -> ColumnElement[bool]:
        spec = self.fields.get(item.field)
        if spec is None:
            raise FilterError(f"{self.name} cannot be filtered on {item.field!r}")
        return self.apply(spec, item.op, item.value, item.field, bind)

    def apply(
        self, spec: Field, op: str, value: Any, name: str = "", bind: Bind = inline
    ) -> ColumnElement[bool]:
        if op not in OPERATORS:
            raise FilterError(f"unknown operator {op!r}")
        if _has_nul(value):
            raise FilterError(f"{name or 'a filter'}: text may not contain NUL (\\u0000)")
        if spec.predicate:
            if op != "eq":
                raise FilterError(f"{name!r} only takes eq")
            return spec.expr if value else not_(func.coalesce(spec.expr, false()))
        if op != "is_null" and isinstance(spec.expr, ScalarSelect):
            # A value reached through foreign keys (``via``): match the rows it points at,
            # then the keys — ``pad_id IN (SELECT id FROM pads WHERE name ILIKE …)`` — so
            # an index on the far column serves it, instead of a subquery per row. (The
            # same answer: a condition on a missing value is false either way; ``is_null``
            # is the one condition a missing row makes true, so it keeps the subquery.)
            condition = _through_keys(spec.expr, lambda far: _compare(far, op, value, bind))
        else:
            condition = _compare(spec.expr, op, value, bind)
        if spec.through is None:
            return condition
        related = select(spec.through).where(spec.through.is_not(None), condition)
        if spec.source is not None:
            related = related.select_from(spec.source)
        return self.table.c.id.in_(related)

    def _search(self, text: str, bind: Bind) -> ColumnElement[bool]:
        if not self.search:
            raise FilterError(f"{self.name} has no searchable fields")
        terms = text.split()
        return and_(
            true(),
            *(
                or_(*(self.apply(f, "contains", term, "search", bind) for f in self.search))
                for term in terms
            ),
        )


LISTINGS: dict[str, Listing] = {}


def register(listing: Listing) -> Listing:
    """File a node's listing under its name (each node's loader module does, on import)."""
    LISTINGS[listing.name] = listing
    return listing


def listing(name: str) -> Listing:
    try:
        return LISTINGS[name]
    except KeyError:
        raise LookupError(f"no listing {name!r}") from None


def _has_nul(value: Any) -> bool:
    """Whether a filter value holds a NUL character (PostgreSQL text cannot; no stored value
    has one)."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, list | tuple):
        return any(_has_nul(item) for item in value)
    return False


def _compare(expr: ColumnElement[Any], op: str, value: Any, bind: Bind) -> ColumnElement[bool]:
    if op == "eq":
        return expr == bind(expr, value)
    if op == "in":
        return expr.in_(bind(expr, list(value), expanding=True))
    if op == "gt":
        return expr > bind(expr, value)
    if op == "gte":
        return expr >= bind(expr, value)
    if op == "lt":
        return expr < bind(expr, value)
    if op == "lte":
        return expr <= bind(expr, value)
    if op == "contains":
        return contains(expr, value, bind)
    return expr.is_(None) if value else expr.is_not(None)


def contains(expr: ColumnElement[Any], text: str, bind: Bind = inline) -> ColumnElement[bool]:
    """Case-insensitive substring match (LL2's ``icontains``), wildcards taken literally.

    On a column with a trigram index: PostgreSQL's GIN index serves the ``ILIKE`` as it is;
    on SQLite the candidates come from the FTS5 trigram table first (its ``LIKE`` reads the
    text's wildcards as wildcards, so it finds a superset) and the ``ILIKE`` checks them —
    when the text is long enough for trigrams (the statement's shape depends on that:
    :func:`schema.compiled.sql_bind.filter_shape`).
    """
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    exact = expr.ilike(bind(expr, f"%{escaped}%"), escape="\\")
    base = _base_column(expr)
    if base is None or not trigram_indexed(base.table.name, base.name):
        return exact
    if not trigram_usable(text):
        return exact
    candidates = fts_candidates(base.table.name, base.name, bind(expr, f"%{text}%"))
    return and_(SQLiteOnly(expr.table.c.id.in_(candidates)), exact)


def _base_column(expr: ColumnElement[Any]) -> Column[Any] | None:
    """The table column ``expr`` is (itself, or through an alias), if it is one."""
    if not isinstance(expr, ColumnClause) or not isinstance(expr.table, FromClause):
        return None
    base = next(iter(expr.base_columns), None)
    if isinstance(base, Column) and isinstance(base.table, Table):
        return base
    return None


class SQLiteOnly(ColumnElement[bool]):
    """A condition only SQLite evaluates: other databases read it as true (an index of
    SQLite's own that they answer another way)."""

    __visit_name__ = "sqlite_only"
    _is_implicitly_boolean = True
    inherit_cache = True
    _traverse_internals: ClassVar = [("condition", InternalTraversal.dp_clauseelement)]
    type = Boolean()

    def __init__(self, condition: ColumnElement[bool]) -> None:
        self.condition = condition

    @property
    def _from_objects(self) -> list[FromClause]:
        return self.condition._from_objects


@compiles(SQLiteOnly)
def _sqlite_only_elsewhere(element: SQLiteOnly, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(true(), **kw)


@compiles(SQLiteOnly, "sqlite")
def _sqlite_only(element: SQLiteOnly, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.condition, **kw)


def _through_keys(
    expr: ScalarSelect[Any], condition: Callable[[ColumnElement[Any]], ColumnElement[bool]]
) -> ColumnElement[bool]:
    """``condition`` on the far end of a :func:`via` chain, as key ``IN`` subqueries."""
    step = expr.element  # select(far).where(far.table.c.id == key), as via() builds it
    far = step.selected_columns[0]
    key = step.whereclause.right
    matching = select(far.table.c.id).where(condition(far))
    if isinstance(key, ScalarSelect):
        return _through_keys(key, lambda column: column.in_(matching))
    return key.in_(matching)


def via(*steps: ColumnElement[Any]) -> ColumnElement[Any]:
    """A value reached through foreign keys, as a correlated scalar subquery.

    ``via(launches.c.pad_id, pads.c.location_id)`` is the launch's pad's location id;
    every step after the first is a column of the table the previous step points at.
    """
    expr = steps[0]
    for column in steps[1:]:
        # Correlate everything but the step's own table: a step nested two levels down
        # must still see the outermost row, not bring its table into its own FROM.
        step = select(column).where(column.table.c.id == expr).correlate_except(column.table)
        expr = step.scalar_subquery()
    return expr


def columns(table: Table, *names: str) -> dict[str, Field]:
    """Plain column fields, named like their columns."""
    return {name: Field(table.c[name]) for name in names}


def search(*exprs: ColumnElement[Any]) -> tuple[Field, ...]:
    return tuple(Field(expr) for expr in exprs)


class _UTCPart(FunctionElement[int]):
    """A calendar part of a UTC timestamp, the same on SQLite and PostgreSQL."""

    type = Integer()
    inherit_cache = True
    part = ""


class utc_year(_UTCPart):
    inherit_cache = True
    name = "utc_year"
    part = "year"


class utc_month(_UTCPart):
    inherit_cache = True
    name = "utc_month"
    part = "month"


class utc_day(_UTCPart):
    inherit_cache = True
    name = "utc_day"
    part = "day"


_STRFTIME = {"year": "%Y", "month": "%m", "day": "%d"}


@compiles(_UTCPart, "sqlite")
def _utc_part_sqlite(element: _UTCPart, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite holds UTC timestamps as naive text (store.types.UTCDateTime).
    arg = compiler.process(element.clauses, **kw)
    return f"CAST(strftime('{_STRFTIME[element.part]}', {arg}) AS INTEGER)"


@compiles(_UTCPart, "postgresql")
def _utc_part_postgresql(element: _UTCPart, compiler: SQLCompiler, **kw: Any) -> str:
    arg = compiler.process(element.clauses, **kw)
    return f"CAST(EXTRACT({element.part.upper()} FROM ({arg}) AT TIME ZONE 'UTC') AS INTEGER)"
