"""SQL that renders JSON, for PostgreSQL and SQLite: the pieces the compiled query path
(:mod:`schema.compiled.sql`) builds one statement per query from.

Each value is rendered exactly as the GraphQL layer serialises it (LL2's ``…Z`` timestamps,
Python's shortest float form, booleans, url-safe base64 global ids and cursors), so that the
database's text can be spliced into a response without being parsed again. Where SQL cannot
give the standard executor's answer (a null in a non-null field, an ``Int`` beyond 32 bits),
the statement fails on purpose (:meth:`JsonSql.failing`) and the caller runs the operation on
another path.

SQLite lacks base64, Python's float repr and an error function: :mod:`store.engine` registers
``fg_b64url``, ``fg_real`` and ``fg_fail`` on each of its connections.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    ColumnElement,
    Date,
    DateTime,
    Float,
    Integer,
    String,
    Text,
    and_,
    case,
    cast,
    func,
    literal_column,
    null,
    or_,
    select,
)
from sqlalchemy.dialects.postgresql import JSON, aggregate_order_by
from sqlalchemy.types import JSON as JsonType
from sqlalchemy.types import NullType, TypeDecorator

# Timestamps PostgreSQL passes on from JSON as they are: UTC, whole seconds, a real date
# (Feb 29 and year 0 aside) — Python's reading gives the same text; anything else fails.
_DAYS = r"(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31"
UTC_MOMENT = rf"^(?!0000)[0-9]{{4}}-({_DAYS})T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](Z|\+00:00)$"

# PostgreSQL functions take at most 100 arguments: objects with more keys are built in parts.
MAX_PAIRS = 50
INT_MIN, INT_MAX = -(2**31), 2**31 - 1
# What a statement failing on purpose says (PostgreSQL: in the error; SQLite: fg_fail's).
FAILED = "flightgraph: "


class Unrenderable(Exception):
    """A value this module cannot render as the GraphQL layer would."""


def _key(name: str) -> ColumnElement[Any]:
    # Response keys are GraphQL names ([_A-Za-z][_0-9A-Za-z]*): safe as SQL string literals.
    if not name.replace("_", "a").isalnum() or not name.isascii():
        raise Unrenderable(f"response key {name!r}")
    return literal_column(f"'{name}'")


# Constants are written into the statement, not bound: the statement's parameters are the
# request's values only, and its text is the same for every request of its shape.


def text_constant(value: str) -> ColumnElement[Any]:
    """A string constant in SQL (quotes doubled)."""
    quoted = value.replace("'", "''")
    return literal_column(f"'{quoted}'", Text)


def number(value: int) -> ColumnElement[Any]:
    return literal_column(str(int(value)), Integer)


def _underlying(kind: Any) -> Any:
    """A column type as the database holds it (a TypeDecorator's implementation)."""
    return kind.impl if isinstance(kind, TypeDecorator) else kind


class JsonSql:
    """JSON-rendering expressions for one dialect (``postgresql`` or ``sqlite``)."""

    def __init__(self, dialect: str) -> None:
        if dialect not in ("postgresql", "sqlite"):
            raise Unrenderable(f"no JSON rendering for {dialect}")
        self.dialect = dialect
        self.pg = dialect == "postgresql"

    # Objects and arrays -------------------------------------------------------------------

    def obj(self, pairs: Sequence[tuple[str, ColumnElement[Any]]]) -> ColumnElement[Any]:
        """A JSON object with ``pairs`` in order."""
        parts = [pairs[i : i + MAX_PAIRS] for i in range(0, len(pairs), MAX_PAIRS)] or [[]]
        built = [self._obj(part) for part in parts]
        if len(built) == 1:
            return built[0]
        # Joined as text: '{"a":1}' + '{"b":2}' → '{"a":1,"b":2}' (no merge keeps key order).
        texts = [cast(part, Text) for part in built]
        comma = text_constant(",")
        joined = func.substr(texts[0], number(1), func.length(texts[0]) - number(1))
        for text in texts[1:-1]:
            joined = joined + comma + func.substr(text, number(2), func.length(text) - number(2))
        joined = joined + comma + func.substr(texts[-1], number(2))
        return cast(joined, JSON()) if self.pg else func.json(joined)

    def _obj(self, pairs: Sequence[tuple[str, ColumnElement[Any]]]) -> ColumnElement[Any]:
        args: list[ColumnElement[Any]] = []
        for name, value in pairs:
            args += [_key(name), value]
        return func.json_build_object(*args) if self.pg else func.json_object(*args)

    def embed(self, json_value: ColumnElement[Any]) -> ColumnElement[Any]:
        """A JSON value read from a subquery, as a JSON value (SQLite loses its JSON-ness
        between queries and would quote it as a string)."""
        return json_value if self.pg else func.json(json_value)

    def array(
        self,
        item: ColumnElement[Any],
        order: Sequence[Any],
        where: ColumnElement[bool] | None = None,
    ) -> ColumnElement[Any]:
        """Aggregate: the JSON array of ``item`` over the rows, in ``order``, ``[]`` for none.

        On SQLite (no ORDER BY inside aggregates before 3.44) the rows must come from an
        ordered subquery; ``order`` is then only documentation.
        """
        if self.pg:
            agg = func.json_agg(aggregate_order_by(item, *order) if order else item)
            if where is not None:
                agg = agg.filter(where)
            return func.coalesce(agg, literal_column("'[]'::json"))
        agg = func.json_group_array(func.json(item))
        return agg if where is None else agg.filter(where)

    def boolean(self, condition: ColumnElement[Any]) -> ColumnElement[Any]:
        """A JSON ``true``/``false`` (``null`` for a null) from an SQL condition."""
        if self.pg:
            return condition
        return case(
            (condition.is_(None), null()),
            (condition, literal_column("json('true')")),
            else_=literal_column("json('false')"),
        )

    def constant_boolean(self, value: bool) -> ColumnElement[Any]:
        if self.pg:
            return literal_column("true" if value else "false")
        return literal_column("json('true')" if value else "json('false')")

    # Leaves -------------------------------------------------------------------------------

    def failing(self, reason: str, value: ColumnElement[Any], like: ColumnElement[Any]) -> Any:
        """An expression of ``like``'s type that raises when evaluated (only evaluated in a
        branch that is taken): the statement fails and the operation goes another way."""
        if self.pg:
            # A cast that cannot succeed, naming the reason; it reads the row, so it is not
            # folded at planning time and fails only if reached (a null row fails too).
            row_text = func.coalesce(cast(value, Text), text_constant(""))
            message = text_constant(f"{FAILED}{reason}") + func.substr(
                row_text, number(1), number(0)
            )
            failed = cast(message, Integer)
            if isinstance(like.type, NullType | JsonType):  # a JSON value
                return cast(cast(failed, Text), JSON())
            return cast(failed, like.type)
        return func.fg_fail(text_constant(reason))

    def checked(
        self, value: ColumnElement[Any], reason: str, *, non_null: bool, row: ColumnElement[Any]
    ) -> ColumnElement[Any]:
        """``value``, failing the statement where it is null and must not be."""
        if not non_null:
            return value
        return func.coalesce(value, self.failing(reason, row, value))

    def leaf(self, column: ColumnElement[Any], scalar: str) -> ColumnElement[Any]:
        """``column`` rendered as the GraphQL scalar ``scalar`` serialises it."""
        kind = _underlying(column.type)
        if scalar in ("String", "ID", "Duration", "UUID") and isinstance(kind, String | Text):
            return column
        if scalar == "Int" and isinstance(kind, Integer) and not isinstance(kind, Boolean):
            # graphql-core refuses an Int beyond 32 bits: so does the statement (a null is
            # neither: it is served). PostgreSQL's cast to integer refuses it by itself
            # (SQLSTATE 22003), at a fraction of a CASE's cost over hundreds of ids.
            if self.pg:
                return cast(column, Integer)
            beyond = or_(column < number(INT_MIN), column > number(INT_MAX))
            return case((beyond, self.failing("Int beyond 32 bits", column, column)), else_=column)
        if scalar == "BigInt" and isinstance(kind, Integer) and not isinstance(kind, Boolean):
            return column
        if scalar == "Boolean" and isinstance(kind, Boolean):
            return self.boolean(column)
        if scalar == "Float" and isinstance(kind, Float):
            # PostgreSQL prints the shortest exact digits, as Python does, but integral values
            # without Python's ".0" (a client would read an integer); SQLite only 15 digits.
            if not self.pg:
                return func.json(func.fg_real(column))
            text = cast(column, Text)
            integral = and_(
                column == func.trunc(column), func.strpos(text, text_constant("e")) == number(0)
            )
            return cast(case((integral, text + text_constant(".0")), else_=text), JSON())
        if scalar == "DateTime" and isinstance(kind, DateTime):
            return self.timestamp(column, "Z")
        if scalar == "Date" and isinstance(kind, Date):
            return func.to_char(column, text_constant("YYYY-MM-DD")) if self.pg else column
        raise Unrenderable(f"{scalar} from a {kind!r} column")

    def timestamp(self, column: ColumnElement[Any], zone: str) -> ColumnElement[Any]:
        """A UTC timestamp as Python's ``isoformat()`` writes it, with ``zone`` for
        ``+00:00`` (microseconds only when there are some)."""
        empty = text_constant("")
        if self.pg:
            utc = func.timezone(text_constant("UTC"), column)
            fraction = case(
                (func.to_char(utc, text_constant("US")) == text_constant("000000"), empty),
                else_=func.to_char(utc, text_constant(".US")),
            )
            pattern = text_constant('YYYY-MM-DD"T"HH24:MI:SS')
            return func.to_char(utc, pattern) + fraction + text_constant(zone)
        # SQLAlchemy stores 'YYYY-MM-DD HH:MM:SS.ffffff' (UTC) in SQLite.
        micro = func.substr(column, number(21), number(6))
        fraction = case(
            (or_(micro.is_(None), micro == empty, micro == text_constant("000000")), empty),
            else_=text_constant(".") + micro,
        )
        day = func.substr(column, number(1), number(10))
        time = func.substr(column, number(12), number(8))
        return day + text_constant("T") + time + fraction + text_constant(zone)

    # Value objects in JSON columns ---------------------------------------------------------

    def object_list(
        self, column: ColumnElement[Any], item: Callable[[ColumnElement[Any]], Any]
    ) -> ColumnElement[Any]:
        """The JSON array of ``item(element)`` for each object of the JSON array in
        ``column``, in order (other elements skipped, as ``schema.media.from_json_list``
        does); null for null; the statement fails for anything but an array."""
        if self.pg:
            elements = (
                func.json_array_elements(column)
                .table_valued("value", with_ordinality="ordinal")
                .render_derived()
            )
            value = elements.c.value
            built = func.json_agg(aggregate_order_by(item(value), elements.c.ordinal))
            listed = (
                select(func.coalesce(built, literal_column("'[]'::json")))
                .select_from(elements)
                .where(func.json_typeof(value) == text_constant("object"))
            )
            kind = func.json_typeof(column)
        else:
            elements = func.json_each(column).table_valued("key", "value", "type")
            objects = (
                select(elements.c.value.label("value"))
                .where(elements.c.type == text_constant("object"))
                .order_by(elements.c.key)
                .subquery()
            )
            built = func.json_group_array(func.json(item(objects.c.value)))
            listed = select(built).select_from(objects)
            kind = func.json_type(column)
        array = listed.scalar_subquery()
        return case(
            (column.is_(None), null()),
            (kind == text_constant("null"), null()),
            (kind == text_constant("array"), array),
            else_=self.failing("a JSON column that is no list", column, array),
        )

    def _member(self, element: ColumnElement[Any], key: str) -> tuple[Any, Any]:
        """(JSON type name, value) of ``element``'s member ``key``; the type is null when the
        key is missing. PostgreSQL's value is JSON, SQLite's an SQL value (text, number,
        or JSON text for objects)."""
        if not key.replace("_", "a").isalnum() or not key.isascii():
            raise Unrenderable(f"JSON key {key!r}")
        if self.pg:
            value = element.op("->", return_type=JSON())(text_constant(key))
            return func.json_typeof(value), value
        path = text_constant(f'$."{key}"')
        return func.json_type(element, path), func.json_extract(element, path)

    def member_leaf(self, element: ColumnElement[Any], key: str, scalar: str) -> ColumnElement[Any]:
        """``element``'s member ``key`` as the GraphQL ``scalar`` serialises the value as it
        is: null when missing or null, the statement failing where the JSON type is not the
        scalar's own (the standard executor then coerces, or refuses, as it does)."""
        kind, value = self._member(element, key)
        absent = or_(kind.is_(None), kind == text_constant("null"))
        other = self.failing(f"a JSON {scalar} of another type", element, value)
        if scalar in ("String", "ID", "Duration"):
            if self.pg:
                return case((kind == text_constant("string"), value), (absent, null()), else_=other)
            # The member's JSON text, escapes kept (SQLite's text values end at a NUL).
            quoted = func.json(element.op("->")(text_constant(f'$."{key}"')))
            return case((kind == text_constant("text"), quoted), (absent, null()), else_=other)
        if scalar == "Int":
            if self.pg:
                digits = cast(value, Text)
                small = case(
                    (
                        digits.op("~")(text_constant("^-?[0-9]{1,10}$")),
                        case(
                            (
                                cast(digits, BigInteger).between(number(INT_MIN), number(INT_MAX)),
                                value,
                            ),
                            else_=other,
                        ),
                    ),
                    else_=other,
                )
                return case((kind == text_constant("number"), small), (absent, null()), else_=other)
            whole = and_(
                kind == text_constant("integer"), value.between(number(INT_MIN), number(INT_MAX))
            )
            return case((whole, value), (absent, null()), else_=other)
        if scalar == "Boolean":
            if self.pg:
                return case(
                    (kind == text_constant("boolean"), value), (absent, null()), else_=other
                )
            return case(
                (kind == text_constant("true"), literal_column("json('true')")),
                (kind == text_constant("false"), literal_column("json('false')")),
                (absent, null()),
                else_=other,
            )
        raise Unrenderable(f"a JSON member as {scalar}")

    def member_moment(self, element: ColumnElement[Any], key: str) -> ColumnElement[Any]:
        """``element``'s member ``key`` read as ``schema.media`` reads a moment (an ISO-8601
        string with an offset, else null) and written as a ``DateTime``. SQLite calls the
        store's ``fg_utc``; PostgreSQL passes on the plain UTC form and fails the statement
        for any other string."""
        kind, value = self._member(element, key)
        if not self.pg:
            return case((kind == text_constant("text"), func.fg_utc(value)), else_=null())
        # The JSON text, quotes included: unescaping (->>) could fail on a \u0000.
        text = cast(value, Text)
        utc = cast(func.substr(text, number(1), number(20)) + text_constant('Z"'), JSON())
        plain = case(
            (text.op("~")(text_constant(f'^"{UTC_MOMENT[1:-1]}"$')), utc),
            else_=self.failing("a timestamp not in the plain UTC form", element, utc),
        )
        return case((kind == text_constant("string"), plain), else_=null())

    def member_object(
        self, element: ColumnElement[Any], key: str, build: Callable[[ColumnElement[Any]], Any]
    ) -> ColumnElement[Any]:
        """``build(member)`` where ``element``'s member ``key`` is an object, else null."""
        kind, value = self._member(element, key)
        return case((kind == text_constant("object"), build(value)), else_=null())

    # Ids and cursors ----------------------------------------------------------------------

    def b64url(self, text: ColumnElement[Any]) -> ColumnElement[Any]:
        """Url-safe base64 of ``text``'s UTF-8, without padding."""
        if self.pg:
            utf8 = func.convert_to(text, text_constant("UTF8"))
            encoded = func.encode(utf8, text_constant("base64"))
            url_safe = func.translate(encoded, literal_column("E'+/\\n'"), text_constant("-_"))
            return func.rtrim(url_safe, text_constant("="))
        return func.fg_b64url(text)

    def global_id(self, type_name: str, key: ColumnElement[Any]) -> ColumnElement[Any]:
        """``Node.id``: ``<Type>:<LL2 id>`` in url-safe base64 (as ``schema.node``)."""
        return self.b64url(text_constant(f"{type_name}:") + cast(key, Text))

    def cursor_value(self, key: ColumnElement[Any]) -> ColumnElement[Any]:
        """A keyset value as ``loaders.pages.encode_cursor`` writes it in JSON (null → null)."""
        kind = _underlying(key.type)
        if isinstance(kind, DateTime):
            text = text_constant('{"t":"') + self.timestamp(key, '+00:00"}')
        elif isinstance(kind, Date):
            text = text_constant('{"d":"') + cast(key, Text) + text_constant('"}')
        elif isinstance(kind, Boolean):
            raise Unrenderable("a boolean keyset value")
        elif isinstance(kind, Integer):
            text = cast(key, Text)
        elif isinstance(kind, String | Text):
            text = cast(func.to_json(key), Text) if self.pg else func.json_quote(key)
        else:
            raise Unrenderable(f"a keyset value of type {kind!r}")
        return func.coalesce(text, text_constant("null"))

    def cursor(self, order: str, keys: Sequence[ColumnElement[Any]]) -> ColumnElement[Any]:
        """``encode_cursor(order, keys)`` in SQL."""
        if not order.replace("_", "a").isalnum():
            raise Unrenderable(f"order {order!r}")
        text: ColumnElement[Any] = text_constant(f'{{"o":"{order}","v":[')
        for index, key in enumerate(keys):
            if index:
                text = text + text_constant(",")
            text = text + self.cursor_value(key)
        return self.b64url(text + text_constant("]}"))

    def smaller(self, a: ColumnElement[Any], b: ColumnElement[Any]) -> ColumnElement[Any]:
        return case((a < b, a), else_=b)
