"""Where things launch and land: celestial bodies, locations, pads, landing sites, landings."""

from store.columns import duration, entity, flag, integer, link, number, ref, text

celestial_bodies = entity(
    "celestial_bodies",
    text("name", index=True),
    ref("type", "celestial_body_types"),
    number("diameter"),
    number("mass"),
    number("gravity"),
    text("length_of_day"),
    flag("atmosphere"),
    ref("image", "images"),
    text("description"),
    text("wiki_url"),
    integer("total_attempted_launches"),
    integer("successful_launches"),
    integer("failed_launches"),
    integer("total_attempted_landings"),
    integer("successful_landings"),
    integer("failed_landings"),
    url=True,
)

locations = entity(
    "locations",
    text("name", index=True),
    ref("celestial_body", "celestial_bodies"),
    flag("active", index=True),
    ref("country", "countries"),
    text("description"),
    ref("image", "images"),
    text("map_image"),
    number("longitude"),
    number("latitude"),
    text("timezone_name"),
    integer("total_launch_count", index=True),
    integer("total_landing_count"),
)

pads = entity(
    "pads",
    flag("active", index=True),
    text("name", index=True),
    ref("image", "images"),
    text("description"),
    text("info_url"),
    text("wiki_url"),
    text("map_url"),
    number("latitude"),
    number("longitude"),
    ref("country", "countries"),
    text("map_image"),
    integer("total_launch_count", index=True),
    integer("orbital_launch_attempt_count"),
    duration("fastest_turnaround"),
    ref("location", "locations"),
)

pads_agencies = link("pads", "agencies", "agencies")

landing_locations = entity(
    "landing_locations",
    text("name", index=True),
    flag("active"),
    text("abbrev"),
    text("description"),
    ref("location", "locations"),
    number("longitude"),
    number("latitude"),
    ref("image", "images"),
    integer("successful_landings"),
    integer("attempted_landings"),
    integer("failed_landings"),
    ref("celestial_body", "celestial_bodies"),
    url=False,
)

landings = entity(
    "landings",
    flag("attempt", index=True),
    flag("success", index=True),
    text("description"),
    number("downrange_distance"),
    ref("landing_location", "landing_locations"),
    ref("type", "landing_types"),
)
