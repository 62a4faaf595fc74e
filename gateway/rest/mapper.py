"""A mode document's result as LL2 JSON: the alias markers resolved, LL2 urls made ours.

Aliases already give LL2's keys in LL2's order; what is left is what an alias cannot say
(see :mod:`gateway.rest.generate`):

* ``response_mode__<mode>`` → ``"response_mode": "<mode>"``;
* ``url__<endpoint>`` → ``"url"``: the LL2 API url of the object, on this server — the stored
  url's path (``/2.3.0/…``), or ``/2.3.0/<endpoint>/<id>/`` when none is stored — with
  ``?format=<f>`` when the request gave ``format`` (DRF keeps it in every url it builds);
* ``<key>__nodes`` → ``"<key>"``: the connection's ``nodes`` list.

Other urls (info and wiki links, social media…) are left alone.
"""

from __future__ import annotations

from typing import Any

_LL2_PATH = "/2.3.0/"


class UrlMaker:
    """LL2 API urls on this server: ``<base>/2.3.0/<endpoint>/<id>/`` (+ ``?format=``)."""

    def __init__(self, base: str, format: str | None = None) -> None:
        self.base = base.rstrip("/")
        self.suffix = f"?format={format}" if format else ""

    def path(self, path: str) -> str:
        """``/2.3.0/…`` on this server."""
        return f"{self.base}{path}{self.suffix}"

    def object(self, stored: str | None, endpoint: str, key: Any) -> str | None:
        if stored:
            start = stored.find(_LL2_PATH)
            if start >= 0:
                path = stored[start:].split("?", 1)[0].split("#", 1)[0]
                return self.path(path if path.endswith("/") else path + "/")
        if key is None:
            return stored
        return self.path(f"{_LL2_PATH}{endpoint}/{key}/")


def to_ll2(value: Any, urls: UrlMaker) -> Any:
    """The LL2 JSON for one object (or list of objects) of a mode document's result."""
    if isinstance(value, list):
        return [to_ll2(item, urls) for item in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, item in value.items():
        marker = key.find("__")
        if marker <= 0:
            out[key] = to_ll2(item, urls) if isinstance(item, dict | list) else item
            continue
        name, tag = key[:marker], key[marker + 2 :]
        if name == "response_mode":
            out[name] = tag
        elif name == "url":
            out[name] = urls.object(item, tag, value.get("id"))
        elif tag == "nodes":
            out[name] = None if item is None else to_ll2(item["nodes"], urls)
        else:
            raise ValueError(f"unknown marker in alias {key!r}")
    return out
