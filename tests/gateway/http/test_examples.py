"""GraphiQL's example operations answer on the demo data of both databases: without errors,
with something to show, and the page carries every one of them as a tab."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from graphql import OperationType, get_operation_ast, parse, validate
from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.app import create_app
from gateway.http.examples import EXAMPLES, NOW, Example, default_tabs
from gateway.http.graphiql import page
from gateway.settings import Settings
from schema import schema
from tests.conftest import Database
from tests.gateway.helpers import client_for


def first_list(value: object) -> list | None:
    """The first list in the answer (the example's main page of results)."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        for inner in value.values():
            if (found := first_list(inner)) is not None:
                return found
    return None


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.name)
def test_every_example_is_a_valid_named_operation(example: Example) -> None:
    document = parse(example.query)
    assert validate(schema._schema, document) == []
    assert get_operation_ast(document, example.name) is not None


async def test_the_queries_answer_with_data_on_the_demo_set(
    demo_engine: AsyncEngine, database: Database
) -> None:
    # The demo set's upcoming launches are upcoming from the day it was generated on.
    now = datetime(2024, 1, 1, tzinfo=UTC).isoformat().replace("+00:00", "Z")
    app = create_app(Settings(database_url=database.url), engine=demo_engine)
    async with client_for(app) as http:
        for example in EXAMPLES:
            if get_operation_ast(parse(example.query)).operation != OperationType.QUERY:
                continue
            variables = {k: (now if v == NOW else v) for k, v in example.variables.items()}
            body = {"query": example.query, "variables": variables}
            answer = (await http.post("/graphql", json=body)).json()
            assert "errors" not in answer, (example.name, answer)
            assert first_list(answer["data"]), (example.name, answer)


def test_the_page_opens_with_every_example_as_a_tab() -> None:
    html, _ = page()
    tabs = default_tabs()
    assert [t["query"] for t in tabs] == [e.query for e in EXAMPLES]
    for example in EXAMPLES:
        assert f"query {example.name}" in html or f"subscription {example.name}" in html
    assert "defaultQuery: tabs[0].query" in html
    assert 'rel="icon"' in html  # no favicon request, no 404 in the console
