"""The guardrails as one Strawberry extension, in the order the request is handled:

1. parse with a token limit (a cached parse per document text);
2. structural limits (depth, aliases, directives), then spec validation — field
   suggestions switchable — cached per document text, as both ignore the variables;
3. before execution, the cost with this request's variables (and page sizes);
4. after it, error masking (also applied by the HTTP view to errors raised outside).

Each refusal is a GraphQL error with ``extensions.code``, raised before any resolver runs.
The parses, verdicts and costs share one LRU bounded by entries and by estimated bytes, so
distinct documents sent from outside cannot fill the memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import orjson
from graphql import DocumentNode, GraphQLError, parse, validate
from strawberry.extensions import SchemaExtension
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule

from schema.errors import BAD_USER_INPUT
from schema.guards.budget import BoundedLru, ast_bytes, errors_bytes, text_bytes
from schema.guards.codes import GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, TOKEN_LIMIT
from schema.guards.cost import check_cost, operation_cost
from schema.guards.limits import Limits, check_structure
from schema.guards.masking import mask_errors

# graphql-core's hints end at their question mark, which may be followed by more text
# ("… Did you mean 'destination'? Found: {…}."); names hold no "?".
SUGGESTION = re.compile(r" ?Did you mean [^?]*\?")
CACHE_SIZE = 512  # distinct documents: a client app has tens, an attacker gets evicted
CACHE_BYTES = 32_000_000  # the default of the document_cache_max_bytes setting
COSTED_VARIABLES = 1024  # bytes of variables (JSON) beyond which a cost is not kept
STRAWBERRY_RULES = (MaybeNullValidationRule, OneOfInputValidationRule)


class Guards:
    """Per-schema state (the caches) and a factory of per-request extensions.

    One LRU holds parsed documents, validation verdicts and costs (keys tagged by kind), so
    ``max_bytes`` bounds them together; a document's entries are used together and age
    together."""

    def __init__(self, limits: Limits, max_bytes: int = CACHE_BYTES) -> None:
        self.limits = limits
        self.cache: BoundedLru[tuple[Any, ...], Any] = BoundedLru(3 * CACHE_SIZE, max_bytes)

    def __call__(self) -> GuardsExtension:
        return GuardsExtension(self)

    def admits(self, query: str) -> bool:
        """Whether ``query`` parses within the token limit and passes the structural limits
        (what APQ asks before keeping a document); the parse is cached for the run."""
        try:
            document = self.parse(query)
        except GraphQLError:
            return False
        return not check_structure(document, self.limits)

    def parse(self, query: str) -> DocumentNode:
        key = ("document", query)
        document = self.cache.get(key)
        if document is None:
            try:
                document = parse(query, max_tokens=self.limits.max_tokens)
            except GraphQLError as error:
                tokens = "tokens" in error.message and "more than" in error.message
                code = TOKEN_LIMIT if tokens else GRAPHQL_PARSE_FAILED
                error.extensions = {**(error.extensions or {}), "code": code}
                raise
            # The key's text is the document's source: counted once, by ast_bytes.
            self.cache.put(key, document, ast_bytes(document))
        return document

    def validate(self, execution_context: Any) -> list[GraphQLError]:
        rules = tuple(execution_context.validation_rules)
        query = execution_context.query
        key = ("validation", query, rules)
        errors = self.cache.get(key)
        if errors is None:
            document = execution_context.graphql_document
            errors = check_structure(document, self.limits) or validate(
                execution_context.schema._schema,
                document,
                (*rules, *STRAWBERRY_RULES),
                hide_suggestions=not self.limits.field_suggestions,
            )
            for error in errors:
                if not (error.extensions or {}).get("code"):
                    error.extensions = {"code": GRAPHQL_VALIDATION_FAILED}
                if isinstance(error.original_error, (ValueError, TypeError)):
                    # A scalar refused a literal: the client's mistake, readable as it is —
                    # not a server error to mask and log.
                    error.original_error = None
            self.cache.put(key, errors, text_bytes(query) + errors_bytes(errors))
        return list(errors)

    def cost(
        self,
        schema: Any,
        query: str | None,
        document: DocumentNode,
        operation_name: str | None,
        variables: dict[str, Any] | None,
    ) -> int:
        """The operation's cost, kept per document, operation and (small) variables: a
        client repeating a query with the same variables does not pay for it again."""
        try:
            encoded = orjson.dumps(variables, option=orjson.OPT_SORT_KEYS)
        except TypeError:
            encoded = None
        key = None
        if isinstance(query, str) and encoded and len(encoded) <= COSTED_VARIABLES:
            key = ("cost", query, operation_name, encoded)
        cost = None if key is None else self.cache.get(key)
        if cost is None:
            cost = operation_cost(schema, document, operation_name, variables, self.limits)
            if key is not None:
                self.cache.put(key, cost, text_bytes(query, operation_name, encoded))
        return int(cost)


class GuardsExtension(SchemaExtension):
    def __init__(self, guards: Guards) -> None:
        self.guards = guards

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is None and context.query:
            context.graphql_document = self.guards.parse(context.query)
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.pre_execution_errors is None and context.graphql_document is not None:
            context.pre_execution_errors = self.guards.validate(context)
        yield

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        cost = self.guards.cost(
            context.schema._schema,
            context.query,
            context.graphql_document,
            context.operation_name,
            context.variables,
        )
        check_cost(cost, self.guards.limits)
        yield

    def on_operation(self) -> Iterator[None]:
        yield
        self._clean(self.execution_context.result)

    def on_stream_result(self, result: Any) -> Iterator[None]:  # type: ignore[override]
        # Over a WebSocket each result goes out as it is yielded, before on_operation ends:
        # it is masked here, before it leaves.
        self._clean(result)
        yield

    def _clean(self, result: Any) -> None:
        """Errors as a client may see them: masked, coded, without suggestions."""
        if result is not None and getattr(result, "errors", None):
            result.errors = mask_errors(result.errors)
            for error in result.errors:
                if error.path is None and not (error.extensions or {}).get("code"):
                    # graphql-core's variable coercion errors carry no code; what is still
                    # uncoded and pathless after masking is the request's own mistake.
                    error.extensions = {**(error.extensions or {}), "code": BAD_USER_INPUT}
            if not self.guards.limits.field_suggestions:
                # Variable coercion (in graphql-core's execute) suggests enum values and
                # input fields on its own: the same hints validation was told to hide.
                for error in result.errors:
                    error.message = SUGGESTION.sub("", error.message)
