"""Spacecraft flights, their crews, astronauts, stations, expeditions, dockings, spacewalks."""

from store.columns import (
    day,
    duration,
    entity,
    flag,
    integer,
    link,
    moment,
    number,
    owner,
    ref,
    text,
)

spacecraft_flights = entity(
    "spacecraft_flights",
    text("destination"),
    moment("mission_end", index=True),
    ref("spacecraft", "spacecraft"),
    ref("launch", "launches"),
    ref("landing", "landings"),
    duration("duration"),
    duration("turn_around_time"),
)

astronauts = entity(
    "astronauts",
    text("name", index=True),
    ref("status", "astronaut_statuses"),
    ref("agency", "agencies"),
    ref("image", "images"),
    ref("type", "astronaut_types"),
    flag("in_space", index=True),
    duration("time_in_space"),
    duration("eva_time"),
    integer("age"),
    day("date_of_birth"),
    day("date_of_death"),
    text("bio"),
    text("wiki"),
    moment("last_flight"),
    moment("first_flight"),
    integer("flights_count"),
    integer("landings_count"),
    integer("spacewalks_count"),
)
astronauts_nationality = link("astronauts", "nationality", "countries")
astronauts_social_media_links = link("astronauts", "social_media_links", "social_media_links")
astronauts_flights = link("astronauts", "flights", "launches")
astronauts_landings = link("astronauts", "landings", "spacecraft_flights")

space_stations = entity(
    "space_stations",
    text("name", index=True),
    ref("image", "images"),
    ref("status", "space_station_statuses"),
    day("founded"),
    day("deorbited"),
    text("description"),
    text("orbit"),
    ref("type", "space_station_types"),
    number("height"),
    number("width"),
    number("mass"),
    integer("volume"),
    integer("onboard_crew"),
    integer("docked_vehicles"),
)
space_stations_owners = link("space_stations", "owners", "agencies")
# LL2's own selection of events, not "every event targeting the station": kept as listed.
space_stations_active_docking_events = link(
    "space_stations", "active_docking_events", "docking_events"
)

expeditions = entity(
    "expeditions",
    text("name", index=True),
    moment("start", index=True),
    moment("end"),
    ref("spacestation", "space_stations"),
)
expeditions_mission_patches = link("expeditions", "mission_patches", "mission_patches")

spacewalks = entity(
    "spacewalks",
    text("name"),
    moment("start", index=True),
    moment("end"),
    duration("duration"),
    text("location"),
    owner("expedition_id", "expeditions"),
    ref("spacestation", "space_stations"),
    ref("spacecraft_flight", "spacecraft_flights"),
    ref("event", "events"),
)
spacewalks_program = link("spacewalks", "program", "programs")

# One row per crew seat (LL2's AstronautFlight). ``crew`` says which list it came from.
astronaut_flights = entity(
    "astronaut_flights",
    ref("role", "astronaut_roles"),
    ref("astronaut", "astronauts"),
    owner("flight_id", "spacecraft_flights"),
    owner("expedition_id", "expeditions"),
    owner("spacewalk_id", "spacewalks"),
    text("crew", index=True),
    url=False,
)

docking_locations = entity(
    "docking_locations",
    text("name"),
    ref("spacestation", "space_stations"),
    ref("spacecraft", "spacecraft_configurations"),
    ref("payload", "payloads"),
    url=False,
)

docking_events = entity(
    "docking_events",
    moment("docking", index=True),
    moment("departure"),
    ref("docking_location", "docking_locations"),
    ref("space_station_target", "space_stations"),
    ref("flight_vehicle_target", "spacecraft_flights"),
    ref("payload_flight_target", "payload_flights"),
    ref("flight_vehicle_chaser", "spacecraft_flights"),
    ref("space_station_chaser", "space_stations"),
    ref("payload_flight_chaser", "payload_flights"),
)
astronauts_spacewalks = link("astronauts", "spacewalks", "spacewalks")
