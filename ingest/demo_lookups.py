"""LL2's small lookup objects for the demo data (statuses, types, countries, licenses, bodies,
orbits), with LL2's real ids and values where the samples show them. Lookups whose real ids
the samples do not show get ids past ``BASE``, so they cannot clash with LL2's."""

from __future__ import annotations

from typing import Any

Obj = dict[str, Any]

API = "https://ll.thespacedevs.com/2.3.0"
MEDIA = "https://thespacedevs-prod.nyc3.digitaloceanspaces.com/media"
BASE = 100_000  # generated ids are BASE + 1, BASE + 2, ...


def rows(keys: str, *values: tuple[Any, ...]) -> tuple[Obj, ...]:
    return tuple(dict(zip(keys.split(), row, strict=True)) for row in values)


def by_id(objs: tuple[Obj, ...]) -> dict[int, Obj]:
    return {obj["id"]: obj for obj in objs}


LICENSES = rows(
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
COUNTRIES = by_id(
    rows(
        "id name alpha_2_code alpha_3_code nationality_name nationality_name_composed",
        (1, "France", "FR", "FRA", "French", "Franco"),
        (2, "United States of America", "US", "USA", "American", "Americano"),
        (3, "Italy", "IT", "ITA", "Italian", "Italo"),
        (4, "Germany", "DE", "DEU", "German", "Germano"),
        (5, "Russia", "RU", "RUS", "Russian", "Russo"),
        (6, "China", "CN", "CHN", "Chinese", "Sino"),
        (7, "Spain", "ES", "ESP", "Spanish", "Hispano"),
        (8, "Switzerland", "CH", "CHE", "Swiss", "Swiss"),
        (10, "United Kingdom", "GB", "GBR", "British", "Brito"),
        (15, "Sweden", "SE", "SWE", "Swedish", "Swedo"),
        (20, "Belgium", "BE", "BEL", "Belgian", "Belgo"),
        (23, "Portugal", "PT", "PRT", "Portuguese", "Luso"),
        (26, "Canada", "CA", "CAN", "Canadian", "Canado"),
        (27, "Netherlands", "NL", "NLD", "Dutch", "Dutch"),
        (28, "Japan", "JP", "JPN", "Japanese", "Nippo"),
        (44, "Kazakhstan", "KZ", "KAZ", "Kazakh", "Kazakhstani"),
        (45, "Denmark", "DK", "DNK", "Danish", "Dano"),
        (49, "Norway", "NO", "NOR", "Norwegian", "Norwegian"),
        (BASE + 1, "India", "IN", "IND", "Indian", "Indo"),
        (BASE + 2, "New Zealand", "NZ", "NZL", "New Zealander", "Kiwi"),
    )
)
_STATUS = "id name abbrev description"
LAUNCH_STATUSES = by_id(
    rows(
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
)
# What the counters count: a launch has flown (with this outcome) or is still to come.
SUCCESS = 3
FAILED = frozenset({4, 7})
FLOWN = frozenset({3, 4, 7, 9})
PENDING = frozenset({1, 2, 8})

NET_PRECISIONS = rows(
    _STATUS,
    (0, "Second", "SEC", "The T-0 is accurate to the second."),
    (1, "Minute", "MIN", "The T-0 is accurate to the minute."),
    (2, "Hour", "HR", "The T-0 is accurate to the hour."),
    (7, "Month", "M", "The T-0 is expected in the given month."),
)
LANDING_TYPES = by_id(
    rows(
        _STATUS,
        (
            1,
            "Autonomous Spaceport Drone Ship",
            "ASDS",
            "An autonomous spaceport drone ship (ASDS) is an ocean-going vessel derived from a"
            " deck barge, outfitted with station-keeping engines and a large landing platform."
            " Construction of such ships was commissioned by aerospace company SpaceX to allow"
            " for recovery of rocket first-stages at sea for high-velocity missions which do not"
            " carry enough fuel to return to the launch site after lofting spacecraft onto an"
            " orbital trajectory.",
        ),
        (3, "Ocean", "Ocean", "No recovery attempt"),
        (6, "Horizontal Landing", "HL", "Horizontal landing on a runway or flat surface."),
        (BASE + 1, "Splashdown", "SPL", "Splashdown at sea under parachutes."),
        (BASE + 2, "Parachute Landing", "PL", "Landing on the ground under parachutes."),
    )
)
_ID_NAME = "id name"
AGENCY_TYPES = by_id(rows(_ID_NAME, (1, "Government"), (2, "Multinational"), (3, "Commercial")))
SPACECRAFT_STATUSES = by_id(
    rows(_ID_NAME, (1, "Active"), (2, "Retired"), (3, "Destroyed"), (4, "Single Use"))
)
SPACECRAFT_TYPES = by_id(
    rows(_ID_NAME, (1, "Unknown"), (2, "Capsule"), (3, "Spaceplane"), (4, "Cargo Resupply"))
)
ASTRONAUT_STATUSES = by_id(
    rows(_ID_NAME, (1, "Active"), (2, "Retired"), (3, "In-Training"), (11, "Deceased"))
)
ASTRONAUT_TYPES = by_id(
    rows(_ID_NAME, (2, "Government"), (3, "Private"), (6, "Non-Human"), (7, "Commercial"))
)
PROGRAM_TYPES = by_id(rows(_ID_NAME, (2, "Human Spaceflight"), (3, "Communication Constellation")))
STATION_STATUSES = by_id(rows(_ID_NAME, (1, "Active"), (2, "De-Orbited")))
INFO_TYPES = rows(_ID_NAME, (1, "Official Page"))
VID_TYPES = rows(
    _ID_NAME, (1, "Official Webcast"), (3, "Unofficial Webcast"), (4, "Unofficial Re-stream")
)
ROLES = rows(
    "id role priority",
    (BASE + 1, "Commander", 0),
    (BASE + 2, "Pilot", 1),
    (BASE + 3, "Mission Specialist", 5),
    (BASE + 4, "Spaceflight Participant", 9),
)
LANGUAGES = rows("id name code", (1, "English", "en"), (BASE + 2, "中文", "zh"))
VARIANT_TYPES = rows(_ID_NAME, (BASE + 1, "Thumbnail"), (BASE + 2, "Social"))
SOCIAL_MEDIA = rows(
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
# Earth as LL2 gives it, less the statistics (the data set's own are added, see `body`).
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
}
BODY_STATS = ("total_attempted_launches", "successful_launches", "failed_launches")
BODY_STATS += ("total_attempted_landings", "successful_landings", "failed_landings")
# The Moon and Mars are plausible stand-ins; only the hostile data set launches from them.
BODIES = by_id(
    (
        EARTH,
        EARTH
        | {"id": 2, "name": "Moon", "type": {"id": BASE + 1, "name": "Natural Satellite"}}
        | {"diameter": 3474800.0, "mass": 7.342e22, "gravity": 1.62}
        | {"length_of_day": "29 12:44:03", "atmosphere": False, "image": None}
        | {"description": "Earth's only natural satellite."}
        | {"wiki_url": "https://en.wikipedia.org/wiki/Moon"},
        EARTH
        | {"id": 3, "name": "Mars", "diameter": 6779000.0, "mass": 6.4171e23, "gravity": 3.72076}
        | {"length_of_day": "1 00:39:35", "image": None, "description": "The fourth planet."}
        | {"wiki_url": "https://en.wikipedia.org/wiki/Mars"},
    )
)
BODY_LIST = {i: {"response_mode": "list", "id": i, "name": b["name"]} for i, b in BODIES.items()}
ORBITS = by_id(
    tuple(
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
)
SUBORBITAL = 15
