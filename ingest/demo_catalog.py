"""The realistic demo catalog, part one: agencies, launch sites, pads and launch vehicles as
LL2 names them. Coordinates, countries and time zones are the real ones; descriptions are
short paraphrases. Spacecraft and crews are in :mod:`ingest.demo_craft`."""

from __future__ import annotations

from ingest.demo_lookups import BASE
from ingest.demo_specs import AgencySpec, LauncherSpec, LocationSpec, PadSpec

US, RU, CN, FR, DE, IT, ES, CA, JP, KZ = 2, 5, 6, 1, 4, 3, 7, 26, 28, 44
IN, NZ = BASE + 1, BASE + 2
GOVERNMENT, MULTINATIONAL, COMMERCIAL = 1, 2, 3
WIKI = "https://en.wikipedia.org/wiki/"

AGENCIES = (
    AgencySpec(
        "spacex", "SpaceX", "SpX", COMMERCIAL, (US,),
        "Space Exploration Technologies Corp., known as SpaceX, is an American aerospace"
        " manufacturer and launch provider headquartered in Hawthorne, California.",
        "CEO: Elon Musk", 2002, "Falcon | Starship", "Dragon", True,
        "https://www.spacex.com/", f"{WIKI}SpaceX",
    ),
    AgencySpec(
        "nasa", "National Aeronautics and Space Administration", "NASA", GOVERNMENT, (US,),
        "NASA is the agency of the United States government responsible for the civilian"
        " space program and for aeronautics and space research.",
        None, 1958, "Space Shuttle | SLS", "Space Shuttle | Orion", True,
        "https://www.nasa.gov/", f"{WIKI}NASA",
    ),
    AgencySpec(
        "rfsa", "Russian Federal Space Agency (ROSCOSMOS)", "RFSA", GOVERNMENT, (RU,),
        "Roscosmos is the state corporation responsible for Russia's space flights, cosmonaut"
        " programs and aerospace research.",
        None, 1992, "Soyuz | Proton | Angara", "Soyuz | Progress", True,
        "https://www.roscosmos.ru/", f"{WIKI}Roscosmos",
    ),
    AgencySpec(
        "ssp", "Soviet Space Program", "CCCP", GOVERNMENT, (RU,),
        "The space program of the Soviet Union, from Sputnik and Vostok to the Salyut and Mir"
        " stations, active from the 1950s until 1991.",
        None, 1955, "Vostok | Voskhod | Soyuz", "Vostok | Voskhod | Soyuz", False,
        None, f"{WIKI}Soviet_space_program",
    ),
    AgencySpec(
        "casc", "China Aerospace Science and Technology Corporation", "CASC", GOVERNMENT, (CN,),
        "CASC is the main contractor for the Chinese space program; it designs and builds"
        " the Long March rockets and the Shenzhou and Tianzhou spacecraft.",
        "Chairman & President: Lei Fanpei", 1999, "Long March", "Shenzhou | Tianzhou", True,
        "http://english.spacechina.com/",
        f"{WIKI}China_Aerospace_Science_and_Technology_Corporation",
    ),
    AgencySpec(
        "cnsa", "China National Space Administration", "CNSA", GOVERNMENT, (CN,),
        "The national space agency of China, responsible for planning and developing its"
        " space activities.",
        None, 1993, "", "", False,
        "http://www.cnsa.gov.cn/", f"{WIKI}China_National_Space_Administration",
    ),
    AgencySpec(
        "isro", "Indian Space Research Organization", "ISRO", GOVERNMENT, (IN,),
        "ISRO is the space agency of India; it builds and launches the PSLV, GSLV and LVM3"
        " rockets from the Satish Dhawan Space Centre.",
        None, 1969, "PSLV | GSLV | LVM3", "Gaganyaan", True,
        "https://www.isro.gov.in/", f"{WIKI}Indian_Space_Research_Organisation",
    ),
    AgencySpec(
        "rocketlab", "Rocket Lab", "RL", COMMERCIAL, (US, NZ),
        "Rocket Lab is an American-New Zealand launch provider and spacecraft maker; its"
        " Electron rocket flies from the Mahia Peninsula in New Zealand.",
        "CEO: Peter Beck", 2006, "Electron | Neutron", "Photon", True,
        "https://www.rocketlabusa.com/", f"{WIKI}Rocket_Lab",
    ),
    AgencySpec(
        "arianespace", "Arianespace", "ASA", COMMERCIAL, (FR,),
        "Arianespace markets and operates the Ariane and Vega launchers from the Guiana Space"
        " Centre in Kourou, French Guiana.",
        None, 1980, "Ariane | Vega", "", True,
        "https://www.arianespace.com/", f"{WIKI}Arianespace",
    ),
    AgencySpec(
        "esa", "European Space Agency", "ESA", MULTINATIONAL, (FR, DE, IT, ES, 27, 20, 15, 8),
        "ESA is an intergovernmental organisation of European states dedicated to the"
        " exploration of space.",
        None, 1975, "Ariane | Vega", "ATV | Space Rider", True,
        "https://www.esa.int/", f"{WIKI}European_Space_Agency",
    ),
    AgencySpec(
        "ula", "United Launch Alliance", "ULA", COMMERCIAL, (US,),
        "United Launch Alliance is a joint venture of Lockheed Martin and Boeing that"
        " launches the Atlas V and Vulcan rockets from both US coasts.",
        None, 2006, "Atlas | Delta IV | Vulcan", "CST-100 Starliner", True,
        "https://www.ulalaunch.com/", f"{WIKI}United_Launch_Alliance",
    ),
    AgencySpec(
        "blue", "Blue Origin", "BO", COMMERCIAL, (US,),
        "Blue Origin is an American aerospace company; its New Shepard flies people and"
        " payloads on suborbital hops from West Texas.",
        None, 2000, "New Shepard | New Glenn", "New Shepard", True,
        "https://www.blueorigin.com/", f"{WIKI}Blue_Origin",
    ),
    AgencySpec(
        "jaxa", "Japan Aerospace Exploration Agency", "JAXA", GOVERNMENT, (JP,),
        "JAXA is Japan's national aerospace agency; it built the HTV and HTV-X cargo"
        " spacecraft that supply the International Space Station.",
        None, 2003, "H-II | H3", "HTV | HTV-X", True,
        "https://global.jaxa.jp/", f"{WIKI}JAXA",
    ),
    AgencySpec(
        "mhi", "Mitsubishi Heavy Industries", "MHI", COMMERCIAL, (JP,),
        "Mitsubishi Heavy Industries builds and launches the H-IIA, H-IIB and H3 rockets"
        " from the Tanegashima Space Center.",
        None, 1884, "H-II | H3", "", True,
        "https://www.mhi.com/", f"{WIKI}Mitsubishi_Heavy_Industries",
    ),
    AgencySpec(
        "boeing", "Boeing", "BA", COMMERCIAL, (US,),
        "Boeing is an American aerospace company; it builds the CST-100 Starliner crew"
        " spacecraft for NASA's Commercial Crew Program.",
        None, 1916, "", "CST-100 Starliner", False,
        "https://www.boeing.com/space/", f"{WIKI}Boeing",
    ),
    AgencySpec(
        "ngss", "Northrop Grumman Space Systems", "NGSS", COMMERCIAL, (US,),
        "Northrop Grumman Space Systems builds the Antares rocket and the Cygnus cargo"
        " spacecraft.",
        None, 1982, "Antares | Minotaur | Pegasus", "Cygnus", True,
        "https://www.northropgrumman.com/space/", f"{WIKI}Northrop_Grumman",
    ),
    AgencySpec(
        "csa", "Canadian Space Agency", "CSA", GOVERNMENT, (CA,),
        "The Canadian Space Agency manages Canada's civil space program and its astronauts.",
        None, 1989, "", "", False,
        "https://www.asc-csa.gc.ca/", f"{WIKI}Canadian_Space_Agency",
    ),
    AgencySpec(
        "axiom", "Axiom Space", "AX", COMMERCIAL, (US,),
        "Axiom Space organises private missions to the International Space Station and is"
        " building a commercial station.",
        None, 2016, "", "", False,
        "https://www.axiomspace.com/", f"{WIKI}Axiom_Space",
    ),
    AgencySpec(
        "texc", "The Exploration Company", "TEC", COMMERCIAL, (DE, FR),
        "A European company developing the Nyx reusable cargo capsule.",
        None, 2021, "", "Nyx", False,
        "https://www.exploration.space/", f"{WIKI}The_Exploration_Company",
    ),
    AgencySpec(
        "sierra", "Sierra Space", "SS", COMMERCIAL, (US,),
        "Sierra Space develops the Dream Chaser spaceplane, which carries cargo to and from"
        " the International Space Station.",
        None, 2021, "", "Dream Chaser", False,
        "https://www.sierraspace.com/", f"{WIKI}Sierra_Space",
    ),
)  # fmt: skip

LOCATIONS = (
    LocationSpec(
        "baikonur", "Baikonur Cosmodrome, Republic of Kazakhstan", KZ, 45.920278, 63.342222,
        "Asia/Qyzylorda",
        "The world's first spaceport, in the steppe of Kazakhstan, leased and run by Russia.",
    ),
    LocationSpec(
        "ccsfs", "Cape Canaveral SFS, FL, USA", US, 28.488889, -80.577778, "America/New_York",
        "Cape Canaveral Space Force Station is an installation of the United States Space"
        " Force's Space Launch Delta 45, on Cape Canaveral in Brevard County, Florida.",
    ),
    LocationSpec(
        "ksc", "Kennedy Space Center, FL, USA", US, 28.524058, -80.65085, "America/New_York",
        "NASA's launch site on Merritt Island, Florida, home of Launch Complex 39.",
    ),
    LocationSpec(
        "wallops", "Wallops Flight Facility, Virginia, USA", US, 37.833333, -75.483333,
        "America/New_York", "NASA's rocket launch site on Wallops Island, Virginia.",
    ),
    LocationSpec(
        "jiuquan", "Jiuquan Satellite Launch Center, People's Republic of China", CN,
        40.958056, 100.291111, "Asia/Shanghai",
        "A Chinese spaceport in the Gobi desert, Inner Mongolia; every Shenzhou crew flies"
        " from here.",
    ),
    LocationSpec(
        "wenchang", "Wenchang Space Launch Site, People's Republic of China", CN, 19.614492,
        110.951133, "Asia/Shanghai", "China's coastal launch site on Hainan island.",
    ),
    LocationSpec(
        "tanegashima", "Tanegashima Space Center, Japan", JP, 30.4, 130.97, "Asia/Tokyo",
        "Japan's largest launch site, on Tanegashima island, run by JAXA.",
    ),
    LocationSpec(
        "corn_ranch", "Corn Ranch, Van Horn, TX, USA", US, 31.422927, -104.757152,
        "America/Chicago", "Blue Origin's private launch site in West Texas.",
    ),
    LocationSpec(
        "starbase", "SpaceX Starbase, TX, USA", US, 25.997, -97.157, "America/Chicago",
        "SpaceX's Starship factory and launch site at Boca Chica, Texas.",
    ),
    LocationSpec(
        "sdsc", "Satish Dhawan Space Centre, India", IN, 13.72, 80.23, "Asia/Kolkata",
        "ISRO's launch centre on Sriharikota island, Andhra Pradesh.",
    ),
    LocationSpec(
        "mahia", "Rocket Lab Launch Complex 1, Mahia Peninsula, New Zealand", NZ, -39.262833,
        177.864469, "Pacific/Auckland", "Rocket Lab's private orbital launch site.",
    ),
    LocationSpec(
        "kourou", "Guiana Space Centre, French Guiana", FR, 5.239, -52.768, "America/Cayenne",
        "Europe's spaceport near Kourou, French Guiana, close to the equator.",
    ),
)  # fmt: skip

PADS = (
    PadSpec("baik_1_5", "1/5", "baikonur", 45.92, 63.342, wiki_url=f"{WIKI}Gagarin%27s_Start"),
    PadSpec("baik_31_6", "31/6", "baikonur", 45.996034, 63.564003,
            wiki_url=f"{WIKI}Baikonur_Cosmodrome_Site_31"),
    PadSpec("ccsfs_lc19", "Launch Complex 19", "ccsfs", 28.506, -80.555,
            wiki_url=f"{WIKI}Cape_Canaveral_Launch_Complex_19"),
    PadSpec("ccsfs_slc40", "Space Launch Complex 40", "ccsfs", 28.56194122, -80.57735736,
            wiki_url=f"{WIKI}Cape_Canaveral_Space_Launch_Complex_40"),
    PadSpec("ccsfs_slc41", "Space Launch Complex 41", "ccsfs", 28.58341025, -80.58303644,
            wiki_url=f"{WIKI}Cape_Canaveral_Space_Launch_Complex_41"),
    PadSpec("ksc_39a", "Launch Complex 39A", "ksc", 28.60822681, -80.60428186,
            wiki_url=f"{WIKI}Kennedy_Space_Center_Launch_Complex_39A"),
    PadSpec("ksc_39b", "Launch Complex 39B", "ksc", 28.62711233, -80.62101237,
            wiki_url=f"{WIKI}Kennedy_Space_Center_Launch_Complex_39B"),
    PadSpec("wallops_0a", "Mid-Atlantic Regional Spaceport Launch Pad 0A", "wallops", 37.8337,
            -75.4881),
    PadSpec("jslc_la4", "Launch Area 4 (SLS-1 / 921)", "jiuquan", 40.957893, 100.290944,
            wiki_url=f"{WIKI}Jiuquan_Launch_Area_4"),
    PadSpec("wslc_lc201", "Launch Complex 201", "wenchang", 19.614354, 110.951057),
    PadSpec("tnsc_lp2", "Yoshinobu Launch Complex LP-2", "tanegashima", 30.400, 130.975),
    PadSpec("corn_ls1", "West Texas Suborbital Launch Site/ Corn Ranch", "corn_ranch",
            31.422927, -104.757152),
    PadSpec("starbase_olm_a", "Orbital Launch Mount A", "starbase", 25.99654, -97.15442),
    PadSpec("sdsc_flp", "First Launch Pad", "sdsc", 13.733, 80.235),
    PadSpec("sdsc_slp", "Second Launch Pad", "sdsc", 13.7199, 80.2304),
    PadSpec("mahia_1a", "Rocket Lab Launch Complex 1A", "mahia", -39.262833, 177.864469),
    PadSpec("mahia_1b", "Rocket Lab Launch Complex 1B", "mahia", -39.26, 177.865),
    PadSpec("csg_ela3", "Ariane Launch Area 3", "kourou", 5.239, -52.768,
            wiki_url=f"{WIKI}ELA-3"),
    PadSpec("csg_ela4", "Ariane Launch Area 4", "kourou", 5.2561, -52.7866,
            wiki_url=f"{WIKI}ELA-4"),
    PadSpec("csg_elv", "Vega Launch Complex", "kourou", 5.236, -52.775, wiki_url=f"{WIKI}ELV"),
)  # fmt: skip


def _launcher(key: str, name: str, full: str, variant: str, families: str, provider: str,
              pads: str, years: tuple[int, int]) -> LauncherSpec:  # fmt: skip
    return LauncherSpec(
        key, name, full, variant, tuple(families.split(" | ")), (provider,),
        tuple(pads.split()), years,
    )  # fmt: skip


LAUNCHERS = (
    _launcher("vostok_k", "Vostok-K", "Vostok-K 8K72K", "8K72K", "R-7 | Vostok", "ssp",
              "baik_1_5", (1960, 1964)),
    _launcher("titan_glv", "Titan II", "Titan II GLV", "GLV", "Titan | Titan II", "nasa",
              "ccsfs_lc19", (1964, 1966)),
    _launcher("saturn_v", "Saturn V", "Saturn V", "", "Saturn", "nasa", "ksc_39a ksc_39b",
              (1967, 1975)),
    _launcher("shuttle", "Space Shuttle", "Space Shuttle", "", "Space Shuttle", "nasa",
              "ksc_39a ksc_39b", (1981, 2011)),
    _launcher("soyuz_u", "Soyuz-U", "Soyuz-U", "U", "Soyuz", "rfsa", "baik_1_5", (1973, 2017)),
    _launcher("soyuz_fg", "Soyuz-FG", "Soyuz-FG", "FG", "Soyuz", "rfsa", "baik_1_5 baik_31_6",
              (2001, 2019)),
    _launcher("soyuz_21a", "Soyuz 2.1", "Soyuz 2.1a", "a", "Soyuz | Soyuz-2", "rfsa",
              "baik_31_6", (2013, 2032)),
    _launcher("lm2f", "Long March 2", "Long March 2F/G", "F/G", "Long March | Long March 2",
              "casc", "jslc_la4", (1999, 2032)),
    _launcher("lm7", "Long March 7", "Long March 7", "", "Long March | Long March 7", "casc",
              "wslc_lc201", (2016, 2032)),
    _launcher("f9", "Falcon 9", "Falcon 9 Block 5", "Block 5", "Falcon | Falcon 9", "spacex",
              "ksc_39a ccsfs_slc40", (2018, 2032)),
    _launcher("antares", "Antares", "Antares 230+", "230+", "Antares", "ngss", "wallops_0a",
              (2013, 2023)),
    _launcher("h2b", "H-IIB", "H-IIB", "", "H-II", "mhi", "tnsc_lp2", (2009, 2020)),
    _launcher("h3", "H3", "H3-24W", "24W", "H3", "mhi", "tnsc_lp2", (2023, 2032)),
    _launcher("atlas_v", "Atlas V", "Atlas V N22", "N22", "Atlas | Atlas V", "ula",
              "ccsfs_slc41", (2019, 2032)),
    _launcher("vulcan", "Vulcan", "Vulcan VC4L", "VC4L", "Vulcan", "ula", "ccsfs_slc41",
              (2024, 2032)),
    _launcher("sls", "Space Launch System", "Space Launch System Block 1", "Block 1",
              "Space Launch System", "nasa", "ksc_39b", (2022, 2032)),
    _launcher("new_shepard", "New Shepard", "New Shepard", "", "New Shepard", "blue",
              "corn_ls1", (2015, 2032)),
    _launcher("starship", "Starship", "Starship", "", "Starship", "spacex", "starbase_olm_a",
              (2023, 2032)),
    _launcher("pslv", "PSLV", "PSLV-G", "G", "PSLV", "isro", "sdsc_flp", (1993, 2016)),
    _launcher("lvm3", "LVM3", "LVM3", "", "LVM3", "isro", "sdsc_slp", (2017, 2032)),
    _launcher("electron", "Electron", "Electron", "", "Electron", "rocketlab",
              "mahia_1a mahia_1b", (2017, 2032)),
    _launcher("ariane5", "Ariane 5", "Ariane 5 ES", "ES", "Ariane | Ariane 5", "arianespace",
              "csg_ela3", (2008, 2014)),
    _launcher("ariane6", "Ariane 6", "Ariane 62", "62", "Ariane | Ariane 6", "arianespace",
              "csg_ela4", (2024, 2032)),
    _launcher("vega_c", "Vega", "Vega-C", "C", "Vega", "arianespace", "csg_elv", (2022, 2032)),
)  # fmt: skip
