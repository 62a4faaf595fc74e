"""Launches and what they carry: missions, orbits, programs, rockets, updates, patches.

``info_urls``, ``vid_urls`` and ``timeline`` are JSON columns: their items have no LL2 id, are
never shared between launches and are always read whole with their launch. Updates and
mission patches do have ids (and patches are shared) so they get tables.
"""

from store.columns import (
    duration,
    entity,
    flag,
    integer,
    link,
    listed,
    moment,
    owner,
    ref,
    text,
    values,
)

orbits = entity(
    "orbits",
    text("name"),
    text("abbrev", index=True),
    ref("celestial_body", "celestial_bodies"),
    url=False,
)

missions = entity(
    "missions",
    text("name", index=True),
    text("type", index=True),
    text("description"),
    ref("image", "images"),
    ref("orbit", "orbits"),
    values("info_urls"),
    values("vid_urls"),
    url=False,
)
missions_agencies = link("missions", "agencies", "agencies")

mission_patches = entity(
    "mission_patches",
    text("name"),
    integer("priority"),
    text("image_url"),
    ref("agency", "agencies"),
    url=False,
)

programs = entity(
    "programs",
    text("name", index=True),
    ref("image", "images"),
    text("info_url"),
    text("wiki_url"),
    text("description"),
    moment("start_date"),
    moment("end_date"),
    ref("type", "program_types"),
)
programs_agencies = link("programs", "agencies", "agencies")
programs_mission_patches = link("programs", "mission_patches", "mission_patches")

rockets = entity("rockets", ref("configuration", "launcher_configurations"), url=False)

launches = entity(
    "launches",
    text("name", index=True),
    text("slug", index=True),
    text("launch_designator", index=True),
    ref("status", "launch_statuses"),
    moment("last_updated", index=True),
    moment("net", index=True),
    ref("net_precision", "net_precisions"),
    moment("window_end", index=True),
    moment("window_start", index=True),
    ref("image", "images"),
    text("infographic"),
    integer("probability"),
    text("weather_concerns"),
    text("failreason"),
    text("hashtag"),
    ref("launch_service_provider", "agencies"),
    ref("rocket", "rockets"),
    ref("mission", "missions"),
    ref("pad", "pads"),
    flag("webcast_live", index=True),
    integer("orbital_launch_attempt_count"),
    integer("location_launch_attempt_count"),
    integer("pad_launch_attempt_count"),
    integer("agency_launch_attempt_count"),
    integer("orbital_launch_attempt_count_year"),
    integer("location_launch_attempt_count_year"),
    integer("pad_launch_attempt_count_year"),
    integer("agency_launch_attempt_count_year"),
    text("flightclub_url"),
    duration("pad_turnaround"),
    values("info_urls"),
    values("vid_urls"),
    values("timeline"),
)
launches_program = link("launches", "program", "programs")
launches_mission_patches = link("launches", "mission_patches", "mission_patches")

updates = entity(
    "updates",
    owner("launch_id", "launches"),
    owner("event_id", "events"),
    text("profile_image"),
    text("comment"),
    text("info_url"),
    text("created_by"),
    moment("created_on", index=True),
    listed(),  # LL2 lists a launch's updates in an order of its own: served back as given
    url=False,
)
