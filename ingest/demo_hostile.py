"""The hostile demo catalog, for tests only (``generate(..., hostile=True)``): made-up names
seasoned with unicode, quotes, HTML, SQL-looking text and empty strings, links drawn at
random (any launcher from any pad, launch sites on the Moon and Mars), a payload past 2**31.
What stays true in it is what the store must keep true: ids, shapes and counters."""

from __future__ import annotations

import random
from typing import Any

from ingest.demo_lookups import BASE, COUNTRIES, ORBITS
from ingest.demo_specs import (
    AgencySpec,
    Catalog,
    CorpsSpec,
    CraftSpec,
    FamilySpec,
    LauncherSpec,
    LocationSpec,
    MissionSpec,
    NameGroup,
    PadSpec,
    ProgramSpec,
    SiteSpec,
    StationSpec,
)

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
YEARS = (1961, 2031)


def season(rng: random.Random, text: str, p_odd: float = 0.05, p_null: float = 0.0) -> Any:
    """Mostly `text`; sometimes null, or seasoned with unicode, quotes, HTML, SQL or ""."""
    r = rng.random()
    if r < p_null:
        return None
    return f"{text} {rng.choice(ODD_TEXT)}".strip() if r < p_null + p_odd else text


def _maybe(rng: random.Random, p: float, value: Any) -> Any:
    return value if rng.random() < p else None


def _keys(prefix: str, count: int) -> list[str]:
    return [f"{prefix}{i}" for i in range(count)]


def _agencies(rng: random.Random) -> tuple[AgencySpec, ...]:
    countries = sorted(COUNTRIES)
    specs = []
    for i, (name, abbrev) in enumerate(AGENCY_NAMES):
        boss = f"CEO: {rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        about = f"{name or 'An agency'} builds and flies {rng.choice(WORDS)} vehicles."
        specs.append(
            AgencySpec(
                f"a{i}", name, abbrev, rng.choice((1, 2, 3)),
                tuple(rng.sample(countries, rng.choice((1, 1, 1, 2)))),
                season(rng, about, 0.1, 0.1), _maybe(rng, 0.7, boss),
                _maybe(rng, 0.9, rng.randrange(1950, 2022)),
                rng.choice(("", "Long March", "Demo-1 | Demo-2")), "", rng.random() < 0.3,
                _maybe(rng, 0.5, f"https://example.org/agencies/{i}"),
                _maybe(rng, 0.5, f"https://en.wikipedia.org/wiki/Agency_{i}"),
            )
        )  # fmt: skip
    return tuple(specs)


def _places(rng: random.Random) -> tuple[tuple[LocationSpec, ...], tuple[PadSpec, ...]]:
    locations = []
    for i in range(20):
        body = 1 if i < 17 else 2 if i < 19 else 3
        country = COUNTRIES[rng.choice(sorted(COUNTRIES))]
        name = season(rng, f"{rng.choice(WORDS)} Launch Complex, {country['name']}", 0.15)
        about = season(rng, f"A spaceport on {('Earth', 'the Moon', 'Mars')[body - 1]}.", 0.1)
        lat, lon = round(rng.uniform(-60, 65), 6), round(rng.uniform(-180, 180), 6)
        locations.append(
            LocationSpec(f"l{i}", name, country["id"], lat, lon, rng.choice(TIMEZONES), about,
                         body)
        )  # fmt: skip
    pads = []
    for i in range(60):
        where = locations[i % 20]
        lat = round(where.latitude + rng.uniform(-0.3, 0.3), 6)
        lon = round(where.longitude + rng.uniform(-0.3, 0.3), 6)
        agencies = tuple(rng.sample(_keys("a", len(AGENCY_NAMES)), rng.randrange(1, 3)))
        pads.append(
            PadSpec(
                f"p{i}", season(rng, f"Launch Pad {i + 1}", 0.1), where.key, lat, lon,
                season(rng, "", 0.1, 0.1),
                _maybe(rng, 0.6, f"https://en.wikipedia.org/wiki/Pad_{BASE + 1 + i}"),
                agencies if rng.random() < 0.3 else (),
            )
        )  # fmt: skip
    return tuple(locations), tuple(pads)


def _launchers(rng: random.Random, pads: tuple[PadSpec, ...]) -> tuple[LauncherSpec, ...]:
    specs = []
    for i in range(30):
        variant = rng.choice(("", "Heavy", "F/G", "Block 5"))
        families = sorted(rng.sample(range(len(WORDS)), rng.choice((1, 1, 2))))
        name = f"{WORDS[families[0]]} {i + 1}"
        specs.append(
            LauncherSpec(
                f"r{i}", name, f"{name} {variant}".strip(), variant,
                tuple(WORDS[f] for f in families), tuple(_keys("a", len(AGENCY_NAMES))),
                tuple(p.key for p in pads), YEARS,
            )
        )  # fmt: skip
    return tuple(specs)


def _missions(rng: random.Random) -> tuple[MissionSpec, ...]:
    orbits = sorted(ORBITS)
    programs = _keys("g", 8)
    return tuple(
        MissionSpec(
            f"{rng.choice(WORDS)} {{n}}", rng.choice(MISSION_TYPES), rng.choice(orbits),
            "Delivers crew and cargo.\r\n\r\nDemo data.",
            programs=tuple(rng.sample(programs, rng.randrange(1, 3)))
            if rng.random() < 0.2 else (),
            customers=tuple(rng.sample(_keys("a", len(AGENCY_NAMES)), rng.randrange(1, 3)))
            if rng.random() < 0.25 else (),
            crewed=crewed, weight=0.3 if crewed else 0.7,
        )
        for crewed in (True, False, False)
    )  # fmt: skip


def _crafts(rng: random.Random) -> tuple[CraftSpec, ...]:
    specs = []
    corps = tuple((key, 1.0) for key in _keys("c", len(AGENCY_NAMES) + 1))
    for i in range(40):
        name = f"{rng.choice(WORDS)}-{rng.choice('ABCDXZ')}{i}"
        human = rng.random() < 0.4
        # One config carries a payload past 2**31 on purpose: no int32 column survives it.
        payload = 4_294_967_296 if i == 7 else _maybe(rng, 0.5, rng.randrange(100, 30000))
        specs.append(
            CraftSpec(
                f"s{i}", season(rng, name, 0.1), rng.choice((1, 2, 3, 4)),
                f"a{rng.randrange(len(AGENCY_NAMES))}", YEARS, 1.0, tuple(_keys("r", 30)),
                _missions(rng), (0.02, 300), vehicle="{config} SN{g}", reuse=3, crew=corps,
                crew_size=(1, 4), stations=("t0", "t1", "t2"), p_dock=0.15,
                sites=tuple(_keys("z", 15)), landing_type=rng.choice((1, 3, 6)),
                family=f"f{rng.randrange(10)}" if rng.random() < 0.4 else None,
                human_rated=human, crew_capacity=rng.randrange(1, 8) if human else None,
                capability=season(rng, "Crew and cargo transport to low Earth orbit.", 0.1),
                history=season(rng, f"First flown as {name}.", 0.1),
                details=season(rng, "", 0.1),
                height=_maybe(rng, 0.6, round(rng.uniform(2, 40), 2)),
                diameter=_maybe(rng, 0.6, round(rng.uniform(1, 9), 2)),
                payload_capacity=payload,
                payload_return_capacity=_maybe(rng, 0.3, rng.randrange(10, 3000)),
                flight_life=rng.choice(("Multiple months", "up to 210 days", "")),
                wiki_link=f"https://en.wikipedia.org/wiki/{name}",
            )
        )  # fmt: skip
    return tuple(specs)


def _others(rng: random.Random, locations: tuple[LocationSpec, ...]) -> dict[str, Any]:
    families = tuple(
        FamilySpec(
            f"f{i}",
            f"{WORDS[-1 - i]} family",
            season(rng, "A family of crewed and cargo spacecraft.", 0.1),
            _maybe(rng, 0.9, f"a{rng.randrange(len(AGENCY_NAMES))}"),
        )
        for i in range(10)
    )
    sites = []
    for i in range(15):
        where = rng.choice(locations) if rng.random() < 0.5 else None
        sites.append(
            SiteSpec(
                f"z{i}", season(rng, f"{rng.choice(WORDS)} Landing Zone", 0.1), f"LZ-{i + 1}",
                season(rng, "A recovery area.", 0.1, 0.1), round(rng.uniform(-60, 65), 8),
                round(rng.uniform(-180, 180), 8), where.key if where else None,
                where.body if where else 1,
            )
        )  # fmt: skip
    stations = tuple(
        StationSpec(
            f"t{i}",
            name,
            f"{rng.randrange(1971, 2022)}-0{rng.randrange(1, 10)}-1{i}",
            f"{2000 + i}-03-23" if i == 2 else None,  # the third is gone
            season(rng, f"{name} is a crewed orbital outpost.", 0.2),
            ("Forward", "Aft", "Nadir"),
        )
        for i, name in enumerate(("Demo Orbital Station", "Tiangong 天宫", f"Salyut {CYRILLIC}"))
    )
    programs = tuple(
        ProgramSpec(
            f"g{i}", season(rng, f"{word} Program", 0.2),
            tuple(rng.sample(_keys("a", len(AGENCY_NAMES)), rng.randrange(1, 4))),
            f"{rng.randrange(1958, 2024)}-0{rng.randrange(1, 10)}-1{i}",
            _maybe(rng, 0.4, f"{rng.randrange(2024, 2040)}-01-01"),
            season(rng, "A long-running programme of flights.", 0.1, 0.1),
            _maybe(rng, 0.6, f"https://en.wikipedia.org/wiki/{word}"),
            _maybe(rng, 0.6, f"https://example.org/programs/{i}"), rng.choice((2, 3)),
        )
        for i, word in enumerate(WORDS[:8])
    )  # fmt: skip
    groups = tuple(NameGroup(c, FIRST_NAMES, SURNAMES) for c in sorted(COUNTRIES))
    corps = tuple(
        CorpsSpec(f"c{i}", f"a{i}" if i < len(AGENCY_NAMES) else None, groups, (1925, 1998),
                  rng.choice((2, 3, 6, 7)), 1.0)
        for i in range(len(AGENCY_NAMES) + 1)
    )  # fmt: skip
    return {"families": families, "sites": tuple(sites), "stations": stations} | {
        "programs": programs,
        "corps": corps,
    }


def hostile_catalog(seed: int) -> Catalog:
    """The catalog of the hostile data set for `seed`."""
    rng = random.Random(f"{seed}/hostile")
    agencies = _agencies(rng)
    locations, pads = _places(rng)
    return Catalog(
        agencies=agencies, locations=locations, pads=pads, launchers=_launchers(rng, pads),
        crafts=_crafts(rng), outcomes=(3, 3, 3, 3, 3, 4, 7, 9), hostile=True,
        p_no_mission=0.08, p_no_provider=0.05, p_no_landing=0.15, p_no_attempt=0.1,
        **_others(rng, locations),
    )  # fmt: skip
