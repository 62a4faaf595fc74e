"""Launch vehicles and spacecraft: configurations, families, boosters, spacecraft, payloads."""

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

_LAUNCH_STATS = (
    "total_launch_count",
    "consecutive_successful_launches",
    "successful_launches",
    "failed_launches",
    "pending_launches",
    "attempted_landings",
    "successful_landings",
    "failed_landings",
    "consecutive_successful_landings",
)

launcher_config_families = entity(
    "launcher_config_families",
    text("name", index=True),
    ref("parent", "launcher_config_families"),
    text("description"),
    flag("active"),
    day("maiden_flight"),
    *(integer(name) for name in _LAUNCH_STATS),
    url=False,
)
launcher_config_families_manufacturer = link("launcher_config_families", "manufacturer", "agencies")

launcher_configurations = entity(
    "launcher_configurations",
    text("name", index=True),
    text("full_name", index=True),
    text("variant"),
    flag("active", index=True),
    flag("is_placeholder"),
    ref("manufacturer", "agencies"),
    flag("reusable", index=True),
    ref("image", "images"),
    text("info_url"),
    text("wiki_url"),
    text("description"),
    text("alias"),
    integer("min_stage"),
    integer("max_stage"),
    number("length"),
    number("diameter"),
    day("maiden_flight", index=True),
    integer("launch_cost"),
    number("launch_mass"),
    number("leo_capacity"),
    number("gto_capacity"),
    number("geo_capacity"),
    number("sso_capacity"),
    number("to_thrust"),
    number("apogee"),
    *(integer(name) for name in _LAUNCH_STATS),
    duration("fastest_turnaround"),
)
launcher_configurations_families = link(
    "launcher_configurations", "families", "launcher_config_families"
)
launcher_configurations_program = link("launcher_configurations", "program", "programs")

launchers = entity(
    "launchers",
    flag("flight_proven"),
    text("serial_number", index=True),
    flag("is_placeholder"),
    ref("status", "launcher_statuses"),
    ref("image", "images"),
    text("details"),
    integer("successful_landings"),
    integer("attempted_landings"),
    integer("flights"),
    moment("last_launch_date"),
    moment("first_launch_date"),
    duration("fastest_turnaround"),
    ref("launcher_config", "launcher_configurations"),
)

first_stages = entity(
    "first_stages",
    owner("rocket_id", "rockets"),
    text("type"),
    flag("reused"),
    integer("launcher_flight_number"),
    ref("launcher", "launchers"),
    moment("previous_flight_date"),
    duration("turn_around_time"),
    ref("landing", "landings"),
    ref("previous_flight", "launches"),
    url=False,
)

spacecraft_config_families = entity(
    "spacecraft_config_families",
    text("name", index=True),
    text("description"),
    ref("manufacturer", "agencies"),
    ref("parent", "spacecraft_config_families"),
    day("maiden_flight"),
    integer("spacecraft_flown"),
    integer("total_launch_count"),
    integer("successful_launches"),
    integer("failed_launches"),
    integer("attempted_landings"),
    integer("successful_landings"),
    integer("failed_landings"),
    url=False,
)

spacecraft_configurations = entity(
    "spacecraft_configurations",
    text("name", index=True),
    ref("type", "spacecraft_config_types"),
    ref("agency", "agencies"),
    flag("in_use", index=True),
    ref("image", "images"),
    text("capability"),
    text("history"),
    text("details"),
    day("maiden_flight"),
    number("height"),
    number("diameter"),
    flag("human_rated", index=True),
    integer("crew_capacity"),
    integer("payload_capacity"),
    integer("payload_return_capacity"),
    text("flight_life"),
    text("wiki_link"),
    text("info_link"),
    integer("spacecraft_flown"),
    integer("total_launch_count"),
    integer("successful_launches"),
    integer("failed_launches"),
    integer("attempted_landings"),
    integer("successful_landings"),
    integer("failed_landings"),
    duration("fastest_turnaround"),
)
spacecraft_configurations_family = link(
    "spacecraft_configurations", "family", "spacecraft_config_families"
)

spacecraft = entity(
    "spacecraft",
    text("name", index=True),
    text("serial_number", index=True),
    flag("is_placeholder"),
    ref("image", "images"),
    flag("in_space", index=True),
    duration("time_in_space"),
    duration("time_docked"),
    integer("flights_count"),
    integer("mission_ends_count"),
    ref("status", "spacecraft_statuses"),
    text("description"),
    ref("spacecraft_config", "spacecraft_configurations"),
    duration("fastest_turnaround"),
)

payloads = entity(
    "payloads",
    text("name", index=True),
    ref("type", "payload_types"),
    ref("manufacturer", "agencies"),
    ref("operator", "agencies"),
    ref("image", "images"),
    text("wiki_link"),
    text("info_link"),
    integer("cost"),
    number("mass"),
    text("description"),
    url=False,
)
payloads_program = link("payloads", "program", "programs")

payload_flights = entity(
    "payload_flights",
    text("destination"),
    integer("amount"),
    ref("payload", "payloads"),
    ref("launch", "launches"),
    ref("landing", "landings"),
)
