"""Who is calling: the identity a request (or WebSocket) is counted against by the limiters.

``key:<label>`` for an issued API key, else ``ip:<address>``. The address is the ASGI
``client``, which the server rewrites from ``X-Forwarded-For`` only when the peer is one of
``FLIGHTGRAPH_TRUSTED_PROXIES`` (see ``gateway.serve``); nothing here reads that header.
"""

from __future__ import annotations

import ipaddress

from starlette.datastructures import Headers
from starlette.types import Scope

from gateway.http.apikeys import ApiKeys

# An IPv6 host usually holds a whole /64 and can pick any address in it: count the network.
IPV6_PREFIX = 64


def client_identity(scope: Scope, keys: ApiKeys | None) -> str | None:
    """The identity of an ``http`` or ``websocket`` scope; None when it presents an
    ``X-API-Key`` that was not issued (refuse it: an unknown key must not buy a bucket).

    Without ``keys`` (no keys file) ``X-API-Key`` is ignored and the client is counted by its
    address: a header anyone can make up cannot be what a limit is counted by.
    """
    if keys is not None and (api_key := Headers(scope=scope).get("x-api-key")):
        label = keys.label_of(api_key)
        return None if label is None else "key:" + label
    return "ip:" + client_address(scope)


def client_address(scope: Scope) -> str:
    """The peer's address; an IPv6 one as its /64 network."""
    client = scope.get("client")
    host = client[0] if client else "unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:  # a Unix socket, a test client's name
        return host
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/{IPV6_PREFIX}", strict=False))
    return str(address)
