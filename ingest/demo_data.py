"""Deterministic LL2 2.3.0 demo data: detailed ``spacecraft_flights`` pages.

Every flight has the exact shape of the real detailed flight (the 859 seed sample) and also
fills the relations the seed leaves empty (crews, dockings, programs, ...). Shared entities
are built once and embedded wherever they occur, so an id carries the same values
everywhere. Generated ids start at 100001, clear of real LL2 ids; lookups (statuses, types,
countries, licenses) keep LL2's real ids and values where the samples show them.

Long objects are written as unions of short dicts (``{...} | {...}``): one row per few keys,
in LL2's key order.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson

__all__ = ["PAGE_SIZE", "generate", "iter_flights"]

API = "https://ll.thespacedevs.com/2.3.0"
MEDIA = "https://thespacedevs-prod.nyc3.digitaloceanspaces.com/media"
PAGE_SIZE = 100
BASE = 100_000  # generated ids are BASE + 1, BASE + 2, ...
# A fixed "now": statuses and end dates depend on it, never on the clock.
NOW = datetime(2026, 1, 1)
FIRST_NET = datetime(1961, 1, 1)
NET_SPAN_MIN = int((datetime(2032, 1, 1) - FIRST_NET).total_seconds()) // 60

Obj = dict[str, Any]
Rng = random.Random

CYRILLIC = "\u0421\u043e\u044e\u0437"  # "Soyuz" in Cyrillic, escaped: ruff flags confusables
ODD_TEXT = (
    "Tiangong 天宫",
    CYRILLIC,
    "Ariane Éspace Ñandú",
    "O'Neil",
    '"Bird"',
    "<b>bold</b> & co",
    "Robert'); DROP TABLE launches;--",
    "🚀🌕✨",
    "",
)


def _rows(keys: str, *rows: tuple[Any, ...]) -> tuple[Obj, ...]:
    return tuple(dict(zip(keys.split(), row, strict=True)) for row in rows)


LICENSES = _rows(
    "id name priority link",
    (1, "Unknown", 9, None),
    (
        4,
        "NASA Image and Media Guidelines",
        0,
        "https://www.nasa.gov/nasa-brand-center/images-and-media/",
    ),
    (5, "CC BY-NC 2.0", 1, "https://creativecommons.org/licenses/by-nc/2.0/"),
    (21, "CC BY-SA 3.0", 4, "https://creativecommons.org/licenses/by-sa/3.0/deed.en"),
)
COUNTRIES = _rows(
    "id name alpha_2_code alpha_3_code nationality_name nationality_name_composed",
    (1, "France", "FR", "FRA", "French", "Franco"),
    (2, "United States of America", "US", "USA", "American", "Americano"),
    (3, "Italy", "IT", "ITA", "Italian", "Italo"),
    (4, "Germany", "DE", "DEU", "German", "Germano"),
    (5, "Russia", "RU", "RUS", "Russian", "Russo"),
    (6, "China", "CN", "CHN", "Chinese", "Sino"),
    (7, "Spain", "ES", "ESP", "Spanish", "Hispano"),
    (10, "United Kingdom", "GB", "GBR", "British", "Brito"),
    (15, "Sweden", "SE", "SWE", "Swedish", "Swedo"),
    (23, "Portugal", "PT", "PRT", "Portuguese", "Luso"),
    (26, "Canada", "CA", "CAN", "Canadian", "Canado"),
    (27, "Netherlands", "NL", "NLD", "Dutch", "Dutch"),
    (28, "Japan", "JP", "JPN", "Japanese", "Nippo"),
    (44, "Kazakhstan", "KZ", "KAZ", "Kazakh", "Kazakhstani"),
    (49, "Norway", "NO", "NOR", "Norwegian", "Norwegian"),
)
_STATUS = "id name abbrev description"
LAUNCH_STATUSES = {
    s["id"]: s
    for s in _rows(
        _STATUS,
        (1, "Go for Launch", "Go", "Current T-0 confirmed by official or reliable sources."),
        (
            2,
            "To Be Determined",
            "TBD",
            "Current date is a 'No Earlier Than' estimation based on unreliable or interpreted"
            " sources.",
        ),
        (
            3,
            "Launch Successful",
            "Success",
            "The launch vehicle successfully inserted its payload(s) into the target orbit(s).",
        ),
        (
            4,
            "Launch Failure",
            "Failure",
            "Either the launch vehicle did not reach orbit, or the payload(s) failed to separate.",
        ),
        (
            7,
            "Launch was a Partial Failure",
            "Partial Failure",
            "Either the launch vehicle reached orbit but did not deliver its payload in the"
            " targeted orbit, or an exceptional event made it impossible to consider the mission"
            " a success.",
        ),
        (
            8,
            "To Be Confirmed",
            "TBC",
            "Awaiting official confirmation - current date is known with some certainty.",
        ),
        (9, "Payload Deployed", "Payload Deployed", "Payload deployed, outcome not confirmed."),
    )
}
NET_PRECISIONS = _rows(
    _STATUS,
    (0, "Second", "SEC", "The T-0 is accurate to the second."),
    (1, "Minute", "MIN", "The T-0 is accurate to the minute."),
    (2, "Hour", "HR", "The T-0 is accurate to the hour."),
    (7, "Month", "M", "The T-0 is expected in the given month."),
)
LANDING_TYPES = _rows(
    _STATUS,
    (
        1,
        "Autonomous Spaceport Drone Ship",
        "ASDS",
        "An autonomous spaceport drone ship (ASDS) is an ocean-going vessel derived from a deck"
        " barge, outfitted with station-keeping engines and a large landing platform."
        " Construction of such ships was commissioned by aerospace company SpaceX to allow for"
        " recovery of rocket first-stages at sea for high-velocity missions which do not carry"
        " enough fuel to return to the launch site after lofting spacecraft onto an orbital"
        " trajectory.",
    ),
    (3, "Ocean", "Ocean", "No recovery attempt"),
    (6, "Horizontal Landing", "HL", "Horizontal landing on a runway or flat surface."),
)
_ID_NAME = "id name"
AGENCY_TYPES = _rows(_ID_NAME, (1, "Government"), (2, "Multinational"), (3, "Commercial"))
SPACECRAFT_STATUSES = _rows(
    _ID_NAME, (1, "Active"), (2, "Retired"), (3, "Destroyed"), (4, "Single Use")
)
SPACECRAFT_TYPES = _rows(
    _ID_NAME, (1, "Unknown"), (2, "Capsule"), (3, "Spaceplane"), (4, "Cargo Resupply")
)
ASTRONAUT_STATUSES = _rows(
    _ID_NAME, (1, "Active"), (2, "Retired"), (3, "In-Training"), (11, "Deceased")
)
ASTRONAUT_TYPES = _rows(
    _ID_NAME, (2, "Government"), (3, "Private"), (6, "Non-Human"), (7, "Commercial")
)
PROGRAM_TYPES = _rows(_ID_NAME, (2, "Human Spaceflight"), (3, "Communication Constellation"))
INFO_TYPES = _rows(_ID_NAME, (1, "Official Page"))
VID_TYPES = _rows(
    _ID_NAME, (1, "Official Webcast"), (3, "Unofficial Webcast"), (4, "Unofficial Re-stream")
)
# Lookups whose real LL2 ids the samples do not show get offset ids, so they cannot clash.
ROLES = _rows(
    "id role priority",
    (BASE + 1, "Commander", 0),
    (BASE + 2, "Pilot", 1),
    (BASE + 3, "Mission Specialist", 5),
    (BASE + 4, "Spaceflight Participant", 9),
)
LANGUAGES = _rows("id name code", (1, "English", "en"), (BASE + 2, "中文", "zh"))
VARIANT_TYPES = _rows(_ID_NAME, (BASE + 1, "Thumbnail"), (BASE + 2, "Social"))
SOCIAL_MEDIA = _rows(
    "id name url",
    (BASE + 1, "Twitter", "https://twitter.com"),
    (BASE + 2, "Instagram", "https://instagram.com"),
)
EARTH_IMAGE = {
    "id": 2040,
    "name": "Earth (Apollo 17)",
    "image_url": f"{MEDIA}/images/earth_2528apol_image_20240402194304.jpeg",
    "thumbnail_url": f"{MEDIA}/images/earth_2528apol_image_thumbnail_20240402194305.jpeg",
    "credit": "NASA",
    "license": LICENSES[1],
    "single_use": True,
    "variants": [],
}
# Earth exactly as LL2 gives it; the Moon and Mars are plausible stand-ins.
EARTH = {
    "response_mode": "normal",
    "id": 1,
    "name": "Earth",
    "type": {"id": 1, "name": "Planet"},
    "diameter": 12742000.0,
    "mass": 5.972168e24,
    "gravity": 9.80655,
    "length_of_day": "1 00:00:00",
    "atmosphere": True,
    "image": EARTH_IMAGE,
    "description": "Earth is the third planet from the Sun and the only astronomical object known"
    " to harbor life.",
    "wiki_url": "https://en.wikipedia.org/wiki/Earth",
    "total_attempted_launches": 7144,
    "successful_launches": 6601,
    "failed_launches": 543,
    "total_attempted_landings": 1100,
    "successful_landings": 1057,
    "failed_landings": 43,
}
_STATS = ("total_attempted_launches", "successful_launches", "failed_launches")
_STATS += ("total_attempted_landings", "successful_landings", "failed_landings")
BODIES = (
    EARTH,
    EARTH
    | {"id": 2, "name": "Moon", "type": {"id": BASE + 1, "name": "Natural Satellite"}}
    | {"diameter": 3474800.0, "mass": 7.342e22, "gravity": 1.62, "length_of_day": "29 12:44:03"}
    | {"atmosphere": False, "image": None, "description": "Earth's only natural satellite."}
    | {"wiki_url": "https://en.wikipedia.org/wiki/Moon"}
    | dict(zip(_STATS, (3, 2, 1, 0, 0, 0), strict=True)),
    EARTH
    | {"id": 3, "name": "Mars", "diameter": 6779000.0, "mass": 6.4171e23, "gravity": 3.72076}
    | {"length_of_day": "1 00:39:35", "image": None, "description": "The fourth planet."}
    | {"wiki_url": "https://en.wikipedia.org/wiki/Mars"}
    | dict(zip(_STATS, (1, 1, 0, 0, 0, 0), strict=True)),
)
# The landing-location view of a body drops the launch and landing statistics.
BODY_NO_STATS = {b["id"]: {k: v for k, v in b.items() if k not in _STATS} for b in BODIES}
BODY_LIST = {b["id"]: {"response_mode": "list", "id": b["id"], "name": b["name"]} for b in BODIES}
ORBITS = tuple(
    {"id": i, "name": name, "abbrev": abbrev, "celestial_body": BODY_LIST[body]}
    for i, name, abbrev, body in (
        (8, "Low Earth Orbit", "LEO", 1),
        (17, "Sun-Synchronous Orbit", "SSO", 1),
        (2, "Geostationary Transfer Orbit", "GTO", 1),
        (12, "Medium Earth Orbit", "MEO", 1),
        (15, "Suborbital", "Sub", 1),
        (11, "Lunar Orbit", "LO", 2),
        (BASE + 1, "Areocentric Orbit", "AO", 3),
    )
)
MISSION_TYPES = ("Government/Top Secret", "Communications", "Resupply", "Test Flight", "Tourism")
WORDS = ("Aurora", "Caravel", "Dorado", "Ember", "Gaia", "Halcyon", "Juno", "Kestrel", "Orion")
WORDS += ("Nova", "Vega", "Lumen")
AGENCY_NAMES = (
    ("Orbital Demo Corporation", "ODC"),
    (f"{CYRILLIC} Kosmos", "SK"),
    ("Agência Espacial Demonstração", "AED"),
    ("O'Neil Aerospace", "ONA"),
    ('"Bird" Launch Co', "BLC"),
    ("<b>bold</b> & co", "B&C"),
    ("Robert'); DROP TABLE launches;--", "RDT"),
    ("星河 Space 🚀", "XH"),
    ("Nordic Launch Services", "NLS"),
    ("Pacific Rocket Lab", "PRL"),
    ("Équatoriale Spatiale", "EQS"),
    ("Great Plains Aerospace", "GPA"),
    ("Sakura Orbital", "SKO"),
    ("Andes Launch Authority", "ALA"),
    ("", ""),
    ("Stellar Freight", "SF"),
    ("Aurora Systems", "AUR"),
    ("Helios Dynamics", "HLX"),
)
FIRST_NAMES = ("Ana", "李", "Zoë", "Gérard", "Siobhán", "Kenji", "Ngozi", "Mateus", "Raúl", "Priya")
SURNAMES = ("O'Neil", "Ångström", "明", "Okafor", "Silva", "Tanaka", "Dupont", "Bird", "Núñez")
TIMEZONES = ("America/New_York", "Asia/Shanghai", "Europe/Moscow", "Asia/Tokyo", "UTC")


def _url(endpoint: str, ident: Any) -> str:
    return f"{API}/{endpoint}/{ident}/"


def _ts(dt: datetime) -> str:
    return dt.isoformat() + "Z"  # naive UTC, whole seconds: "2023-12-14T14:12:00Z"


def _day(dt: datetime) -> str:
    return dt.date().isoformat()


def _dur(seconds: int) -> str:
    """ISO-8601 the way LL2 writes it: "P266DT10H58M", "PT3H", "P0D"."""
    days, rem = divmod(max(0, seconds), 86400)
    hours, rem = divmod(rem, 3600)
    minutes, secs = divmod(rem, 60)
    clock = "".join(f"{v}{u}" for v, u in ((hours, "H"), (minutes, "M"), (secs, "S")) if v)
    if not clock:
        return f"P{days}D"
    return f"P{days}DT{clock}" if days else f"PT{clock}"


def _days(rng: Rng, low: int, high: int) -> str:
    return _dur(rng.randrange(low * 86400, high * 86400))


def _maybe(rng: Rng, p: float, make: Callable[[], Any]) -> Any:
    return make() if rng.random() < p else None


def _text(rng: Rng, text: str, p_odd: float = 0.05, p_null: float = 0.0) -> str | None:
    """Mostly `text`; sometimes null, or seasoned with unicode, quotes, HTML, SQL or ""."""
    r = rng.random()
    if r < p_null:
        return None
    return f"{text} {rng.choice(ODD_TEXT)}".strip() if r < p_null + p_odd else text


def _when(rng: Rng, first: int, last: int) -> datetime:
    """A day in [first, last) years."""
    return datetime(rng.randrange(first, last), rng.randrange(1, 13), rng.randrange(1, 29))


def _mini(agency: Obj) -> Obj:
    """An agency in list mode (AgencyMini)."""
    keys = ("id", "url", "name", "abbrev", "type")
    return {"response_mode": "list"} | {k: agency[k] for k in keys}


def _counts(rng: Rng, keys: str, high: int) -> Obj:
    """Counters that add up, for keys naming total, successful and failed in that order."""
    total = rng.randrange(high)
    failed = rng.randrange(total // 8 + 1)
    return dict(zip(keys.split(), (total, total - failed, failed), strict=True))


class _World:
    """The shared entity pools. The big ones (spacecraft, astronauts) are built on demand from
    a Random of their own, so memory stays flat however many flights are asked for."""

    def __init__(self, rng: Rng, seed: int, flights: int) -> None:
        self.seed = seed
        self.n_spacecraft = max(1, flights // 3)
        self.n_astronauts = max(30, flights // 5)
        self.images = [self._image(rng, BASE + 1 + i) for i in range(200)]
        self.agencies = [self._agency(rng, i, *names) for i, names in enumerate(AGENCY_NAMES)]
        self.minis = [_mini(a) for a in self.agencies]
        self.locations = [self._location(rng, i) for i in range(20)]
        self.pads = [self._pad(rng, i, self.locations[i % 20]) for i in range(60)]
        families = [
            {"response_mode": "list", "id": BASE + 1 + i, "name": w} for i, w in enumerate(WORDS)
        ]
        self.launchers = [self._launcher(rng, i, families) for i in range(30)]
        self.sc_families = [self._sc_family(rng, i) for i in range(10)]
        self.sc_configs = [self._sc_config(rng, i) for i in range(40)]
        self.programs = [self._program(rng, i) for i in range(8)]
        names = ("Demo Orbital Station", "Tiangong 天宫", f"Salyut {CYRILLIC}")
        self.stations = [self._station(rng, i, name) for i, name in enumerate(names)]
        self.ports = [
            self._port(s, j, name)
            for s in self.stations
            for j, name in enumerate(("Forward", "Aft", "Nadir"))
        ]
        self.landing_locations = [self._landing_location(rng, i) for i in range(15)]
        self.spacecraft = lru_cache(maxsize=4096)(self._spacecraft)
        self.astronaut = lru_cache(maxsize=4096)(self._astronaut)

    def image(self, rng: Rng, p: float = 0.8) -> Obj | None:
        return rng.choice(self.images) if rng.random() < p else None

    def _image(self, rng: Rng, ident: int) -> Obj:
        what = rng.choice(("liftoff", "on the pad", "in orbit", "logo"))
        variants = [
            {"id": ident * 4 + j, "type": t, "image_url": f"{MEDIA}/images/demo_{ident}_{j}.webp"}
            for j, t in enumerate(VARIANT_TYPES)
        ]
        return (
            {"id": ident, "name": _text(rng, f"{rng.choice(WORDS)} {what}", 0.1)}
            | {"image_url": f"{MEDIA}/images/demo_{ident}_image.jpeg"}
            | {"thumbnail_url": f"{MEDIA}/images/demo_{ident}_thumbnail.jpeg"}
            | {"credit": rng.choice((None, "NASA", "我们的太空", ""))}
            | {"license": rng.choice(LICENSES), "single_use": rng.random() < 0.5}
            | {"variants": variants if rng.random() < 0.15 else []}
        )

    def _agency(self, rng: Rng, i: int, name: str, abbrev: str) -> Obj:
        ident, country = BASE + 1 + i, rng.sample(COUNTRIES, rng.choice((1, 1, 1, 2)))
        about = f"{name or 'An agency'} builds and flies {rng.choice(WORDS)} vehicles."
        boss = f"CEO: {rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        return (
            {"response_mode": "normal", "id": ident, "url": _url("agencies", ident)}
            | {"name": name, "abbrev": abbrev, "type": rng.choice(AGENCY_TYPES)}
            | {"featured": rng.random() < 0.3, "country": country}
            | {"description": _text(rng, about, 0.1, 0.1)}
            | {"administrator": _maybe(rng, 0.7, lambda: boss)}
            | {"founding_year": _maybe(rng, 0.9, lambda: rng.randrange(1950, 2022))}
            | {"launchers": rng.choice(("", "Long March", "Demo-1 | Demo-2")), "spacecraft": ""}
            | {"parent": None, "image": self.image(rng, 0.6), "logo": self.image(rng, 0.6)}
            | {"social_logo": self.image(rng, 0.5)}
        )

    def _location(self, rng: Rng, i: int) -> Obj:
        ident, body = BASE + 1 + i, BODIES[0 if i < 17 else 1 if i < 19 else 2]
        country = rng.choice(COUNTRIES)
        name = _text(rng, f"{rng.choice(WORDS)} Launch Complex, {country['name']}", 0.15)
        about = _text(rng, f"A spaceport on {body['name']}.", 0.1, 0.15)
        lon, lat = round(rng.uniform(-180, 180), 6), round(rng.uniform(-60, 65), 6)
        return (
            {"response_mode": "normal", "id": ident, "url": _url("locations", ident), "name": name}
            | {"celestial_body": body, "active": rng.random() < 0.8, "country": country}
            | {"description": about, "image": self.image(rng)}
            | {"map_image": f"{MEDIA}/map_images/location_{ident}.jpg"}
            | {"longitude": lon, "latitude": lat}
            | {"timezone_name": rng.choice(TIMEZONES), "total_launch_count": rng.randrange(900)}
            | {"total_landing_count": rng.randrange(60)}
        )

    def _pad(self, rng: Rng, i: int, location: Obj) -> Obj:
        ident, launches = BASE + 1 + i, rng.randrange(200)
        lat = round(location["latitude"] + rng.uniform(-0.3, 0.3), 6)
        lon = round(location["longitude"] + rng.uniform(-0.3, 0.3), 6)
        agencies = rng.sample(self.agencies, rng.randrange(1, 3)) if rng.random() < 0.3 else []
        return (
            {"id": ident, "url": _url("pads", ident), "active": rng.random() < 0.85}
            | {"agencies": agencies, "name": _text(rng, f"Launch Pad {i + 1}", 0.1)}
            | {"image": self.image(rng, 0.7), "description": _text(rng, "", 0.1, 0.1)}
            | {"info_url": _maybe(rng, 0.3, lambda: f"https://example.org/pads/{ident}")}
            | {"wiki_url": _maybe(rng, 0.6, lambda: f"https://en.wikipedia.org/wiki/Pad_{ident}")}
            | {"map_url": f"https://www.google.com/maps?q={lat},{lon}"}
            | {"latitude": lat, "longitude": lon, "country": location["country"]}
            | {"map_image": f"{MEDIA}/map_images/pad_{ident}.jpg", "total_launch_count": launches}
            | {"orbital_launch_attempt_count": launches - rng.randrange(launches + 1) // 4}
            | {"fastest_turnaround": _maybe(rng, 0.8, lambda: _days(rng, 1, 400))}
            | {"location": location}
        )

    def _launcher(self, rng: Rng, i: int, families: list[Obj]) -> Obj:
        ident, variant = BASE + 1 + i, rng.choice(("", "Heavy", "F/G", "Block 5"))
        fams = sorted(rng.sample(families, rng.choice((1, 1, 2))), key=lambda f: f["id"])
        name = f"{fams[0]['name']} {i + 1}"
        return (
            {"response_mode": "list", "id": ident, "url": _url("launcher_configurations", ident)}
            | {"name": name, "families": fams, "full_name": f"{name} {variant}".strip()}
            | {"variant": variant}
        )

    def _sc_family(self, rng: Rng, i: int) -> Obj:
        # SpacecraftConfigFamilyDetailed as LL2 2.3.0 sends it (manufacturer in normal mode).
        flown = rng.randrange(200)
        return (
            {"response_mode": "normal", "id": BASE + 1 + i, "name": f"{WORDS[-1 - i]} family"}
            | {"description": _text(rng, "A family of crewed and cargo spacecraft.", 0.1)}
            | {"manufacturer": _maybe(rng, 0.9, lambda: rng.choice(self.agencies)), "parent": None}
            | {"maiden_flight": _maybe(rng, 0.8, lambda: _day(_when(rng, 1961, 2025)))}
            | {"spacecraft_flown": flown}
            | _counts(rng, "total_launch_count successful_launches failed_launches", 200)
            | _counts(rng, "attempted_landings successful_landings failed_landings", 100)
        )

    def _sc_config(self, rng: Rng, i: int) -> Obj:
        ident, name = BASE + 1 + i, f"{rng.choice(WORDS)}-{rng.choice('ABCDXZ')}{i}"
        human = rng.random() < 0.4
        # One config carries a payload past 2**31 on purpose: no int32 column survives it.
        payload = 4_294_967_296 if i == 7 else _maybe(rng, 0.5, lambda: rng.randrange(100, 30000))
        family = [rng.choice(self.sc_families)] if rng.random() < 0.4 else []
        return (
            {"response_mode": "detailed", "id": ident}
            | {"url": _url("spacecraft_configurations", ident), "name": _text(rng, name, 0.1)}
            | {"type": rng.choice(SPACECRAFT_TYPES), "agency": rng.choice(self.agencies)}
            | {"family": family, "in_use": rng.random() < 0.6, "image": self.image(rng, 0.5)}
            | {"capability": _text(rng, "Crew and cargo transport to low Earth orbit.", 0.1)}
            | {"history": _text(rng, f"First flown as {name}.", 0.1)}
            | {"details": _text(rng, "", 0.1)}
            | {"maiden_flight": _maybe(rng, 0.8, lambda: _day(_when(rng, 1961, 2025)))}
            | {"height": _maybe(rng, 0.6, lambda: round(rng.uniform(2, 40), 2))}
            | {"diameter": _maybe(rng, 0.6, lambda: round(rng.uniform(1, 9), 2))}
            | {"human_rated": human, "crew_capacity": rng.randrange(1, 8) if human else None}
            | {"payload_capacity": payload}
            | {"payload_return_capacity": _maybe(rng, 0.3, lambda: rng.randrange(10, 3000))}
            | {"flight_life": rng.choice(("Multiple months", "up to 210 days", ""))}
            | {"wiki_link": f"https://en.wikipedia.org/wiki/{name}", "info_link": ""}
            | {"spacecraft_flown": rng.randrange(60)}
            | _counts(rng, "total_launch_count successful_launches failed_launches", 120)
            | _counts(rng, "attempted_landings successful_landings failed_landings", 60)
            | {"fastest_turnaround": _maybe(rng, 0.5, lambda: _days(rng, 1, 900))}
        )

    def _program(self, rng: Rng, i: int) -> Obj:
        ident, start, word = BASE + 1 + i, _when(rng, 1958, 2024), WORDS[i]
        end = start + timedelta(days=rng.randrange(300, 9000))
        agencies = rng.sample(self.minis, rng.randrange(1, 4))
        return (
            {"response_mode": "normal", "id": ident, "url": _url("programs", ident)}
            | {"name": _text(rng, f"{word} Program", 0.2), "image": self.image(rng, 0.7)}
            | {"info_url": _maybe(rng, 0.6, lambda: f"https://example.org/programs/{ident}")}
            | {"wiki_url": _maybe(rng, 0.6, lambda: f"https://en.wikipedia.org/wiki/{word}")}
            | {"description": _text(rng, "A long-running programme of flights.", 0.1, 0.1)}
            | {"agencies": agencies, "start_date": _ts(start)}
            | {"end_date": _maybe(rng, 0.4, lambda: _ts(end)), "mission_patches": []}
            | {"type": rng.choice(PROGRAM_TYPES)}
        )

    def _station(self, rng: Rng, i: int, name: str) -> dict[str, Obj]:
        ident, founded, gone = BASE + 1 + i, _when(rng, 1971, 2022), i == 2  # the 3rd is gone
        mini = {"id": ident, "url": _url("space_stations", ident), "name": name}
        mini["image"] = self.image(rng, 0.9)
        normal = (
            mini
            | {"status": {"id": 2, "name": "De-Orbited"} if gone else {"id": 1, "name": "Active"}}
            | {"founded": _day(founded)}
            | {"deorbited": _day(founded + timedelta(days=3000)) if gone else None}
            | {"description": _text(rng, f"{name} is a crewed orbital outpost.", 0.2)}
            | {"orbit": "Low Earth Orbit", "type": {"id": 2, "name": "Government"}}
        )
        return {"mini": mini, "normal": normal}

    @staticmethod
    def _port(station: dict[str, Obj], j: int, name: str) -> tuple[Obj, Obj]:
        ident = (station["mini"]["id"] - BASE - 1) * 3 + j + BASE + 1
        where = {"spacestation": station["mini"], "spacecraft": None, "payload": None}
        return station["normal"], {"id": ident, "name": name} | where

    def _landing_location(self, rng: Rng, i: int) -> Obj:
        location = _maybe(rng, 0.5, lambda: rng.choice(self.locations))
        body = location["celestial_body"]["id"] if location else 1
        bare = {k: v for k, v in location.items() if k != "celestial_body"} if location else None
        lon, lat = round(rng.uniform(-180, 180), 8), round(rng.uniform(-60, 65), 8)
        ok, failed = rng.randrange(400), rng.randrange(20)
        return (
            {"id": BASE + 1 + i, "name": _text(rng, f"{rng.choice(WORDS)} Landing Zone", 0.1)}
            | {"active": rng.random() < 0.8, "abbrev": f"LZ-{i + 1}"}
            | {"description": _text(rng, "A recovery area.", 0.1, 0.1), "location": bare}
            | {"longitude": lon, "latitude": lat}
            | {"image": self.image(rng, 0.6)}
            | {"successful_landings": ok, "attempted_landings": ok + failed}
            | {"failed_landings": failed, "celestial_body": BODY_NO_STATS[body]}
        )

    def _sub_rng(self, kind: str, index: int) -> Rng:
        # One seeded Random per entity: rebuilt after cache eviction, it comes out the same.
        return random.Random(f"{self.seed}/{kind}/{index}")

    def _spacecraft(self, index: int) -> Obj:
        rng, ident = self._sub_rng("spacecraft", index), BASE + 1 + index
        config, flights = rng.choice(self.sc_configs), rng.randrange(1, 12)
        name = _text(rng, f"{config['name']} SN{index + 1}")
        return (
            {"response_mode": "normal", "id": ident, "url": _url("spacecraft", ident), "name": name}
            | {"serial_number": _maybe(rng, 0.6, lambda: f"SN-{rng.randrange(1, 999):03d}")}
            | {"is_placeholder": rng.random() < 0.05, "image": self.image(rng, 0.3)}
            | {"in_space": rng.random() < 0.1, "time_in_space": _days(rng, 0, 900)}
            | {"time_docked": _days(rng, 0, 400) if rng.random() < 0.5 else "P0D"}
            | {"flights_count": flights, "mission_ends_count": flights - rng.randrange(2)}
            | {"status": rng.choice(SPACECRAFT_STATUSES)}
            | {"description": _text(rng, f"Serial {index + 1} of {config['name']}.", 0.1)}
            | {"spacecraft_config": config}
            | {"fastest_turnaround": _maybe(rng, 0.5, lambda: _days(rng, 1, 600))}
        )

    def _astronaut(self, index: int) -> Obj:
        rng, ident = self._sub_rng("astronaut", index), BASE + 1 + index
        name = _text(rng, f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}")
        born = _maybe(rng, 0.9, lambda: _when(rng, 1925, 1998))
        died = born + timedelta(days=rng.randrange(11000, 30000)) if born else None
        died = died if died and died < NOW and rng.random() < 0.08 else None
        first = _when(rng, 1961, 2025) + timedelta(minutes=rng.randrange(1440))
        flown = rng.random() < 0.85
        links = [
            {"id": ident * 4 + j, "social_media": sm | {"logo": self.images[j]}}
            | {"url": f"{sm['url']}/a{ident}"}
            for j, sm in enumerate(SOCIAL_MEDIA)
            if rng.random() < 0.4
        ]
        return (
            {"id": ident, "url": _url("astronauts", ident), "name": name}
            | {"status": ASTRONAUT_STATUSES[3] if died else rng.choice(ASTRONAUT_STATUSES[:3])}
            | {"agency": _maybe(rng, 0.9, lambda: rng.choice(self.minis))}
            | {"image": self.image(rng, 0.7), "response_mode": "detailed"}
            | {"type": rng.choice(ASTRONAUT_TYPES), "in_space": rng.random() < 0.05}
            | {"time_in_space": _days(rng, 0, 800)}
            | {"eva_time": _days(rng, 0, 3) if flown else "P0D"}
            | {"age": ((died or NOW) - born).days // 365 if born else None}
            | {"date_of_birth": _day(born) if born else None}
            | {"date_of_death": _day(died) if died else None}
            | {"nationality": rng.sample(COUNTRIES, rng.choice((1, 1, 2)))}
            | {"bio": _text(rng, f"{name} trained for {rng.randrange(1, 12)} years.", 0.1)}
            | {"wiki": _maybe(rng, 0.7, lambda: f"https://en.wikipedia.org/wiki/Astronaut_{ident}")}
            | {"last_flight": _ts(first + timedelta(days=rng.randrange(4000))) if flown else None}
            | {"first_flight": _ts(first) if flown else None, "social_media_links": links}
        )


class _FlightMaker:
    """Builds flight i from the shared world and the one sequential Random."""

    def __init__(self, world: _World, rng: Rng) -> None:
        self.w, self.rng = world, rng
        self.seat_id = BASE  # AstronautFlight and docking event ids count up across flights
        self.docking_id = BASE

    def flight(self, i: int) -> Obj:
        w, rng, ident = self.w, self.rng, BASE + 1 + i
        net = FIRST_NET + timedelta(minutes=rng.randrange(NET_SPAN_MIN))
        past = net < NOW
        spacecraft = w.spacecraft(rng.randrange(w.n_spacecraft))
        mission = self.mission(i, past) if rng.random() < 0.92 else None
        end = net + timedelta(minutes=rng.randrange(30, 300 * 24 * 60))
        end = end if end < NOW and rng.random() < 0.85 else None
        where = mission["orbit"]["name"] if mission else _maybe(rng, 0.5, lambda: ORBITS[0]["name"])
        crewed = rng.random() < 0.3
        docked = rng.randrange(1, 3) if rng.random() < 0.15 else 0
        return (
            {"id": ident, "url": _url("spacecraft_flights", ident), "destination": where}
            | {"mission_end": _ts(end) if end else None, "spacecraft": spacecraft}
            | {"launch": self.launch(i, net, past, mission)}
            | {"landing": self.landing(i, past) if rng.random() < 0.85 else None}
            | {"duration": _dur(int((end - net).total_seconds())) if end else None}
            | {"turn_around_time": _maybe(rng, 0.6, lambda: _days(rng, 1, 700))}
            | {"response_mode": "detailed"}
            | {"launch_crew": self.crew(rng.randrange(1, 5)) if crewed else []}
            | {"onboard_crew": self.crew(rng.randrange(4)) if crewed and rng.random() < 0.5 else []}
            | {"landing_crew": self.crew(rng.randrange(1, 5)) if crewed and end else []}
            | {"docking_events": [self.docking(net, k) for k in range(docked)]}
        )

    def launch(self, i: int, net: datetime, past: bool, mission: Obj | None) -> Obj:
        w, rng = self.w, self.rng
        lid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        config = rng.choice(w.launchers)
        status = LAUNCH_STATUSES[rng.choice((3, 3, 3, 3, 3, 4, 7, 9) if past else (1, 2, 2, 8))]
        name = f"{config['full_name']} | {mission['name'] if mission else 'Unknown Payload'}"
        slug = f"{config['full_name'].lower().replace(' ', '-').replace('/', '')}-{i + 1}"
        updated = net + timedelta(minutes=rng.randrange(5, 3000))
        updated = min(updated, NOW - timedelta(minutes=rng.randrange(1, 50000)))
        designator = f"{net.year}-{rng.randrange(1, 260):03d}" if past else None
        failure = _text(rng, "Second stage underperformed.", 0.2) if status["id"] in (4, 7) else ""
        provider = rng.choice(w.minis) if rng.random() < 0.95 else None
        programs = rng.sample(w.programs, rng.randrange(1, 3)) if rng.random() < 0.2 else []
        n = [rng.randrange(7000), rng.randrange(400), rng.randrange(100), rng.randrange(500)]
        return (
            {"id": lid, "url": _url("launches", lid), "name": name, "response_mode": "normal"}
            | {"slug": slug, "launch_designator": designator, "status": status}
            | {"last_updated": _ts(updated), "net": _ts(net)}
            | {"net_precision": rng.choice(NET_PRECISIONS[:3] if past else NET_PRECISIONS)}
            | {"window_end": _ts(net + timedelta(minutes=rng.choice((0, 0, 10, 180))))}
            | {"window_start": _ts(net - timedelta(minutes=rng.choice((0, 0, 11, 120))))}
            | {"image": w.image(rng, 0.8)}
            | {"infographic": _maybe(rng, 0.05, lambda: f"{MEDIA}/infographic_images/{i}.jpeg")}
            | {"probability": _maybe(rng, 0.2, lambda: rng.randrange(101))}
            | {"weather_concerns": _maybe(rng, 0.1, lambda: _text(rng, "Cumulus clouds", 0.2))}
            | {"failreason": failure, "hashtag": _maybe(rng, 0.2, lambda: f"#Demo{i}")}
            | {"launch_service_provider": provider}
            | {"rocket": {"id": BASE + 1 + i, "configuration": config}, "mission": mission}
            | {"pad": rng.choice(w.pads), "webcast_live": rng.random() < 0.02, "program": programs}
            | {"orbital_launch_attempt_count": n[0], "location_launch_attempt_count": n[1]}
            | {"pad_launch_attempt_count": n[2], "agency_launch_attempt_count": n[3]}
            | {"orbital_launch_attempt_count_year": n[0] // 30}
            | {"location_launch_attempt_count_year": n[1] // 10}
            | {"pad_launch_attempt_count_year": n[2] // 10}
            | {"agency_launch_attempt_count_year": n[3] // 10}
        )

    def mission(self, i: int, past: bool) -> Obj:
        w, rng = self.w, self.rng
        name = _text(rng, f"{rng.choice(WORDS)} {rng.randrange(1, 40)}", 0.08)
        about = _text(rng, "Delivers crew and cargo.\r\n\r\nDemo data.", 0.1, 0.05)
        agencies = rng.sample(w.agencies, rng.randrange(1, 3)) if rng.random() < 0.25 else []
        info = [self.info_url(k) for k in range(rng.randrange(1, 3) if rng.random() < 0.2 else 0)]
        n_vids = rng.randrange(1, 3) if rng.random() < 0.15 else 0
        vids = [self.vid_url(k, past) for k in range(n_vids)]
        return (
            {"id": BASE + 1 + i, "name": name, "type": rng.choice(MISSION_TYPES)}
            | {"description": about, "image": w.image(rng, 0.2), "orbit": rng.choice(ORBITS)}
            | {"agencies": agencies, "info_urls": info, "vid_urls": vids}
        )

    def info_url(self, k: int) -> Obj:
        rng = self.rng
        return (
            {"priority": 10 * k, "source": "example.org"}
            | {"title": _text(rng, "Mission page", 0.2, 0.1)}
            | {"description": _text(rng, "Press kit and timeline.", 0.2, 0.2)}
            | {"feature_image": _maybe(rng, 0.5, lambda: f"{MEDIA}/images/feature_{k}.jpg")}
            | {"url": f"https://example.org/missions/{rng.randrange(10**9)}"}
            | {"type": _maybe(rng, 0.8, lambda: rng.choice(INFO_TYPES))}
            | {"language": _maybe(rng, 0.8, lambda: rng.choice(LANGUAGES))}
        )

    def vid_url(self, k: int, past: bool) -> Obj:
        rng = self.rng
        start = _when(rng, 2010, 2026)
        end = _ts(start + timedelta(minutes=rng.randrange(2, 300)))
        return (
            {"priority": 10 * k, "source": "youtube.com"}
            | {"publisher": _text(rng, "SciNews", 0.2, 0.1), "title": _text(rng, "Webcast", 0.2)}
            | {"description": _text(rng, "Live coverage.", 0.2, 0.1)}
            | {"feature_image": _maybe(rng, 0.7, lambda: f"https://i.ytimg.com/vi/d{k}/0.jpg")}
            | {"url": f"https://www.youtube.com/watch?v=demo{rng.randrange(10**9)}"}
            | {"type": _maybe(rng, 0.9, lambda: rng.choice(VID_TYPES))}
            | {"language": _maybe(rng, 0.8, lambda: rng.choice(LANGUAGES))}
            | {"start_time": _ts(start), "end_time": _maybe(rng, 0.7, lambda: end)}
            | {"live": not past and rng.random() < 0.3}
        )

    def landing(self, i: int, past: bool) -> Obj:
        rng, ident = self.rng, BASE + 1 + i
        return (
            {"id": ident, "url": _url("landings", ident), "attempt": rng.random() < 0.9}
            | {"success": (rng.random() < 0.9) if past else None}
            | {"description": _text(rng, "The vehicle landed on the runway.", 0.15)}
            | {"downrange_distance": _maybe(rng, 0.4, lambda: round(rng.uniform(0, 700), 1))}
            | {"landing_location": rng.choice(self.w.landing_locations)}
            | {"type": rng.choice(LANDING_TYPES)}
        )

    def crew(self, size: int) -> list[Obj]:
        rng, seats = self.rng, []
        for index in rng.sample(range(self.w.n_astronauts), size):
            self.seat_id += 1
            seat = {"id": self.seat_id, "role": rng.choice(ROLES)}
            seats.append(seat | {"astronaut": self.w.astronaut(index)})
        return seats

    def docking(self, net: datetime, k: int) -> Obj:
        rng = self.rng
        self.docking_id += 1
        station, port = rng.choice(self.w.ports)
        at = net + timedelta(hours=rng.randrange(3, 72) * (k + 1))
        leave = at + timedelta(hours=rng.randrange(2, 5000))
        return (
            {"id": self.docking_id, "url": _url("docking_events", self.docking_id)}
            | {"docking": _ts(at), "departure": _ts(leave) if leave < NOW else None}
            | {"docking_location": port, "space_station_target": station}
            | {"flight_vehicle_target": None, "payload_flight_target": None}
        )


def _flights(flights: int, seed: int) -> Iterator[Obj]:
    """Flights that share pool objects by reference: cheap, but read-only."""
    if flights < 0:
        raise ValueError(f"flights must be >= 0, not {flights}")
    rng = random.Random(seed)
    maker = _FlightMaker(_World(rng, seed, flights), rng)
    return (maker.flight(i) for i in range(flights))


def iter_flights(flights: int, seed: int) -> Iterator[dict[str, Any]]:
    """Yield `flights` detailed LL2 2.3.0 flight objects for `seed`, each an independent copy."""
    return (orjson.loads(orjson.dumps(flight)) for flight in _flights(flights, seed))


def _page_url(offset: int) -> str:
    # As LL2's limit/offset paging writes them: a link to the first page has no offset.
    suffix = f"&offset={offset}" if offset else ""
    return f"{API}/spacecraft_flights/?limit={PAGE_SIZE}&mode=detailed{suffix}"


def generate(flights: int, seed: int, out_dir: Path) -> list[Path]:
    """Write `spacecraft_flights_page_0001.json`, ... (100 results per page, last page may be
    shorter) into out_dir (created if missing); return the paths in order."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    source = _flights(flights, seed)
    paths: list[Path] = []
    for offset in range(0, max(flights, 1), PAGE_SIZE):
        page = {
            "count": flights,
            "next": _page_url(offset + PAGE_SIZE) if offset + PAGE_SIZE < flights else None,
            "previous": _page_url(offset - PAGE_SIZE) if offset else None,
            "results": [next(source) for _ in range(min(PAGE_SIZE, flights - offset))],
        }
        path = out_dir / f"spacecraft_flights_page_{len(paths) + 1:04d}.json"
        path.write_bytes(orjson.dumps(page))
        paths.append(path)
    return paths
