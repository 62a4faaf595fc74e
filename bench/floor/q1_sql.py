"""Q1's hand-written statements: one per table (rows by id), per ordered association table
(owner -> target ids, by position) and per child list, each batched over every parent with
``IN (...)``. Column lists name exactly what the detailed flight shape reads.
"""

from __future__ import annotations

from sqlalchemy import TextClause, bindparam, text

# The columns the Q1 shape reads, per table (rows by id).
COLUMNS: dict[str, str] = {
    "spacecraft_flights": "id, url, destination, mission_end, spacecraft_id, launch_id,"
    " landing_id, duration, turn_around_time",
    "spacecraft": "id, url, name, serial_number, is_placeholder, image_id, in_space,"
    " time_in_space, time_docked, flights_count, mission_ends_count, status_id, description,"
    " spacecraft_config_id, fastest_turnaround",
    "spacecraft_configurations": "id, url, name, type_id, agency_id, in_use, image_id,"
    " capability, history, details, maiden_flight, height, diameter, human_rated, crew_capacity,"
    " payload_capacity, payload_return_capacity, flight_life, wiki_link, info_link,"
    " spacecraft_flown, total_launch_count, successful_launches, failed_launches,"
    " attempted_landings, successful_landings, failed_landings, fastest_turnaround",
    "spacecraft_config_families": "id, name, description, manufacturer_id, parent_id,"
    " maiden_flight, spacecraft_flown, total_launch_count, successful_launches, failed_launches,"
    " attempted_landings, successful_landings, failed_landings",
    "payload_flights": "id, url, destination, amount, payload_id, launch_id, landing_id",
    "payloads": "id, name, type_id, manufacturer_id, operator_id, image_id, wiki_link,"
    " info_link, cost, mass, description",
    "docking_locations": "id, name, spacestation_id, spacecraft_id, payload_id",
    "space_stations": "id, url, name, image_id, status_id, founded, deorbited, description,"
    " orbit, type_id",
    "launches": "id, url, name, slug, launch_designator, status_id, last_updated, net,"
    " net_precision_id, window_end, window_start, image_id, infographic, probability,"
    " weather_concerns, failreason, hashtag, launch_service_provider_id, rocket_id, mission_id,"
    " pad_id, webcast_live, orbital_launch_attempt_count, location_launch_attempt_count,"
    " pad_launch_attempt_count, agency_launch_attempt_count, orbital_launch_attempt_count_year,"
    " location_launch_attempt_count_year, pad_launch_attempt_count_year,"
    " agency_launch_attempt_count_year",
    "rockets": "id, configuration_id",
    "launcher_configurations": "id, url, name, full_name, variant",
    "launcher_config_families": "id, name",
    "missions": "id, name, type, description, image_id, orbit_id, info_urls, vid_urls",
    "orbits": "id, name, abbrev, celestial_body_id",
    "programs": "id, url, name, image_id, info_url, wiki_url, description, start_date,"
    " end_date, type_id",
    "mission_patches": "id, name, priority, image_url, agency_id",
    "pads": "id, url, active, name, image_id, description, info_url, wiki_url, map_url,"
    " latitude, longitude, country_id, map_image, total_launch_count,"
    " orbital_launch_attempt_count, fastest_turnaround, location_id",
    "locations": "id, url, name, celestial_body_id, active, country_id, description, image_id,"
    " map_image, longitude, latitude, timezone_name, total_launch_count, total_landing_count",
    "celestial_bodies": "id, name, type_id, diameter, mass, gravity, length_of_day, atmosphere,"
    " image_id, description, wiki_url, total_attempted_launches, successful_launches,"
    " failed_launches, total_attempted_landings, successful_landings, failed_landings",
    "landings": "id, url, attempt, success, description, downrange_distance,"
    " landing_location_id, type_id",
    "landing_locations": "id, name, active, abbrev, description, location_id, longitude,"
    " latitude, image_id, successful_landings, attempted_landings, failed_landings,"
    " celestial_body_id",
    "astronauts": "id, url, name, status_id, agency_id, image_id, type_id, in_space,"
    " time_in_space, eva_time, age, date_of_birth, date_of_death, bio, wiki, last_flight,"
    " first_flight",
    "agencies": "id, url, name, abbrev, type_id, featured, description, administrator,"
    " founding_year, launchers, spacecraft, parent, image_id, logo_id, social_logo_id,"
    " total_launch_count, consecutive_successful_launches, successful_launches,"
    " failed_launches, pending_launches, consecutive_successful_landings, successful_landings,"
    " failed_landings, attempted_landings, successful_landings_spacecraft,"
    " failed_landings_spacecraft, attempted_landings_spacecraft, successful_landings_payload,"
    " failed_landings_payload, attempted_landings_payload, info_url, wiki_url",
    "social_media_links": "id, social_media_id, url",
    "social_media": "id, name, url, logo_id",
    "countries": "id, name, alpha_2_code, alpha_3_code, nationality_name,"
    " nationality_name_composed",
    "images": "id, name, image_url, thumbnail_url, credit, license_id, single_use",
    "image_licenses": "id, name, priority, link",
    "image_variant_types": "id, name",
    "agency_types": "id, name",
    "launch_statuses": "id, name, abbrev, description",
    "net_precisions": "id, name, abbrev, description",
    "landing_types": "id, name, abbrev, description",
    "celestial_body_types": "id, name",
    "spacecraft_statuses": "id, name",
    "spacecraft_config_types": "id, name",
    "astronaut_statuses": "id, name",
    "astronaut_types": "id, name",
    "astronaut_roles": "id, role, priority",
    "space_station_statuses": "id, name",
    "space_station_types": "id, name",
    "program_types": "id, name",
    "payload_types": "id, name",
}

# The ordered association tables the shape walks (``<owner>_<key>``, see store/columns.py).
LINKS = (
    "spacecraft_configurations_family",
    "payloads_program",
    "launches_program",
    "programs_agencies",
    "programs_mission_patches",
    "launcher_configurations_families",
    "missions_agencies",
    "pads_agencies",
    "astronauts_nationality",
    "astronauts_social_media_links",
    "agencies_country",
    "agencies_social_media_links",
)


class Statements:
    """The statements for one backend. SQLite gets ``IN (?, ?, …)``; PostgreSQL gets
    ``= ANY($1)`` with one array parameter, so that its statement text (and asyncpg's prepared
    statement) does not change with the number of ids."""

    def __init__(self, postgres: bool) -> None:
        def ids(sql: str) -> TextClause:
            if postgres:
                return text(sql.replace(" IN :ids", " = ANY(:ids)"))
            return text(sql).bindparams(bindparam("ids", expanding=True))

        self.by_id = {
            table: ids(f"SELECT {columns} FROM {table} WHERE id IN :ids")
            for table, columns in COLUMNS.items()
        }
        self.linked = {
            link: ids(
                f"SELECT owner_id, target_id FROM {link} WHERE owner_id IN :ids"
                " ORDER BY owner_id, position"
            )
            for link in LINKS
        }
        # Crew seats of the three lists, in id order (flightgraph's child order).
        self.crews = ids(
            "SELECT id, role_id, astronaut_id, flight_id, crew FROM astronaut_flights"
            " WHERE flight_id IN :ids AND crew IN ('launch', 'onboard', 'landing') ORDER BY id"
        )
        self.dockings = ids(
            "SELECT id, url, docking, departure, docking_location_id, space_station_target_id,"
            " flight_vehicle_target_id, payload_flight_target_id, flight_vehicle_chaser_id"
            " FROM docking_events WHERE flight_vehicle_chaser_id IN :ids ORDER BY id"
        )
        self.variants = ids(
            "SELECT id, image_id, type_id, image_url FROM image_variants"
            " WHERE image_id IN :ids ORDER BY id"
        )


SQLITE, POSTGRES = Statements(postgres=False), Statements(postgres=True)


def statements(dialect: str) -> Statements:
    """The statements for a SQLAlchemy dialect name."""
    return POSTGRES if dialect == "postgresql" else SQLITE


PAGE = text(
    f"SELECT {COLUMNS['spacecraft_flights']} FROM spacecraft_flights"
    " ORDER BY id LIMIT :first OFFSET :offset"
)
TOTAL = text("SELECT count(*) FROM spacecraft_flights")
