"""LL2 JSON as the store should hold it: objects merged per kind and id the way ingest merges
them, and Python twins of the filter operators, for checking the GraphQL answers against."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from tests.schema.helpers import load_json

ROOT_KIND = {"spacecraft_flights": "flights", "launches": "launches", "agencies": "agencies"}

# Where LL2 nests an object of each kind (the key it sits under).
KIND_OF_KEY = {
    "launch": "launches",
    "previous_flight": "launches",
    "spacecraft": "spacecraft",
    "spacecraft_config": "spacecraft_configs",
    "spacecraft_list": "spacecraft_configs",
    "launch_service_provider": "agencies",
    "agency": "agencies",
    "agencies": "agencies",
    "owners": "agencies",
    "manufacturer": "agencies",
    "operator": "agencies",
    "pad": "pads",
    "location": "locations",
    "celestial_body": "celestial_bodies",
    "landing": "landings",
    "landing_location": "landing_locations",
    "astronaut": "astronauts",
    "configuration": "launcher_configs",
    "launcher_list": "launcher_configs",
    "launcher_config": "launcher_configs",
}


# The raw JSON, merged per kind and id the way ingest merges it -----------------------------


def _merge(into: dict[str, dict[Any, dict[str, Any]]], kind: str, obj: dict[str, Any]) -> None:
    held = into.setdefault(kind, {}).get(obj["id"])
    if held is None:
        into[kind][obj["id"]] = dict(obj)
        return
    new, old = obj.get("last_updated"), held.get("last_updated")
    if new and old and new < old:
        return
    held.update(obj)


def _walk(into: dict[str, dict[Any, dict[str, Any]]], value: Any, kind: str | None) -> None:
    """Post-order, like the normaliser: nested objects are merged before their owner."""
    if isinstance(value, list):
        for item in value:
            _walk(into, item, kind)
        return
    if not isinstance(value, dict):
        return
    for key, item in value.items():
        if isinstance(item, dict | list):
            _walk(into, item, KIND_OF_KEY.get(key))
    if kind and "id" in value:
        _merge(into, kind, value)


def raw_graph(files: list[Path]) -> dict[str, dict[Any, dict[str, Any]]]:
    graph: dict[str, dict[Any, dict[str, Any]]] = {}
    for path in files:
        document = load_json(path)
        records = document if isinstance(document, list) else document.get("results", [document])
        for record in records:
            endpoint = record["url"].split("/2.3.0/")[1].split("/")[0]
            _walk(graph, record, ROOT_KIND[endpoint])
    return graph


# Python twins of the operators (a condition on a missing value is false) ----------------


def moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def at(obj: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def contains(value: Any, needle: str) -> bool:
    return isinstance(value, str) and needle.lower() in value.lower()


def searched(term_text: str, values: list[Any]) -> bool:
    return all(any(contains(v, term) for v in values) for term in term_text.split())
