"""GraphiQL served from the gateway's own assets, with a CDN page only as a fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from gateway.http import graphiql
from tests.conftest import require_service
from tests.gateway.http.conftest import Client

HTML = {"accept": "text/html"}


@pytest.fixture
def assets() -> None:
    if not all(graphiql.local_path(name) for name in graphiql.ASSETS):
        require_service("GraphiQL assets", f"run `npm ci` in {graphiql.PROJECT}")


async def test_the_page_loads_everything_from_the_gateway(client: Client, assets: None) -> None:
    async with client() as http:
        page = await http.get("/graphql", headers=HTML)
        scripts = {name: await http.get(f"/graphql/assets/{name}") for name in graphiql.ASSETS}
        missing = await http.get("/graphql/assets/../../settings.py")
        unknown = await http.get("/graphql/assets/nope.js")
    assert page.status_code == 200
    assert "https://" not in page.text  # nothing from the internet
    for name, response in scripts.items():
        assert f'"graphql/assets/{name}"' in page.text
        assert response.status_code == 200, name
        assert response.headers["cache-control"] == "public, max-age=86400"
    assert "GraphiQLPluginExplorer" in scripts["explorer.js"].text
    assert missing.status_code == 404 and unknown.status_code == 404


def test_without_the_assets_the_page_uses_the_pinned_cdn(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text((graphiql.PROJECT / "package.json").read_text())
    html, local = graphiql.page(tmp_path)
    assert not local
    assert "https://unpkg.com/graphiql@3.8.3/graphiql.min.js" in html
    assert "https://unpkg.com/@graphiql/plugin-explorer@3.2.5/dist/index.umd.js" in html


async def test_graphiql_off_means_no_page_and_no_assets(client: Client) -> None:
    async with client(graphiql=False) as http:
        page = await http.get("/graphql", headers=HTML)
        asset = await http.get("/graphql/assets/graphiql.js")
    assert page.status_code == 404
    assert asset.status_code == 404
