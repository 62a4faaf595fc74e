"""Launches as a connection, with the filters of LL2's ``/2.3.0/launches/``."""

from sqlalchemy import exists

from loaders.listing import (
    Field,
    Listing,
    Relation,
    columns,
    search,
    utc_day,
    utc_month,
    utc_year,
    via,
)
from loaders.pages import register
from store.tables.agencies import agencies
from store.tables.common import launch_statuses
from store.tables.flights import astronaut_flights, spacecraft_flights
from store.tables.launches import launches, launches_program, missions, orbits, rockets
from store.tables.places import locations, pads
from store.tables.vehicles import launcher_configurations, spacecraft

_config = via(launches.c.rocket_id, rockets.c.configuration_id)
_location = via(launches.c.pad_id, pads.c.location_id)
_orbit = via(launches.c.mission_id, missions.c.orbit_id)

_ATTEMPT_COUNTS = tuple(
    f"{scope}_launch_attempt_count{suffix}"
    for scope in ("orbital", "location", "pad", "agency")
    for suffix in ("", "_year")
)

LAUNCHES = register(
    Listing(
        name="launches",
        table=launches,
        fields={
            "ll2_id": Field(launches.c.id),
            **columns(
                launches,
                "name",
                "slug",
                "launch_designator",
                "net",
                "window_start",
                "window_end",
                "last_updated",
                "probability",
                "webcast_live",
                *_ATTEMPT_COUNTS,
            ),
            "status": Field(launches.c.status_id),
            # By meaning: a client need not know that LL2's "Success" is status 3.
            "status_name": Field(via(launches.c.status_id, launch_statuses.c.name)),
            "status_abbrev": Field(via(launches.c.status_id, launch_statuses.c.abbrev)),
            "net_precision": Field(launches.c.net_precision_id),
            "launch_service_provider": Field(launches.c.launch_service_provider_id),
            "launch_service_provider_name": Field(
                via(launches.c.launch_service_provider_id, agencies.c.name)
            ),
            "pad": Field(launches.c.pad_id),
            "location": Field(_location),
            "celestial_body": Field(via(_location, locations.c.celestial_body_id)),
            "rocket_configuration": Field(_config),
            "rocket_configuration_name": Field(via(_config, launcher_configurations.c.name)),
            "rocket_configuration_full_name": Field(
                via(_config, launcher_configurations.c.full_name)
            ),
            "rocket_manufacturer_name": Field(
                via(_config, launcher_configurations.c.manufacturer_id, agencies.c.name)
            ),
            "mission": Field(launches.c.mission_id),
            "orbit": Field(_orbit),
            "orbit_name": Field(via(_orbit, orbits.c.name)),
            "orbit_celestial_body": Field(via(_orbit, orbits.c.celestial_body_id)),
            "program": Field(launches_program.c.target_id, through=launches_program.c.owner_id),
            "spacecraft": Field(
                spacecraft_flights.c.spacecraft_id, through=spacecraft_flights.c.launch_id
            ),
            "spacecraft_config": Field(
                spacecraft.c.spacecraft_config_id,
                through=spacecraft_flights.c.launch_id,
                source=spacecraft_flights.join(
                    spacecraft, spacecraft.c.id == spacecraft_flights.c.spacecraft_id
                ),
            ),
            # LL2's is_crewed: someone rode up on one of the launch's spacecraft.
            "crewed": Field(
                exists()
                .where(spacecraft_flights.c.launch_id == launches.c.id)
                .where(astronaut_flights.c.flight_id == spacecraft_flights.c.id)
                .where(astronaut_flights.c.crew == "launch"),
                predicate=True,
            ),
            "suborbital": Field(via(_orbit, orbits.c.abbrev) == "Sub", predicate=True),
            "year": Field(utc_year(launches.c.net)),
            "month": Field(utc_month(launches.c.net)),
            "day": Field(utc_day(launches.c.net)),
        },
        # LL2's searched fields, in its own words: launch_designator, launch_service_provider
        # name, mission name, name, pad location name, pad name, rocket configuration
        # manufacturer abbrev and name, rocket configuration name, spacecraft name.
        search=(
            *search(
                launches.c.launch_designator,
                via(launches.c.launch_service_provider_id, agencies.c.name),
                via(launches.c.mission_id, missions.c.name),
                launches.c.name,
                via(_location, locations.c.name),
                via(launches.c.pad_id, pads.c.name),
                via(_config, launcher_configurations.c.manufacturer_id, agencies.c.abbrev),
                via(_config, launcher_configurations.c.manufacturer_id, agencies.c.name),
                via(_config, launcher_configurations.c.name),
            ),
            Field(
                spacecraft.c.name,
                through=spacecraft_flights.c.launch_id,
                source=spacecraft_flights.join(
                    spacecraft, spacecraft.c.id == spacecraft_flights.c.spacecraft_id
                ),
            ),
        ),
        orders={
            "id": (),
            "net": (launches.c.net,),
            "window_start": (launches.c.window_start,),
            "last_updated": (launches.c.last_updated,),
            "name": (launches.c.name,),
        },
        parents=frozenset({"launch_service_provider_id", "pad_id", "mission_id", "status_id"}),
        relations={
            "status": Relation("launch_statuses", launches.c.status_id),
            "pad": Relation("pads", launches.c.pad_id),
            "launch_service_provider": Relation("agencies", launches.c.launch_service_provider_id),
            "rocket_configuration": Relation("launcher_configs", _config),
            "orbit": Relation("orbits", _orbit),
            "flights": Relation("flights", spacecraft_flights.c.launch_id, many=True),
        },
    )
)
