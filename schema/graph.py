"""The GraphQL schema assembled: root ``Query`` composed per domain, the Federation
subgraph, and the module-level ``schema`` (built when this module is first imported, which
``import schema`` alone does not do: see ``schema/__init__.py``)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import strawberry
import strawberry.federation
from graphql import GraphQLError, NoSchemaIntrospectionCustomRule
from strawberry.extensions import AddValidationRules
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

# Modules whose types are only reached through others still have to be imported, so that
# they register as nodes.
from schema import lookups, mission, payload, values  # noqa: F401
from schema.agency import AgencyQuery
from schema.astronaut import AstronautQuery
from schema.celestial_body import CelestialBodyQuery
from schema.compiled.context import CompiledExecutionContext
from schema.docking_event import DockingEventQuery
from schema.event import EventQuery
from schema.event_deadline import EventDeadlineExecutionContext
from schema.federation import make_entities
from schema.flight import FlightQuery
from schema.guards import is_unavailable, refused_input
from schema.landing import LandingQuery
from schema.landing_location import LandingLocationQuery
from schema.launch import LaunchQuery
from schema.launcher import LauncherConfigQuery, LauncherQuery
from schema.location import LocationQuery
from schema.lookup_lists import LookupQuery
from schema.pad import PadQuery
from schema.root import NodeQuery
from schema.scalars import SCALARS
from schema.space_station import SpaceStationQuery
from schema.spacecraft import SpacecraftQuery
from schema.spacecraft_config import SpacecraftConfigQuery
from schema.subscriptions import Subscription


@strawberry.type(description="The flight data graph of Launch Library 2.")
class Query(
    FlightQuery,
    SpacecraftQuery,
    SpacecraftConfigQuery,
    AgencyQuery,
    LaunchQuery,
    PadQuery,
    LocationQuery,
    CelestialBodyQuery,
    LandingQuery,
    LandingLocationQuery,
    LauncherConfigQuery,
    LauncherQuery,
    AstronautQuery,
    SpaceStationQuery,
    DockingEventQuery,
    EventQuery,
    LookupQuery,
    NodeQuery,
):
    pass


class Schema(strawberry.federation.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # A client's mistake (BAD_USER_INPUT, validation) is not the server's: log the rest.
        # A database outage is already logged once, briefly, by the masking extension.
        unexpected = [
            e
            for e in errors
            if e.original_error is not None
            and not isinstance(e.original_error, GraphQLError)
            and not is_unavailable(e.original_error)
            and refused_input(e.original_error) is None
        ]
        super().process_errors(unexpected, execution_context)


def compiled_by_default() -> bool:
    """``FLIGHTGRAPH_COMPILED_EXECUTION`` (default on; ``false``/``0``/``no``/``off`` is off).

    Read here only for the module-level ``schema``: the app passes its settings' value."""
    value = os.environ.get("FLIGHTGRAPH_COMPILED_EXECUTION", "true")
    return value.strip().lower() not in ("false", "0", "no", "off")


def build_schema(
    introspection: bool = True, extensions: Sequence[Any] = (), compiled: bool | None = None
) -> Schema:
    """The schema: a Federation v2 subgraph. Without ``introspection`` (the production
    profile) ``__schema``/``__type`` are refused, while ``_service { sdl }`` — a plain field
    — still gives a supergraph gateway the SDL it composes from. ``compiled`` queries run on
    the compiled executor (:mod:`schema.compiled`); ``None`` reads the environment."""
    closed = [lambda: AddValidationRules([NoSchemaIntrospectionCustomRule])]
    extensions = [*extensions, *([] if introspection else closed)]
    if compiled is None:
        compiled = compiled_by_default()
    return Schema(
        query=Query,
        subscription=Subscription,
        types=make_entities(),
        config=StrawberryConfig(scalar_map=SCALARS),
        federation_version="2.3",
        extensions=extensions,
        execution_context_class=(
            CompiledExecutionContext if compiled else EventDeadlineExecutionContext
        ),
    )


schema = build_schema()

__all__ = ["Query", "Schema", "build_schema", "schema"]
