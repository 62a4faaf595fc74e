"""``EventFilter`` and ``EventOrder`` (LL2 ``/2.3.0/events/`` filters and ordering)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from schema.filters import (
    AND,
    NOT,
    OR,
    SEARCH,
    BooleanFilter,
    DateTimeFilter,
    IntFilter,
    StringFilter,
    UUIDFilter,
    option,
)
from schema.pagination import order_enum

if TYPE_CHECKING:
    from schema.inputs.lookup import NamedLookupFilter

# The related node's filter, resolved when the schema is built.
_NamedLookupFilter = Annotated["NamedLookupFilter", strawberry.lazy("schema.inputs.lookup")]

EventOrder = order_enum(
    "EventOrder",
    ["date", "last_updated", "name", "id"],
    "Orders of events (LL2 `ordering`: date, last_updated).",
)


@strawberry.input(description="Which events (LL2 `/2.3.0/events/` filters).")
class EventFilter:
    ll2_id: IntFilter | None = option("LL2's id (`id`).")
    name: StringFilter | None = option("Name.")
    slug: StringFilter | None = option("Slug (`slug`).")
    type: IntFilter | None = option("LL2 id of the event type (`type`, `type__ids`).")
    date: DateTimeFilter | None = option("When it happens (`date__gt`, `date__gte`, …).")
    last_updated: DateTimeFilter | None = option("Last change at LL2 (`last_updated__gte`, …).")
    year: IntFilter | None = option("UTC year of the date (`year`).")
    month: IntFilter | None = option("UTC month (1 to 12) of the date (`month`).")
    day: IntFilter | None = option("UTC day of month of the date (`day`).")
    webcast_live: BooleanFilter | None = option("Its webcast is live.")
    location: StringFilter | None = option("Where it happens (text).")
    agency: IntFilter | None = option("LL2 id of one of its agencies (`agency__ids`).")
    program: IntFilter | None = option("LL2 id of one of its programs (`program`).")
    launch: UUIDFilter | None = option("LL2 id of one of its launches.")
    space_station: IntFilter | None = option("LL2 id of one of its space stations.")
    type_where: _NamedLookupFilter | None = option("The event type, by its own fields.")
    search: str | None = option(f"{SEARCH} Searched: name.")
    and_: list[EventFilter] | None = option(AND, name="and")
    or_: list[EventFilter] | None = option(OR, name="or")
    not_: EventFilter | None = option(NOT, name="not")
