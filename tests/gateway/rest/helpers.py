"""An in-process client for the ``/2.3.0/`` routes, and JSON comparison helpers."""

from __future__ import annotations

import contextlib
import html
import json
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette

from gateway.rest import rest_routes

BASE = "http://testserver"


@contextlib.asynccontextmanager
async def rest_client(
    engine: AsyncEngine, now: datetime | None = None
) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the REST routes alone (``now`` fixes the clock of upcoming/previous)."""
    clock = (lambda: now) if now is not None else (lambda: datetime.now(UTC))
    app = Starlette(routes=rest_routes(clock=clock))
    app.state.engine = engine
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE) as client:
        yield client


def url_paths(value: Any, key: str | None = None) -> Any:
    """``value`` with every LL2 API url reduced to its path (host and ``?format`` vary)."""
    if isinstance(value, dict):
        return {k: url_paths(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [url_paths(v) for v in value]
    if key == "url" and isinstance(value, str) and "/2.3.0/" in value:
        return urlsplit(value).path
    return value


def hosts_as(value: Any, base: str, key: str | None = None) -> Any:
    """``value`` with the scheme and host of every LL2 API url replaced by ``base``."""
    if isinstance(value, dict):
        return {k: hosts_as(v, base, k) for k, v in value.items()}
    if isinstance(value, list):
        return [hosts_as(v, base) for v in value]
    if key == "url" and isinstance(value, str) and "/2.3.0/" in value:
        return base + value[value.index("/2.3.0/") :]
    return value


def differences(want: Any, got: Any, path: str = "") -> list[str]:
    """Where ``got`` differs from ``want`` (dict keys in any order), one line each."""
    if isinstance(want, dict) and isinstance(got, dict):
        out = []
        for key in want.keys() | got.keys():
            if key not in got:
                out.append(f"{path}.{key}: missing")
            elif key not in want:
                out.append(f"{path}.{key}: not in LL2's")
            else:
                out += differences(want[key], got[key], f"{path}.{key}")
        return out
    if isinstance(want, list) and isinstance(got, list) and len(want) == len(got):
        return [
            d
            for i, (w, g) in enumerate(zip(want, got, strict=True))
            for d in differences(w, g, f"{path}[{i}]")
        ]
    if want != got or isinstance(want, bool) != isinstance(got, bool):
        return [f"{path}: {want!r:.70} != {got!r:.70}"]
    return []


def page_json(text: str) -> Any:
    """The JSON shown on a browsable page."""
    match = re.search(
        r'<div class="response-info"><pre[^>]*><span[^>]*>.*?</span>(.*)</pre>', text, re.S
    )
    assert match, "no response on the page"
    return json.loads(html.unescape(re.sub(r"<[^>]+>", "", match.group(1))))
