"""Guardrails for a public endpoint: limits and cost checked before execution, and errors
masked after it. The schema layer takes the limits as values (see ``Limits``)."""

from __future__ import annotations

from schema.guards.codes import (
    ALIAS_LIMIT,
    COST_LIMIT,
    DEPTH_LIMIT,
    DIRECTIVE_LIMIT,
    GRAPHQL_PARSE_FAILED,
    GRAPHQL_VALIDATION_FAILED,
    INPUT_LIMIT,
    INTERNAL,
    SERVICE_UNAVAILABLE,
    TIMEOUT,
    TOKEN_LIMIT,
)
from schema.guards.cost import operation_cost
from schema.guards.extension import Guards
from schema.guards.limits import Limits
from schema.guards.masking import is_unavailable, mask_errors, refused_input

__all__ = [
    "ALIAS_LIMIT",
    "COST_LIMIT",
    "DEPTH_LIMIT",
    "DIRECTIVE_LIMIT",
    "GRAPHQL_PARSE_FAILED",
    "GRAPHQL_VALIDATION_FAILED",
    "INPUT_LIMIT",
    "INTERNAL",
    "SERVICE_UNAVAILABLE",
    "TIMEOUT",
    "TOKEN_LIMIT",
    "Guards",
    "Limits",
    "is_unavailable",
    "mask_errors",
    "operation_cost",
    "refused_input",
]
