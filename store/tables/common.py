"""Shared value objects: countries, images, licenses and the small LL2 config lookups."""

from store.columns import entity, flag, integer, lookup, owner, ref, text

countries = entity(
    "countries",
    text("name"),
    text("alpha_2_code", index=True),
    text("alpha_3_code", index=True),
    text("nationality_name"),
    text("nationality_name_composed"),
    url=False,
)

image_licenses = lookup("image_licenses", text("name"), integer("priority"), text("link"))
image_variant_types = lookup("image_variant_types")

images = entity(
    "images",
    text("name"),
    text("image_url"),
    text("thumbnail_url"),
    text("credit"),
    ref("license", "image_licenses"),
    flag("single_use"),
    url=False,
)

# Variants carry LL2 ids but only exist inside their image; a table keeps them addressable.
image_variants = entity(
    "image_variants",
    owner("image_id", "images"),
    ref("type", "image_variant_types"),
    text("image_url"),
    url=False,
)

social_media = entity("social_media", text("name"), text("url"), ref("logo", "images"), url=False)
social_media_links = entity(
    "social_media_links", ref("social_media", "social_media"), text("url"), url=False
)

# Config lookups: LL2 serves these as {id, name[, abbrev, description]}.
agency_types = lookup("agency_types")
launch_statuses = lookup("launch_statuses", text("name"), text("abbrev"), text("description"))
net_precisions = lookup("net_precisions", text("name"), text("abbrev"), text("description"))
landing_types = lookup("landing_types", text("name"), text("abbrev"), text("description"))
celestial_body_types = lookup("celestial_body_types")
spacecraft_statuses = lookup("spacecraft_statuses")
spacecraft_config_types = lookup("spacecraft_config_types")
launcher_statuses = lookup("launcher_statuses", text("name"), text("abbrev"), text("description"))
astronaut_statuses = lookup("astronaut_statuses")
astronaut_types = lookup("astronaut_types")
astronaut_roles = lookup("astronaut_roles", text("role"), integer("priority"))
space_station_statuses = lookup("space_station_statuses")
space_station_types = lookup("space_station_types")
program_types = lookup("program_types")
payload_types = lookup("payload_types")
