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

from gateway.http.examples import default_tabs

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
# A rocket on the tab (inline: no request, no 404 in the browser's console).
FAVICON = (
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'%3E"
    "%3Ctext y='.9em' font-size='90'%3E%F0%9F%9A%80%3C/text%3E%3C/svg%3E"
)

PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>flightgraph · GraphiQL</title>
    <link rel="icon" href="{favicon}">
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
      const send = GraphiQL.createFetcher({{
        url: here.pathname,
        subscriptionUrl: here.origin.replace(/^http/, "ws") + here.pathname,
      }});
      // GraphiQL can send the operation name of the tab just left with the query of the
      // tab just opened ("Unknown operation named …"): a name the query does not define
      // is dropped, as if none were chosen.
      const defines = (query, name) =>
        new RegExp(`\\\\b(query|mutation|subscription)\\\\s+${{name}}\\\\b`).test(query || "");
      const fetcher = (params, options) =>
        send(
          params.operationName && !defines(params.query, params.operationName)
            ? {{ ...params, operationName: undefined }}
            : params,
          options,
        );
      const explorer = GraphiQLPluginExplorer.explorerPlugin();
      // The example operations (gateway/http/examples.py), "upcoming" as of now.
      const now = new Date().toISOString().replace(/\\.\\d+Z$/, "Z");
      const tabs = {tabs}.map((tab) => ({{
        ...tab,
        variables: tab.variables && tab.variables.replaceAll('"@now"', JSON.stringify(now)),
      }}));
      ReactDOM.createRoot(document.getElementById("graphiql")).render(
        React.createElement(GraphiQL, {{
          fetcher,
          plugins: [explorer],
          defaultQuery: tabs[0].query,
          defaultTabs: tabs,
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
    html = html.replace("{favicon}", FAVICON)
    html = html.replace("{{", "{").replace("}}", "}")
    # After the braces: the examples' own text keeps its braces as they are.
    tabs = json.dumps(default_tabs()).replace("</", "<\\/")  # inside a <script>
    return html.replace("{tabs}", tabs), local


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
