"""GraphiQL served from the gateway itself, so it works on a machine with no internet.

The assets come from the npm project beside this module (`npm ci` in gateway/http/graphiql,
run by `make serve`/`make test`; node_modules stays out of git). Only when they are missing
does the page load the same pinned versions from a CDN.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

PROJECT = Path(__file__).resolve().parent / "graphiql"
PREFIX = "/graphql/assets/"
# URL name → (npm package, file inside it)
ASSETS = {
    "react.js": ("react", "umd/react.production.min.js"),
    "react-dom.js": ("react-dom", "umd/react-dom.production.min.js"),
    "graphiql.js": ("graphiql", "graphiql.min.js"),
    "graphiql.css": ("graphiql", "graphiql.min.css"),
    "explorer.js": ("@graphiql/plugin-explorer", "dist/index.umd.js"),
    "explorer.css": ("@graphiql/plugin-explorer", "dist/style.css"),
}
CDN = "https://unpkg.com"

PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>flightgraph · GraphiQL</title>
    <style>
      body {{ margin: 0; height: 100vh; overflow: hidden; }}
      #graphiql {{ height: 100vh; }}
    </style>
    <link rel="stylesheet" href="{graphiql.css}">
    <link rel="stylesheet" href="{explorer.css}">
    <script src="{react.js}"></script>
    <script src="{react-dom.js}"></script>
    <script src="{graphiql.js}"></script>
    <script src="{explorer.js}"></script>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script>
      const here = new URL(window.location.href);
      const fetcher = GraphiQL.createFetcher({{
        url: here.pathname,
        subscriptionUrl: here.origin.replace(/^http/, "ws") + here.pathname,
      }});
      const explorer = GraphiQLPluginExplorer.explorerPlugin();
      ReactDOM.createRoot(document.getElementById("graphiql")).render(
        React.createElement(GraphiQL, {{
          fetcher,
          plugins: [explorer],
          defaultQuery: "{{\\n  flights(first: 5) {{\\n    nodes {{ ll2Id name }}\\n  }}\\n}}\\n",
        }}),
      );
    </script>
  </body>
</html>
"""


def local_path(name: str, root: Path = PROJECT) -> Path | None:
    package, file = ASSETS[name]
    path = root / "node_modules" / package / file
    return path if path.is_file() else None


@cache
def page(root: Path = PROJECT) -> tuple[str, bool]:
    """The page's HTML, and whether it uses the local assets (else the CDN)."""
    local = all(local_path(name, root) for name in ASSETS)
    if local:
        # Relative to /graphql, so the page also works behind a path prefix.
        urls = {name: "graphql/assets/" + name for name in ASSETS}
    else:
        versions = json.loads((root / "package.json").read_text())["dependencies"]
        urls = {
            name: f"{CDN}/{package}@{versions[package]}/{file}"
            for name, (package, file) in ASSETS.items()
        }
    html = PAGE
    for name, url in urls.items():
        html = html.replace("{" + name + "}", url)
    return html.replace("{{", "{").replace("}}", "}"), local


def graphiql_page() -> Response:
    return HTMLResponse(page()[0], headers={"Cache-Control": "no-cache"})


class GraphiQLAssets:
    """ASGI middleware answering GET /graphql/assets/<name> from the npm project's files
    (the way WhiteNoise serves static files in front of an application)."""

    def __init__(self, app: ASGIApp, root: Path = PROJECT) -> None:
        self.app = app
        self.root = root

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not path.startswith(PREFIX):
            await self.app(scope, receive, send)
            return
        name = path[len(PREFIX) :]
        file = local_path(name, self.root) if name in ASSETS else None
        response: Response
        if scope["method"] not in ("GET", "HEAD"):
            response = PlainTextResponse("Method Not Allowed", 405, headers={"Allow": "GET"})
        elif file is None:
            response = PlainTextResponse("Not Found", 404)
        else:
            # Pinned by the package-lock: a day's caching, revalidated by ETag after.
            response = FileResponse(file, headers={"Cache-Control": "public, max-age=86400"})
        await response(scope, receive, send)
