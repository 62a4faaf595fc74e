"""Response encoding: media type negotiation, orjson, gzip, and ETag/304 for cacheable GETs."""

from __future__ import annotations

import base64
import gzip
import hashlib
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
# Clients picking the media type see different bodies, as do those taking gzip.
VARY = "Accept, Accept-Encoding"


def negotiate(accept: str | None) -> str | None:
    """The media type to answer in, or ``None`` when the client accepts neither.

    No Accept header, ``*/*`` and ``application/*`` mean plain JSON (what every legacy client
    understands); ``application/graphql-response+json`` is used when it is asked for at least
    as strongly as JSON.
    """
    if not accept:
        return JSON
    best: dict[str, float] = {}
    for part in accept.split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        media = media.lower()
        targets = {
            GRAPHQL_RESPONSE: [GRAPHQL_RESPONSE],
            JSON: [JSON],
            "application/*": [JSON],
            "*/*": [JSON],
        }.get(media, [])
        for target in targets:
            best[target] = max(best.get(target, 0.0), quality)
    graphql, json = best.get(GRAPHQL_RESPONSE, 0.0), best.get(JSON, 0.0)
    if graphql > 0 and graphql >= json:
        return GRAPHQL_RESPONSE
    if json > 0:
        return JSON
    return None


def etag_of(body: bytes) -> str:
    """A strong validator: the same bytes always get the same tag, any change a new one."""
    digest = hashlib.blake2b(body, digest_size=16).digest()
    return '"' + base64.urlsafe_b64encode(digest).rstrip(b"=").decode() + '"'


def matches(if_none_match: str | None, etag: str) -> bool:
    """RFC 9110 §13.1.2: weak comparison; a gzip variant's tag names the same content."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    tag = etag.strip('"')
    for candidate in if_none_match.split(","):
        candidate = candidate.strip().removeprefix("W/").strip('"')
        if candidate in (tag, f"{tag}-gzip"):
            return True
    return False


def encode(
    request: Request,
    payload: Any,
    *,
    status: int,
    media_type: str,
    gzip_min_bytes: int,
    cache_control: str | None = None,
    etag: bool = False,
    headers: dict[str, str] | None = None,
) -> Response:
    """``payload`` as an orjson body; with ``etag``, a 304 when the client has it already."""
    body = orjson.dumps(payload)
    out = {"Vary": VARY, **(headers or {})}
    if cache_control:
        out["Cache-Control"] = cache_control
    if etag:
        tag = etag_of(body)
        out["ETag"] = tag
        if matches(request.headers.get("if-none-match"), tag):
            return Response(status_code=304, headers=out)
    if len(body) >= gzip_min_bytes and _accepts_gzip(request.headers.get("accept-encoding")):
        body = gzip.compress(body, compresslevel=5, mtime=0)
        out["Content-Encoding"] = "gzip"
        if etag:
            # A strong tag names one representation: the compressed one gets its own.
            out["ETag"] = out["ETag"][:-1] + '-gzip"'
    out["Content-Type"] = f"{media_type}; charset=utf-8"
    return Response(body, status_code=status, headers=out)


def _accepts_gzip(accept_encoding: str | None) -> bool:
    for part in (accept_encoding or "").split(","):
        coding, *params = (piece.strip() for piece in part.split(";"))
        if coding.lower() in ("gzip", "*"):
            return not any(p.replace(" ", "") in ("q=0", "q=0.0", "q=0.00") for p in params)
    return False
