"""Run a cached mode document on the schema, with this request's own loaders."""

from __future__ import annotations

from typing import Any

from graphql import ExecutionResult, GraphQLError, execute
from strawberry.execution import optimized_is_awaitable
from strawberry.schema._graphql_core import execution_context_class_kwargs
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from gateway.context import Context
from gateway.rest.documents import ModeDocument
from schema import schema
from schema.compiled import CompiledExecutionContext, paths
from schema.errors import BAD_USER_INPUT
from schema.guards.masking import (
    UNAVAILABLE_MESSAGE,
    is_statement_timeout,
    is_unavailable,
    mask_errors,
    refused_input,
)


class BadInput(ValueError):
    """The graph refused the request's input (a ``BAD_USER_INPUT`` error): a 400."""


class ServerError(RuntimeError):
    """The graph failed: a 500 (the error is logged, the client sees no detail)."""


class Unavailable(RuntimeError):
    """The database cannot answer now: a 503, as on ``/graphql`` (logged as such)."""


class TimedOut(RuntimeError):
    """The request ran past its deadline, or the database stopped its statement: a 504, as
    on ``/graphql``."""


async def run(document: ModeDocument, variables: dict[str, Any], context: Context) -> Any:
    """The document's data; :class:`BadInput` or :class:`ServerError` when it has errors.

    The ``DocumentNode`` was parsed and validated once (:mod:`gateway.rest.documents`), so this
    goes straight to graphql-core's executor, with the schema's execution context class — the
    compiled one unless the app's settings turn it off.
    """
    executor = _executor(context)
    if executor is StrawberryGraphQLCoreExecutionContext:
        paths.report(paths.STANDARD, paths.COMPILED_OFF)
    result = execute(
        schema._schema,
        document.document,
        variable_values=variables,
        context_value=context,
        **execution_context_class_kwargs(executor),
        is_awaitable=optimized_is_awaitable,
    )
    if not isinstance(result, ExecutionResult):
        result = await result
    if result.errors:
        _raise(result.errors, partial=result.data is not None)
    return result.data


def _executor(context: Context) -> Any:
    settings = context.settings
    if settings is None:
        return schema.execution_context_class
    if settings.compiled_execution:
        return CompiledExecutionContext
    return StrawberryGraphQLCoreExecutionContext


def _raise(errors: list[GraphQLError], *, partial: bool) -> None:
    """Input errors are the client's (400); others are logged, and fail the request unless
    they only nulled fields (GraphQL's own answer to a field error: the rest is served)."""
    for error in errors:
        if (error.extensions or {}).get("code") == BAD_USER_INPUT:
            raise BadInput(error.message)
        reason = error.original_error and refused_input(error.original_error)
        if reason:
            raise BadInput(f"The database refused this request's input: {reason}")
    if any(e.original_error and is_statement_timeout(e.original_error) for e in errors):
        raise TimedOut("The query took too long and was stopped.")
    down = [e for e in errors if e.original_error and is_unavailable(e.original_error)]
    if down:
        mask_errors(down)  # logged as an outage, as the GraphQL endpoint logs it
        raise Unavailable(UNAVAILABLE_MESSAGE)
    schema.process_errors(errors)
    if not partial or any(not error.path or len(error.path) < 2 for error in errors):
        raise ServerError(errors[0].message)
