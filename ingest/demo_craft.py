"""The realistic demo catalog, part two: spacecraft configurations as LL2 has them, the
missions each flies, where they land and dock, and the astronaut corps that crew them. The
astronauts are fictional people with names of their nationality."""

from __future__ import annotations

from ingest.demo_catalog import (
    AGENCIES,
    CA,
    CN,
    DE,
    ES,
    FR,
    IN,
    IT,
    JP,
    LAUNCHERS,
    LOCATIONS,
    PADS,
    RU,
    US,
    WIKI,
)
from ingest.demo_lookups import BASE
from ingest.demo_specs import (
    Catalog,
    CorpsSpec,
    CraftSpec,
    FamilySpec,
    MissionSpec,
    NameGroup,
    ProgramSpec,
    SiteSpec,
    StationSpec,
)

CAPSULE, SPACEPLANE, CARGO, UNKNOWN = 2, 3, 4, 1
LEO, SUB, LUNAR = 8, 15, 11
HL, OCEAN, SPLASHDOWN, PARACHUTE = 6, 3, BASE + 1, BASE + 2
CREWED, RESUPPLY, TEST, TOURISM = "Human Exploration", "Resupply", "Test Flight", "Tourism"


def _group(country: int, given: str, family: str, family_first: bool = False) -> NameGroup:
    return NameGroup(country, tuple(given.split(", ")), tuple(family.split(", ")), family_first)


ISS_CREW = (("nasa", 0.6), ("esa", 0.12), ("jaxa", 0.08), ("csa", 0.05), ("rfsa", 0.15))


def _m(pattern: str, kind: str, about: str, **more: object) -> MissionSpec:
    return MissionSpec(pattern, kind, more.pop("orbit", LEO), about, **more)  # type: ignore[arg-type]


CRAFTS = (
    CraftSpec(
        "vostok", "Vostok 3KA", CAPSULE, "ssp", (1961, 1963), 0.3, ("vostok_k",),
        (_m("Vostok {n}", CREWED, "A single cosmonaut orbits the Earth in a Vostok capsule.",
            crewed=True, programs=("vostok",)),),
        (0.06, 5), vehicle="Vostok 3KA No. {n}", crew=(("soviet", 1),), crew_size=(1, 1),
        sites=("kazakh_steppe",), landing_type=PARACHUTE, human_rated=True, crew_capacity=1,
        capability="Single-seat crewed orbital flight.", wiki_link=f"{WIKI}Vostok_(spacecraft)",
    ),
    CraftSpec(
        "gemini", "Gemini", CAPSULE, "nasa", (1965, 1966), 0.4, ("titan_glv",),
        (_m("Gemini {n}", CREWED, "Two astronauts practise rendezvous, docking and spacewalks"
            " for the Apollo program.", start=3, crewed=True, programs=("gemini",)),),
        (0.2, 14), vehicle="Gemini Spacecraft {n}", crew=(("nasa_early", 1),),
        crew_size=(2, 2), sites=("atlantic",), landing_type=SPLASHDOWN, human_rated=True,
        crew_capacity=2, wiki_link=f"{WIKI}Project_Gemini",
    ),
    CraftSpec(
        "apollo", "Apollo CSM", CAPSULE, "nasa", (1968, 1975), 0.5, ("saturn_v",),
        (_m("Apollo {n}", CREWED, "Three astronauts fly to the Moon.", orbit=LUNAR, start=7,
            crewed=True, programs=("apollo",)),),
        (6, 13), vehicle="Apollo CSM-1{n:02d}", crew=(("nasa_early", 1),), crew_size=(3, 3),
        sites=("pacific",), landing_type=SPLASHDOWN, human_rated=True, crew_capacity=3,
        capability="Crewed lunar flights.", wiki_link=f"{WIKI}Apollo_command_and_service_module",
    ),
    CraftSpec(
        "shuttle", "Space Shuttle", SPACEPLANE, "nasa", (1981, 2011), 2.5, ("shuttle",),
        (_m("STS-{n}", CREWED, "A Space Shuttle mission: satellites, science and station"
            " assembly in low Earth orbit.", crewed=True, programs=("shuttle",)),),
        (2, 17), vehicles=("Space Shuttle Columbia", "Space Shuttle Challenger",
                           "Space Shuttle Discovery", "Space Shuttle Atlantis",
                           "Space Shuttle Endeavour"),
        vehicle="Orbiter OV-2{n:02d}", reuse=25,
        crew=(("nasa_shuttle", 0.85), ("esa", 0.06), ("csa", 0.05), ("jaxa", 0.04)),
        crew_size=(4, 7), stations=("mir", "iss"), ports=("Kristall axial", "Harmony forward"),
        p_dock=0.5, sites=("slf", "edwards"), landing_type=HL, family="shuttle",
        human_rated=True, crew_capacity=8, payload_capacity=27500,
        payload_return_capacity=14400, flight_life="up to 17 days",
        capability="Crew, satellites and station modules to low Earth orbit and back.",
        wiki_link=f"{WIKI}Space_Shuttle_orbiter",
    ),
    CraftSpec(
        "soyuz_tm", "Soyuz TM", CAPSULE, "rfsa", (1992, 2002), 0.8, ("soyuz_u",),
        (_m("Soyuz TM-{n}", CREWED, "A Soyuz crew rotation to a space station.", start=14,
            crewed=True),),
        (120, 200), vehicle="{mission}", crew=(("rfsa", 0.8), ("esa", 0.2)), crew_size=(2, 3),
        stations=("mir", "iss"), ports=("Mir forward", "Kvant-1 aft", "Zvezda aft"),
        p_dock=0.97, sites=("kazakh_steppe",), landing_type=PARACHUTE, family="soyuz",
        human_rated=True, crew_capacity=3, wiki_link=f"{WIKI}Soyuz-TM",
    ),
    CraftSpec(
        "soyuz_tma", "Soyuz TMA", CAPSULE, "rfsa", (2003, 2016), 1.2, ("soyuz_fg",),
        (_m("Soyuz TMA-{n}", CREWED, "Soyuz crew rotation flight to the International Space"
            " Station.", crewed=True, programs=("iss",)),),
        (150, 200), vehicle="{mission}", crew=(("rfsa", 0.65), ("nasa", 0.25), ("esa", 0.05),
                                                ("jaxa", 0.03), ("csa", 0.02)),
        crew_size=(3, 3), stations=("iss",), ports=("Poisk zenith", "Rassvet nadir"),
        p_dock=1, sites=("kazakh_steppe",), landing_type=PARACHUTE, family="soyuz",
        human_rated=True, crew_capacity=3, wiki_link=f"{WIKI}Soyuz_TMA",
    ),
    CraftSpec(
        "soyuz_ms", "Soyuz MS", CAPSULE, "rfsa", (2016, 2032), 1.6, ("soyuz_fg", "soyuz_21a"),
        (_m("Soyuz MS-{n}", CREWED, "Soyuz crew rotation flight to the International Space"
            " Station.", crewed=True, programs=("iss",)),),
        (150, 200), vehicle="{mission}", crew=(("rfsa", 0.7), ("nasa", 0.25), ("esa", 0.05)),
        crew_size=(3, 3), stations=("iss",), ports=("Rassvet nadir", "Prichal nadir"),
        p_dock=1, sites=("kazakh_steppe",), landing_type=PARACHUTE, family="soyuz",
        human_rated=True, crew_capacity=3, height=7.48, diameter=2.72,
        flight_life="up to 210 days", wiki_link=f"{WIKI}Soyuz_MS",
    ),
    CraftSpec(
        "progress_ms", "Progress MS", CARGO, "rfsa", (2015, 2032), 2.0, ("soyuz_21a",),
        (_m("Progress MS-{n}", RESUPPLY, "Uncrewed cargo flight with fuel, water and supplies"
            " for the International Space Station.", programs=("iss",)),),
        (90, 200), vehicle="{mission}", stations=("iss",), ports=("Zvezda aft", "Poisk zenith"),
        p_dock=1, family="soyuz", payload_capacity=2520, flight_life="up to 6 months",
        wiki_link=f"{WIKI}Progress_MS",
    ),
    CraftSpec(
        "shenzhou", "Shenzhou", CAPSULE, "casc", (2003, 2032), 1.6, ("lm2f",),
        (_m("Shenzhou {n}", CREWED, "A crewed Chinese mission to low Earth orbit.", start=5,
            crewed=True, programs=("cmsp",), customers=("cnsa",)),),
        (1, 190), vehicle="{mission}", crew=(("cnsa", 1),), crew_size=(1, 3),
        stations=("tiangong",), ports=("Tianhe forward", "Tianhe radial"), p_dock=0.97,
        sites=("dongfeng",), landing_type=PARACHUTE, human_rated=True, crew_capacity=3,
        height=9.25, diameter=2.8, wiki_link=f"{WIKI}Shenzhou_(spacecraft)",
    ),
    CraftSpec(
        "tianzhou", "Tianzhou", CARGO, "casc", (2017, 2032), 0.6, ("lm7",),
        (_m("Tianzhou {n}", RESUPPLY, "Uncrewed cargo flight to the Tiangong space station.",
            programs=("cmsp",), customers=("cnsa",)),),
        (150, 365), vehicle="{mission}", stations=("tiangong",), ports=("Tianhe aft",),
        p_dock=1, payload_capacity=6900, wiki_link=f"{WIKI}Tianzhou_(spacecraft)",
    ),
    CraftSpec(
        "dragon2", "Dragon 2", CAPSULE, "spacex", (2020, 2032), 5.0, ("f9",),
        (
            _m("Crew-{n}", CREWED, "Crew rotation flight of NASA's Commercial Crew Program to"
               " the International Space Station.", names=("Demo-2",), start=0,
               customers=("nasa",), programs=("ccp", "iss"), crewed=True, weight=2),
            _m("Dragon CRS-2 SpX-{n}", RESUPPLY, "Cargo Dragon carries supplies and science"
               " to the International Space Station and brings results back.", start=21,
               customers=("nasa",), programs=("crs", "iss"), weight=2, days=(25, 40)),
            _m("Axiom Mission {n}", TOURISM, "A private crew flies to the International Space"
               " Station for about two weeks.", customers=("axiom",), crewed=True,
               first_year=2022, crew=(("private", 1),), days=(10, 20)),
        ),
        (150, 200), vehicles=("Crew Dragon Endeavour", "Crew Dragon Resilience",
                             "Crew Dragon Endurance", "Crew Dragon Freedom", "Crew Dragon Grace",
                             "Cargo Dragon C208", "Cargo Dragon C209", "Cargo Dragon C211"),
        vehicle="Dragon C3{n:02d}", reuse=5, crew=ISS_CREW,
        crew_size=(2, 4), stations=("iss",), ports=("Harmony forward", "Harmony zenith"),
        p_dock=0.97, sites=("atlantic", "pacific"), landing_type=SPLASHDOWN, family="dragon",
        human_rated=True, crew_capacity=7, height=8.1, diameter=4.0, payload_capacity=6000,
        payload_return_capacity=3000, flight_life="up to 210 days",
        capability="Crew and cargo to low Earth orbit and back.",
        history="Flew its first crew on the Demo-2 mission in May 2020.",
        wiki_link=f"{WIKI}SpaceX_Dragon_2",
    ),
    CraftSpec(
        "cygnus", "Cygnus", CARGO, "ngss", (2013, 2032), 0.8, ("antares", "f9"),
        (_m("Cygnus NG-{n}", RESUPPLY, "Cygnus carries cargo to the International Space"
            " Station and leaves with its rubbish.", customers=("nasa",),
            programs=("crs", "iss")),),
        (60, 120), vehicle="{mission}", stations=("iss",), ports=("Unity nadir",), p_dock=1,
        payload_capacity=3750, wiki_link=f"{WIKI}Cygnus_(spacecraft)",
    ),
    CraftSpec(
        "htv", "H-II Transfer Vehicle", CARGO, "jaxa", (2009, 2020), 0.3, ("h2b",),
        (_m("HTV-{n}", RESUPPLY, "Japan's Kounotori cargo ship supplies the International"
            " Space Station.", customers=("jaxa",), programs=("iss",)),),
        (30, 80), vehicle="{mission}", stations=("iss",), ports=("Harmony nadir",), p_dock=1,
        family="htv", payload_capacity=6000, wiki_link=f"{WIKI}H-II_Transfer_Vehicle",
    ),
    CraftSpec(
        "htvx", "HTV-X", CARGO, "jaxa", (2025, 2032), 0.3, ("h3",),
        (_m("HTV-X{n}", RESUPPLY, "The successor of the HTV carries cargo to the"
            " International Space Station.", customers=("jaxa",), programs=("iss",)),),
        (30, 180), vehicle="{mission}", stations=("iss",), ports=("Harmony nadir",), p_dock=1,
        family="htv", payload_capacity=5850, wiki_link=f"{WIKI}HTV-X",
    ),
    CraftSpec(
        "starliner", "CST-100 Starliner", CAPSULE, "boeing", (2024, 2032), 0.5, ("atlas_v",),
        (_m("Starliner-{n}", CREWED, "Crew flight of Boeing's Starliner to the International"
            " Space Station.", names=("Boe-CFT",), start=0, customers=("nasa",),
            programs=("ccp", "iss"), crewed=True),),
        (8, 180), vehicles=("Starliner Calypso", "Starliner Spacecraft 2"),
        vehicle="Starliner Spacecraft {n}", reuse=4, crew=(("nasa", 1),), crew_size=(2, 4),
        stations=("iss",), ports=("Harmony forward",), p_dock=0.95, sites=("white_sands",),
        landing_type=PARACHUTE, human_rated=True, crew_capacity=7,
        wiki_link=f"{WIKI}Boeing_Starliner",
    ),
    CraftSpec(
        "orion", "Orion", CAPSULE, "nasa", (2022, 2032), 0.3, ("sls",),
        (_m("Artemis {n}", CREWED, "Orion flies around the Moon and back.", orbit=LUNAR,
            names=("Artemis I", "Artemis II", "Artemis III", "Artemis IV"), start=1,
            customers=("esa",), programs=("artemis",), crewed=True, crewed_from=1),),
        (10, 30), vehicle="Orion CM-0{n:02d}",
        crew=(("nasa", 0.8), ("esa", 0.1), ("csa", 0.1)), crew_size=(4, 4), sites=("pacific",),
        landing_type=SPLASHDOWN, human_rated=True, crew_capacity=4,
        wiki_link=f"{WIKI}Orion_(spacecraft)",
    ),
    CraftSpec(
        "new_shepard", "New Shepard Capsule", CAPSULE, "blue", (2021, 2032), 1.0,
        ("new_shepard",),
        (_m("NS-{n}", TOURISM, "Six passengers fly above the Kármán line and back in about"
            " ten minutes.", orbit=SUB, start=16, crewed=True),),
        (0.007, 0.008), vehicles=("RSS First Step", "RSS H.G. Wells"),
        vehicle="New Shepard Capsule {n}", reuse=15, crew=(("private", 1),), crew_size=(4, 6),
        sites=("west_texas",), landing_type=PARACHUTE, human_rated=True, crew_capacity=6,
        wiki_link=f"{WIKI}New_Shepard",
    ),
    CraftSpec(
        "starship", "Starship", UNKNOWN, "spacex", (2023, 2032), 0.8, ("starship",),
        (_m("Starship Flight {n}", TEST, "A flight test of the fully reusable Starship and"
            " Super Heavy.", orbit=SUB),),
        (0.04, 0.06), vehicle="Starship Ship {n}", sites=("indian_ocean",),
        landing_type=SPLASHDOWN, wiki_link=f"{WIKI}SpaceX_Starship",
    ),
    CraftSpec(
        "gaganyaan", "Gaganyaan", CAPSULE, "isro", (2026, 2032), 0.3, ("lvm3",),
        (
            _m("Gaganyaan G{n}", TEST, "An uncrewed test flight of India's crew capsule."),
            _m("Gaganyaan H{n}", CREWED, "An Indian crew flies to low Earth orbit.",
               crewed=True, first_year=2027),
        ),
        (1, 7), vehicle="Gaganyaan CM-{n}", crew=(("isro", 1),), crew_size=(2, 3),
        sites=("bay_of_bengal",), landing_type=SPLASHDOWN, human_rated=True, crew_capacity=3,
        wiki_link=f"{WIKI}Gaganyaan",
    ),
    CraftSpec(
        "sre", "Space Capsule Recovery Experiment", CAPSULE, "isro", (2007, 2007), 0.05,
        ("pslv",),
        (_m("SRE-{n}", TEST, "Microgravity experiments, then a recovery at sea."),),
        (10, 13), vehicle="{mission}", sites=("bay_of_bengal",), landing_type=SPLASHDOWN,
        wiki_link=f"{WIKI}Space_Capsule_Recovery_Experiment",
    ),
    CraftSpec(
        "photon", "Photon", UNKNOWN, "rocketlab", (2020, 2032), 0.3, ("electron",),
        (_m("Photon {n}", TEST, "Rocket Lab's Photon spacecraft flies a hosted payload.",
            names=("First Light", "CAPSTONE"), start=1),),
        (100, 600), vehicle="Photon {n}", wiki_link=f"{WIKI}Rocket_Lab#Photon",
    ),
    CraftSpec(
        "nyx", "Nyx", CAPSULE, "texc", (2024, 2032), 0.2, ("ariane6", "f9"),
        (_m("Nyx Earth {n}", TEST, "A demonstration of the Nyx re-entry capsule.",
            names=("Bikini", "Mission Possible"), start=-1),),
        (0.1, 2), vehicle="Nyx {n}", sites=("atlantic", "pacific"), landing_type=SPLASHDOWN,
        wiki_link=f"{WIKI}Nyx_(spacecraft)",
    ),
    CraftSpec(
        "atv", "Automated Transfer Vehicle", CARGO, "esa", (2008, 2014), 0.2, ("ariane5",),
        (_m("ATV-{n}", RESUPPLY, "Europe's cargo ship supplies and reboosts the International"
            " Space Station.", names=("ATV-1 Jules Verne", "ATV-2 Johannes Kepler",
                                      "ATV-3 Edoardo Amaldi", "ATV-4 Albert Einstein",
                                      "ATV-5 Georges Lemaître"),
            customers=("esa",), programs=("iss",)),),
        (150, 200), vehicle="{mission}", stations=("iss",), ports=("Zvezda aft",), p_dock=1,
        payload_capacity=7667, wiki_link=f"{WIKI}Automated_Transfer_Vehicle",
    ),
    CraftSpec(
        "space_rider", "Space Rider", SPACEPLANE, "esa", (2027, 2032), 0.15, ("vega_c",),
        (_m("Space Rider {n}", TEST, "Two months of experiments in orbit, then a runway"
            " landing.", customers=("esa",)),),
        (55, 65), vehicles=("Space Rider 1",), vehicle="Space Rider {n}", reuse=6,
        sites=("santa_maria",), landing_type=HL, wiki_link=f"{WIKI}Space_Rider",
    ),
    CraftSpec(
        "dream_chaser", "Dream Chaser", SPACEPLANE, "sierra", (2026, 2032), 0.3, ("vulcan",),
        (_m("Dream Chaser SNC-{n}", RESUPPLY, "The Dream Chaser spaceplane carries cargo to"
            " the International Space Station and lands on a runway.", customers=("nasa",),
            programs=("crs", "iss")),),
        (45, 75), vehicles=("Dream Chaser Tenacity",), vehicle="Dream Chaser {n}", reuse=6,
        stations=("iss",), ports=("Harmony nadir",), p_dock=1, sites=("slf",),
        landing_type=HL, payload_capacity=5500, wiki_link=f"{WIKI}Dream_Chaser",
    ),
)  # fmt: skip

FAMILIES = (
    FamilySpec("soyuz", "Soyuz", "Soviet and Russian crew and cargo spacecraft.", "rfsa"),
    FamilySpec("dragon", "Dragon", "SpaceX's crew and cargo capsules.", "spacex"),
    FamilySpec("shuttle", "Space Shuttle", "NASA's reusable orbiters.", "nasa"),
    FamilySpec("htv", "HTV", "Japan's cargo spacecraft for the ISS.", "jaxa"),
)

SITES = (
    SiteSpec("atlantic", "Atlantic Ocean", "ATL", "Splashdown zones off the coast of Florida.",
             29.5, -80.0),
    SiteSpec("pacific", "Pacific Ocean", "PAC", "Splashdown zones off the coast of"
             " California and Baja California.", 31.5, -118.5),
    SiteSpec("kazakh_steppe", "Kazakh Steppe", "KZS", "Landing zone south-east of"
             " Dzhezkazgan, Kazakhstan.", 47.36, 69.58),
    SiteSpec("dongfeng", "Dongfeng Landing Site", "DFLS", "Landing site in the Badain Jaran"
             " desert, Inner Mongolia.", 41.62, 100.06, "jiuquan"),
    SiteSpec("white_sands", "White Sands Space Harbor", "WSSH", "Landing site on the White"
             " Sands Missile Range, New Mexico.", 32.94, -106.42),
    SiteSpec("west_texas", "West Texas Landing Site", "WTLS", "Blue Origin's capsule landing"
             " zone near Van Horn, Texas.", 31.44, -104.76, "corn_ranch"),
    SiteSpec("slf", "Shuttle Landing Facility", "SLF", "The 4.6 km runway at the Kennedy"
             " Space Center.", 28.615, -80.695, "ksc"),
    SiteSpec("edwards", "Edwards Air Force Base", "EAFB", "Runways on Rogers Dry Lake,"
             " California.", 34.905, -117.884),
    SiteSpec("bay_of_bengal", "Bay of Bengal", "BOB", "Recovery zone east of Sriharikota.",
             13.5, 81.5),
    SiteSpec("indian_ocean", "Indian Ocean", "IO", "Splashdown zone west of Australia.",
             -20.0, 80.0),
    SiteSpec("santa_maria", "Santa Maria Airport, Azores", "SMA", "Runway on Santa Maria"
             " island, Azores, Portugal.", 36.97, -25.17),
)  # fmt: skip

STATIONS = (
    StationSpec("iss", "International Space Station", "1998-11-20", None,
                "The International Space Station is a crewed laboratory in low Earth orbit,"
                " run by NASA, Roscosmos, ESA, JAXA and the CSA.",
                ("Harmony forward", "Harmony zenith", "Harmony nadir", "Unity nadir",
                 "Zvezda aft", "Poisk zenith", "Rassvet nadir", "Prichal nadir")),
    StationSpec("tiangong", "Tiangong space station", "2021-04-29", None,
                "China's modular space station in low Earth orbit.",
                ("Tianhe forward", "Tianhe aft", "Tianhe radial")),
    StationSpec("mir", "Mir", "1986-02-20", "2001-03-23",
                "The Soviet and then Russian modular space station, de-orbited in 2001.",
                ("Mir forward", "Kvant-1 aft", "Kristall axial")),
)  # fmt: skip

PROGRAMS = (
    ProgramSpec("iss", "International Space Station", ("nasa", "rfsa", "esa", "jaxa", "csa"),
                "1998-11-20", None, "Assembly, crewing and supply of the International Space"
                " Station.", f"{WIKI}International_Space_Station"),
    ProgramSpec("ccp", "Commercial Crew Program", ("nasa", "spacex", "boeing"), "2010-02-01",
                None, "NASA buys crew flights to the ISS from American companies.",
                f"{WIKI}Commercial_Crew_Program"),
    ProgramSpec("crs", "Commercial Resupply Services", ("nasa", "spacex", "ngss", "sierra"),
                "2008-12-23", None, "NASA buys cargo flights to the ISS.",
                f"{WIKI}Commercial_Resupply_Services"),
    ProgramSpec("artemis", "Artemis", ("nasa", "esa", "jaxa", "csa"), "2017-12-11", None,
                "NASA's program to return people to the Moon.", f"{WIKI}Artemis_program"),
    ProgramSpec("cmsp", "China Manned Space Program", ("cnsa", "casc"), "1992-09-21", None,
                "China's crewed spaceflight program: Shenzhou, Tianzhou and Tiangong.",
                f"{WIKI}China_Manned_Space_Program"),
    ProgramSpec("apollo", "Apollo", ("nasa",), "1961-05-25", "1972-12-19",
                "NASA's program that landed people on the Moon.", f"{WIKI}Apollo_program"),
    ProgramSpec("gemini", "Gemini", ("nasa",), "1961-12-07", "1966-11-15",
                "NASA's two-person missions that prepared Apollo.", f"{WIKI}Project_Gemini"),
    ProgramSpec("vostok", "Vostok", ("ssp",), "1960-05-15", "1963-06-19",
                "The first Soviet crewed spaceflight program.", f"{WIKI}Vostok_programme"),
    ProgramSpec("shuttle", "Space Shuttle Program", ("nasa",), "1972-01-05", "2011-07-21",
                "NASA's reusable Space Shuttle, flown 135 times.",
                f"{WIKI}Space_Shuttle_program"),
)  # fmt: skip

_US = _group(
    US,
    (
        "Megan, Daniel, Kayla, Marcus, Jessica, Trevor, Aisha, Robert, Elena, Warren, Nicole, "
        "Hector, Dana, Caleb, Rachel, Andre, Lauren, Tyler, Monica, Garrett, Shannon"
    ),
    (
        "Hollis, Brennan, Whitaker, Delgado, Sutherland, Prescott, Mercer, Abernathy, Castillo, "
        "Greer, Okonkwo, Lindgren, Ramsey, Vance, Holloway, Fitzgerald, Navarro, Kimura, Bishop, "
        "Dalton"
    ),
)
_US_EARLY = _group(
    US,
    "Gordon, Walter, Frank, Harold, Donald, Russell, Clifton, Eugene",
    "Hadley, Corwin, Brandt, Lowell, Maddox, Pruitt, Sawyer, Tolliver",
)
_RU_M = _group(
    RU,
    (
        "Alexei, Dmitri, Sergei, Oleg, Nikolai, Pavel, Konstantin, Yuri, Andrei, Mikhail, Ivan, "
        "Viktor, Roman, Gennady"
    ),
    (
        "Voronov, Belyaev, Kuznetsov, Orlov, Zaitsev, Morozov, Lebedev, Gromov, Sokolov, "
        "Titarenko, Volkov, Makarov, Fedorov, Polyakov"
    ),
)
_RU_F = _group(
    RU,
    "Yelena, Anna, Svetlana, Irina, Marina, Olga, Tatyana, Natalia, Yulia",
    "Voronova, Belyaeva, Kuznetsova, Orlova, Zaitseva, Morozova, Lebedeva, Volkova, Fedorova",
)
_CN = _group(
    CN,
    (
        "Haoran, Jing, Tianming, Xiaoyu, Jun, Lei, Mingyu, Yating, Zhiqiang, Fei, Wenjie, Hui, "
        "Yuxuan, Lina"
    ),
    "Wang, Li, Zhang, Liu, Chen, Zhao, Huang, Zhou, Wu, Sun, Ma, Guo, He, Lin",
    family_first=True,
)
_JP = _group(
    JP,
    "Haruto, Yui, Kenta, Aoi, Daichi, Mei, Sora, Riku, Hina, Takumi",
    "Sato, Kobayashi, Morita, Hayashi, Ishikawa, Fujimoto, Takeda, Nakano, Ogawa, Kondo",
)
_CA = _group(
    CA,
    "Liam, Chloé, Owen, Maëlle, Ethan, Avery, Noah, Léa",
    "Tremblay, Gagnon, MacLeod, Roy, Côté, Fraser, Bouchard, Murray",
)
_IN = _group(
    IN,
    "Arjun, Priya, Rohan, Kavya, Vikram, Ananya, Suresh, Meera, Aditya, Lakshmi",
    "Nair, Krishnan, Iyer, Reddy, Sharma, Menon, Rao, Pillai, Verma, Desai",
)
_EUROPE = (
    _group(
        FR,
        "Lucas, Camille, Mathieu, Élise, Julien, Manon, Hugo, Claire",
        "Lefèvre, Dubois, Moreau, Garnier, Rousseau, Fontaine, Girard, Mercier",
    ),
    _group(
        DE,
        "Jonas, Lena, Felix, Miriam, Tobias, Hannah, Lukas, Katrin",
        "Schneider, Vogel, Hartmann, Krüger, Brandt, Wagner, Becker, Lehmann",
    ),
    _group(
        IT,
        "Matteo, Chiara, Luca, Giulia, Marco, Francesca, Davide, Elena",
        "Bianchi, Moretti, Ferraro, Colombo, Galli, Ricci, Marino, Greco",
    ),
    _group(
        ES,
        "Mateo, Lucía, Javier, Carmen, Pablo, Marta",
        "García, Fernández, Navarro, Ortega, Romero, Molina",
    ),
    _group(
        27,
        "Pieter, Sanne, Joost, Fleur, Daan, Lotte",
        "Jansen, de Vries, Bakker, Visser, Smit, Mulder",
    ),
    _group(
        15,
        "Ingrid, Erik, Freya, Oskar, Astrid, Nils",
        "Lindberg, Nilsson, Holm, Sandberg, Ekström, Berg",
    ),
)
CORPS = (
    CorpsSpec("nasa_early", "nasa", (_US_EARLY,), (1926, 1938), 2, 0.06),
    CorpsSpec("nasa_shuttle", "nasa", (_US,), (1935, 1968), 2, 0.2),
    CorpsSpec("nasa", "nasa", (_US,), (1962, 1994), 2, 0.2),
    CorpsSpec("soviet", "ssp", (_RU_M,), (1927, 1940), 2, 0.03),
    CorpsSpec("rfsa", "rfsa", (_RU_M, _RU_M, _RU_M, _RU_F), (1955, 1992), 2, 0.15),
    CorpsSpec("cnsa", "cnsa", (_CN,), (1963, 1994), 2, 0.1),
    CorpsSpec("esa", "esa", _EUROPE, (1955, 1990), 2, 0.07),
    CorpsSpec("jaxa", "jaxa", (_JP,), (1960, 1990), 2, 0.04),
    CorpsSpec("csa", "csa", (_CA,), (1960, 1990), 2, 0.03),
    CorpsSpec("isro", "isro", (_IN,), (1975, 1994), 2, 0.03),
    CorpsSpec("private", None, (_US, _JP, *_EUROPE[:3], _IN), (1945, 2002), 3, 0.09),
)  # fmt: skip

# Flown launches: 92% succeed, the rest fail, partly fail or end unconfirmed.
OUTCOMES = (3,) * 46 + (4, 4, 7, 9)


def realistic_catalog() -> Catalog:
    """The catalog of the default demo data set."""
    return Catalog(
        AGENCIES, LOCATIONS, PADS, LAUNCHERS, FAMILIES, CRAFTS, SITES, STATIONS, PROGRAMS,
        CORPS, OUTCOMES,
    )  # fmt: skip
