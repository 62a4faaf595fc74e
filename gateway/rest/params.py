"""A list request's query parameters, read the way LL2 (DRF + django-filter) reads them.

* ``limit``/``offset`` (DRF ``LimitOffsetPagination``): a bad or non-positive ``limit`` is the
  default (10), more than 100 is 100; a bad ``offset`` is 0.
* ``ordering`` (DRF ``OrderingFilter``): comma-separated, ``-`` for descending; fields LL2 does
  not order on are dropped; the first one left orders the page (ties by id).
* ``search`` (DRF ``SearchFilter``): only where LL2 declares searched fields.
* filters (django-filter): an empty value is no filter, a boolean that is not one is no filter,
  any other bad value is a 400 whose body names each bad parameter with its messages, as
  ``{"net__gt": ["Enter a valid date/time."]}``.
* ``mode``: one of the endpoint's modes, else its default (``normal``).
* parameters LL2 does not know are ignored.
"""

from __future__ import annotations

import functools
import math
import sys
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from starlette.datastructures import QueryParams

from gateway.rest.documents import endpoint_data
from gateway.rest.endpoints import ENDPOINTS
from gateway.rest.filters import Rule, rules

DEFAULT_LIMIT = 10
MAX_LIMIT = 100
INT_MIN, INT_MAX = -(2**31), 2**31 - 1  # GraphQL Int
DEFAULT_MODE = "normal"

# LL2 ordering fields whose order enum member is not their upper case.
ORDER_NAMES = {"location__id": "LOCATION", "location__name": "LOCATION_NAME"}

_MESSAGES = {
    "integer": "Enter a number.",
    "number": "Enter a number.",
    "date-time": "Enter a valid date/time.",
    "date": "Enter a valid date.",
    "uuid": "Enter a valid UUID.",
}
_TRUE, _FALSE = ("true", "True", "1"), ("false", "False", "0")


class ParamError(ValueError):
    """Bad parameter values: ``{parameter: [messages]}``, answered as a 400."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(errors)
        self.errors = errors


@dataclass
class ListQuery:
    mode: str
    limit: int
    offset: int
    order: str
    conditions: list[dict[str, Any]] = field(default_factory=list)

    @property
    def filter(self) -> dict[str, Any] | None:
        return {"and": self.conditions} if self.conditions else None


def _positive_int(text: str | None, *, strict: bool) -> int | None:
    try:
        value = int(text or "")
    except ValueError:
        return None
    if value < 0 or (strict and value == 0):
        return None
    return value


@functools.cache
def endpoint_rules(name: str) -> dict[str, Rule]:
    endpoint = ENDPOINTS[name]
    return rules(name, endpoint_data()[name]["parameters"], endpoint.filter_type)


def _order_members(order_type: str) -> frozenset[str]:
    from schema import schema

    gql_enum = schema._schema.get_type(order_type)
    return frozenset(getattr(gql_enum, "values", {}))


def ordering(name: str, text: str | None, default: str) -> str:
    """The order enum value for LL2's ``ordering`` (the default when nothing usable is asked)."""
    allowed = endpoint_data()[name]["ordering"]
    members = _order_members(ENDPOINTS[name].order_type)
    for term in (text or "").split(","):
        term = term.strip()
        descending = term.startswith("-")
        ll2_field = term.lstrip("-")
        if ll2_field not in allowed:
            continue
        member = ORDER_NAMES.get(ll2_field, ll2_field.upper())
        if f"{member}_ASC" in members:
            return f"{member}_{'DESC' if descending else 'ASC'}"
    return default


def _integer(value: Decimal, op: str | None) -> int | None:
    """An integer operand for ``op``; ``None`` when nothing can match (``eq`` 1.5)."""
    if op in ("gt", "lte"):
        number = math.floor(value)
    elif op in ("gte", "lt"):
        number = math.ceil(value)
    elif value != value.to_integral_value():
        return None
    else:
        number = int(value)
        if not INT_MIN <= number <= INT_MAX:
            return None  # no stored value is that number
    return min(max(number, INT_MIN), INT_MAX)


def _value(kind: str, text: str, op: str | None) -> Any:
    """One value as the graph takes it; ``ValueError`` with django's message if it is bad."""
    if kind in ("integer", "number"):
        try:
            number = Decimal(text.strip())
        except InvalidOperation:
            raise ValueError(_MESSAGES[kind]) from None
        if not number.is_finite():
            raise ValueError(_MESSAGES[kind])
        if kind == "integer":
            return _integer(number, op)
        return min(max(float(number), -sys.float_info.max), sys.float_info.max)
    if kind == "date-time":
        try:
            moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(_MESSAGES[kind]) from None
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        try:
            utc = moment.astimezone(UTC)
        except OverflowError:  # beyond year 1…9999 once in UTC
            raise ValueError(_MESSAGES[kind]) from None
        return utc.isoformat().replace("+00:00", "Z")
    if kind == "date":
        try:
            return date.fromisoformat(text.strip()).isoformat()
        except ValueError:
            raise ValueError(_MESSAGES[kind]) from None
    if kind == "uuid":
        try:
            return str(uuid.UUID(text.strip()))
        except ValueError:
            raise ValueError(_MESSAGES[kind]) from None
    return text


def _condition(rule: Rule, texts: list[str]) -> dict[str, Any] | None:
    """The filter condition for one parameter; ``None`` when it filters nothing."""
    if rule.kind == "boolean":
        text = texts[-1]
        if text not in _TRUE + _FALSE:
            return None  # django's NullBooleanField: anything else is "no filter"
        flag = text in _TRUE
        return {rule.field: flag if rule.op is None else {rule.op: flag}}
    if rule.many:
        items = [i for t in texts for i in t.split(",") if i.strip()]
        if not items:
            return None
        values = [_value(rule.kind, item, "eq") for item in items]
        return {rule.field: {"in": [v for v in values if v is not None]}}
    text = texts[-1]
    if not text:
        return None
    value = _value(rule.kind, text, rule.op)
    if value is None:
        return {rule.field: {"in": []}}  # an integer filter no integer matches
    return {rule.field: {rule.op: value}}


def list_query(name: str, params: QueryParams, default_order: str) -> ListQuery:
    """Read ``params`` for endpoint ``name``; :class:`ParamError` on bad filter values."""
    data = endpoint_data()[name]
    mode = params.get("mode", DEFAULT_MODE)
    if mode not in data["modes"]:
        mode = DEFAULT_MODE if DEFAULT_MODE in data["modes"] else next(iter(data["modes"]))
    limit = _positive_int(params.get("limit"), strict=True) or DEFAULT_LIMIT
    offset = _positive_int(params.get("offset"), strict=False) or 0
    query = ListQuery(
        mode=mode,
        limit=min(limit, MAX_LIMIT),
        offset=min(offset, INT_MAX),
        order=ordering(name, params.get("ordering"), default_order),
    )
    errors: dict[str, list[str]] = {}
    for param, rule in endpoint_rules(name).items():
        texts = params.getlist(param)
        if not texts:
            continue
        try:
            condition = _condition(rule, texts)
        except ValueError as error:
            errors[param] = [str(error)]
            continue
        if condition is not None:
            query.conditions.append(condition)
    if errors:
        raise ParamError(errors)
    search = params.get("search")
    if search and data["search"]:
        query.conditions.append({"search": search})
    return query
