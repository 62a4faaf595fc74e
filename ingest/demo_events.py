"""Demo events (LL2 ``/2.3.0/events/``, detailed) made from the demo flights, so that what
``make serve`` shows links both ways: each docking of a flight is a Docking event at its
station, and each crewed launch from a year before the demo's "now" on has a Press Event two
days before it. Nested objects are the flights' own (cut to LL2's nested shapes), so an id
carries the same values everywhere.

LL2's event type ids are not in the samples the demo is built from; these are the demo's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

from ingest.demo_lookups import BASE, Obj
from ingest.demo_plan import NOW
from ingest.demo_world import mini, slug, ts, url

DOCKING = {"id": 3, "name": "Docking"}
PRESS_EVENT = {"id": 8, "name": "Press Event"}
PAGE_SIZE = 100
# LL2's nested shapes (its OpenAPI's LaunchBasic and SpaceStationNormal).
LAUNCH_BASIC = (
    *("id", "url", "name", "response_mode", "slug", "launch_designator", "status"),
    *("last_updated", "net", "net_precision", "window_end", "window_start", "image"),
    "infographic",
)
STATION_NORMAL = (
    *("id", "url", "name", "image", "status", "founded", "deorbited", "description", "orbit"),
    "type",
)


def _cut(obj: Obj, keys: tuple[str, ...], **fixed: Any) -> Obj:
    return {key: fixed.get(key, obj.get(key)) for key in keys}


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text.removesuffix("Z"))  # naive UTC, as the demo's NOW


class _EventMaker:
    def __init__(self) -> None:
        self.next_id = BASE

    def event(self, name: str, kind: Obj, at: datetime, flight: Obj, **links: Any) -> Obj:
        self.next_id += 1
        launch = flight["launch"]
        provider = launch.get("launch_service_provider")
        return {
            "id": self.next_id,
            "url": url("events", self.next_id),
            "name": name,
            "info_urls": [],
            "vid_urls": [],
            "image": None,
            "date": ts(at),
            "slug": slug(name),
            "type": kind,
            "description": links.pop("description"),
            "webcast_live": False,
            "location": links.pop("location"),
            "date_precision": launch.get("net_precision"),
            "response_mode": "detailed",
            "duration": None,
            "updates": [],
            "last_updated": launch.get("last_updated"),
            "agencies": [mini(provider)] if provider else [],
            "launches": [_cut(launch, LAUNCH_BASIC, response_mode="list")],
            "expeditions": [],
            "spacestations": links.pop("spacestations", []),
            "program": [],
            "astronauts": [],
        }

    def of_flight(self, flight: Obj) -> Iterator[Obj]:
        craft = flight["spacecraft"]["name"]
        for docking in flight.get("docking_events") or []:
            station = docking["space_station_target"]
            yield self.event(
                f"{craft} docks with the {station['name']}",
                DOCKING,
                _moment(docking["docking"]),
                flight,
                description=f"{craft} docks to the {docking['docking_location']['name']} port.",
                location=station["name"],
                spacestations=[_cut(station, STATION_NORMAL)],
            )
        net = flight["launch"].get("net")
        if flight.get("launch_crew") and net and _moment(net) >= NOW - timedelta(days=365):
            mission = (flight["launch"]["name"] or "").split(" | ")[-1]
            place = ((flight["launch"].get("pad") or {}).get("location") or {}).get("name")
            yield self.event(
                f"{mission} crew news conference",
                PRESS_EVENT,
                _moment(net) - timedelta(days=2),
                flight,
                description=f"The crew of {mission} answers questions before launch.",
                location=place,
            )


def demo_events(flights: Iterable[Obj]) -> list[Obj]:
    maker = _EventMaker()
    return [event for flight in flights for event in maker.of_flight(flight)]


def write_events(flight_pages: Iterable[Path], out_dir: Path) -> list[Path]:
    """Write ``events_page_0001.json``, … for the flights of ``flight_pages`` (the pages
    ``ingest.demo_data.generate`` wrote); return the paths in order."""
    flights = (f for path in flight_pages for f in orjson.loads(path.read_bytes())["results"])
    events = demo_events(flights)
    paths: list[Path] = []
    for offset in range(0, len(events), PAGE_SIZE):
        page = {"count": len(events), "next": None, "previous": None}
        page["results"] = events[offset : offset + PAGE_SIZE]
        path = Path(out_dir) / f"events_page_{len(paths) + 1:04d}.json"
        path.write_bytes(orjson.dumps(page))
        paths.append(path)
    return paths
