"""Who a request is counted against: an issued key's name, else the client's address."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gateway.http.apikeys import ApiKeys, add_key
from gateway.http.identity import client_identity


def scope(client: str, api_key: str | None = None, kind: str = "http") -> dict[str, Any]:
    headers = [(b"x-api-key", api_key.encode())] if api_key is not None else []
    return {"type": kind, "path": "/graphql", "headers": headers, "client": (client, 50000)}


@pytest.fixture
def keys(tmp_path: Path) -> tuple[ApiKeys, str]:
    path = tmp_path / "keys"
    key = add_key(path, "partner")
    return ApiKeys(path), key


def test_without_a_keys_file_the_api_key_header_is_ignored() -> None:
    assert client_identity(scope("203.0.113.7", "made-up"), None) == "ip:203.0.113.7"
    assert client_identity(scope("203.0.113.7"), None) == "ip:203.0.113.7"


def test_an_issued_key_is_its_name_and_an_unknown_one_is_none(
    keys: tuple[ApiKeys, str],
) -> None:
    issued, key = keys
    assert client_identity(scope("203.0.113.7", key), issued) == "key:partner"
    assert client_identity(scope("203.0.113.7", key, "websocket"), issued) == "key:partner"
    assert client_identity(scope("203.0.113.7", "made-up"), issued) is None
    assert client_identity(scope("203.0.113.7"), issued) == "ip:203.0.113.7"
    assert client_identity(scope("203.0.113.7", ""), issued) == "ip:203.0.113.7"


def test_ipv6_clients_are_counted_by_their_64_network() -> None:
    one = client_identity(scope("2001:db8:1:2::1"), None)
    other = client_identity(scope("2001:db8:1:2:ffff:ffff:ffff:ffff"), None)
    assert one == other == "ip:2001:db8:1:2::/64"
    assert client_identity(scope("2001:db8:1:3::1"), None) != one
    assert client_identity(scope("::ffff:192.0.2.1"), None) == "ip:192.0.2.1"


def test_a_scope_without_a_client_or_an_ip_still_has_an_identity() -> None:
    assert client_identity({"type": "http", "headers": []}, None) == "ip:unknown"
    assert client_identity(scope("testclient"), None) == "ip:testclient"
