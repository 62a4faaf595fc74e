"""Agencies (launch providers, manufacturers, space agencies)."""

from store.columns import entity, flag, integer, link, ref, text

agencies = entity(
    "agencies",
    text("name", index=True),
    text("abbrev", index=True),
    ref("type", "agency_types"),
    flag("featured", index=True),
    text("description"),
    text("administrator"),
    integer("founding_year", index=True),
    text("launchers"),
    text("spacecraft"),
    text("parent"),
    ref("image", "images"),
    ref("logo", "images"),
    ref("social_logo", "images"),
    integer("total_launch_count", index=True),
    integer("consecutive_successful_launches"),
    integer("successful_launches"),
    integer("failed_launches"),
    integer("pending_launches"),
    integer("consecutive_successful_landings"),
    integer("successful_landings"),
    integer("failed_landings"),
    integer("attempted_landings"),
    integer("successful_landings_spacecraft"),
    integer("failed_landings_spacecraft"),
    integer("attempted_landings_spacecraft"),
    integer("successful_landings_payload"),
    integer("failed_landings_payload"),
    integer("attempted_landings_payload"),
    text("info_url"),
    text("wiki_url"),
)

agencies_country = link("agencies", "country", "countries")
agencies_social_media_links = link("agencies", "social_media_links", "social_media_links")
