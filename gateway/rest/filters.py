"""LL2 filter parameters as conditions of the graph's ``filter`` inputs.

A parameter ``<base>[__<lookup>]`` is the condition ``{<field>: {<op>: value}}`` on the
endpoint's filter input (``LaunchFilter``…): ``__gt``/``__gte``/``__lt``/``__lte`` keep their
name, ``__contains``/``__icontains`` are ``contains``, a comma-separated list (``__ids``, or an
array parameter) is ``in``, anything else ``eq``. ``<field>`` is the camelCase of ``<base>``
(``id`` is ``ll2Id``) unless :data:`FIELDS` names it. A parameter whose field the input lacks
is not answered (see :func:`unsupported`); LL2 itself ignores parameters it does not know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLInputObjectType, GraphQLScalarType, get_named_type
from strawberry.utils.str_converters import to_camel_case

_LOOKUP = re.compile(r"(?:__(gt|gte|lt|lte|contains|icontains|ids)|_ids)$")

# LL2 parameter bases whose filter field is not their camelCase, per endpoint.
FIELDS: dict[str, dict[str, str]] = {
    "launches": {
        "lsp__id": "launchServiceProvider",
        "lsp__name": "launchServiceProviderName",
        "launcher_config__id": "rocketConfiguration",
        "location": "location",
        "pad__location": "location",
        "pad__location__celestial_body__id": "celestialBody",
        "mission__orbit__celestial_body__id": "orbitCelestialBody",
        "mission__orbit__name": "orbitName",
        "rocket__configuration__full_name": "rocketConfigurationFullName",
        "rocket__configuration__id": "rocketConfiguration",
        "rocket__configuration__manufacturer__name": "rocketManufacturerName",
        "rocket__configuration__name": "rocketConfigurationName",
        "rocket__spacecraftflight__spacecraft__id": "spacecraft",
        "rocket__spacecraftflight__spacecraft__name": "spacecraftName",
        "is_crewed": "crewed",
        "serial_number": "serialNumber",
    },
    "agencies": {"type__id": "type", "parent__id": "parentAgency"},
    "pads": {"agencies": "agencies", "location__id": "location", "location__name": "locationName"},
    "landings": {
        "landing_type": "type",
        "firststage_launch": "firststageLaunch",
        "launcher": "launcher",
        "launcher_config": "launcherConfig",
        "launcher_serial_numbers": "launcherSerialNumber",
    },
    "astronauts": {"agency": "agency", "status": "status", "type__id": "type"},
    "space_stations": {"owner": "owners"},
    "launchers": {"launcher_config__manufacturer__name": "launcherConfigManufacturerName"},
    "docking_events": {
        "docking_location__id": "dockingLocation",
        "flight_vehicle_chaser__id": "flightVehicleChaser",
        "space_station_target__id": "spaceStationTarget",
    },
}
for _name in ("launches/upcoming", "launches/previous"):
    FIELDS[_name] = FIELDS["launches"]

# Parameters that are not a condition on one field, handled by the view.
SPECIAL = frozenset({"limit", "offset", "ordering", "search", "mode", "format"})
PER_ENDPOINT_SPECIAL = {
    "launches": frozenset({"include_suborbital"}),
    "launches/upcoming": frozenset({"include_suborbital", "hide_recent_previous"}),
    "launches/previous": frozenset({"include_suborbital"}),
}


@dataclass(frozen=True)
class Rule:
    """How one LL2 parameter filters: field of the filter input, operator, value kind."""

    param: str
    field: str
    op: str | None  # None: the field is a plain Boolean (crewed…), not an operator input
    kind: str  # integer, number, boolean, string, date-time, date, uuid
    many: bool  # comma-separated list


def _kind(schema: dict[str, Any]) -> tuple[str, bool]:
    if schema.get("type") == "array":
        inner, _ = _kind(schema.get("items", {}))
        return inner, True
    fmt = schema.get("format")
    if fmt in ("date-time", "date", "uuid"):
        return fmt, False
    return schema.get("type", "string"), False


# Which LL2 value kinds each GraphQL operand type takes.
_TAKES = {
    "Int": ("integer", "number"),
    "Float": ("number", "integer"),
    "String": ("string",),
    "Boolean": ("boolean",),
    "DateTime": ("date-time",),
    "Date": ("date",),
    "UUID": ("uuid",),
}


def rules(endpoint: str, parameters: list[dict[str, Any]], filter_type: str) -> dict[str, Rule]:
    """The rule of each of ``parameters`` that the graph's ``filter_type`` can answer."""
    from schema import schema

    gql_input = schema._schema.get_type(filter_type)
    if not isinstance(gql_input, GraphQLInputObjectType):
        return {}
    special = SPECIAL | PER_ENDPOINT_SPECIAL.get(endpoint, frozenset())
    named = FIELDS.get(endpoint, {})
    found: dict[str, Rule] = {}
    for parameter in parameters:
        name = parameter["name"]
        if name in special:
            continue
        kind, many = _kind(parameter.get("schema", {}))
        match = _LOOKUP.search(name)
        lookup = (match.group(1) or "ids") if match else None
        base = name[: match.start()] if match else name
        field = (
            named.get(base) or named.get(name) or ("ll2Id" if base == "id" else to_camel_case(base))
        )
        target = gql_input.fields.get(field)
        if target is None:
            continue
        if lookup in ("gt", "gte", "lt", "lte"):
            op: str | None = lookup
        elif lookup in ("contains", "icontains"):
            op = "contains"
        elif lookup == "ids" or many:
            op, many = "in", True
        else:
            op = "eq"
        named_type = get_named_type(target.type)
        if isinstance(named_type, GraphQLScalarType):  # a plain Boolean such as `crewed`
            if op != "eq":
                continue
            op, operand = None, named_type.name
        elif op not in named_type.fields:
            continue
        else:
            operand = get_named_type(named_type.fields[op].type).name
        if kind not in _TAKES.get(operand, ()):
            continue  # e.g. LL2's `nationality` is a name, the graph's an id
        if operand == "Int":
            kind = "integer"  # LL2 declares `year`, `month`… as numbers
        found[name] = Rule(name, field, op, kind, many)
    return found


def unsupported(endpoint: str, parameters: list[dict[str, Any]], filter_type: str) -> list[str]:
    """LL2 parameters of ``endpoint`` that the graph cannot answer (they are ignored)."""
    answered = rules(endpoint, parameters, filter_type)
    special = SPECIAL | PER_ENDPOINT_SPECIAL.get(endpoint, frozenset())
    return sorted(p["name"] for p in parameters if p["name"] not in set(answered) | special)
