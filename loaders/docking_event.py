"""Docking events as a connection (LL2 ``/2.3.0/docking_events/``)."""

from loaders.listing import Field, Listing, columns, search, via
from loaders.pages import register
from store.tables.flights import docking_events as events
from store.tables.flights import docking_locations, space_stations, spacecraft_flights
from store.tables.vehicles import payload_flights, payloads, spacecraft


def _spacecraft_name(flight_id):  # type: ignore[no-untyped-def]
    return via(flight_id, spacecraft_flights.c.spacecraft_id, spacecraft.c.name)


def _payload_name(payload_flight_id):  # type: ignore[no-untyped-def]
    return via(payload_flight_id, payload_flights.c.payload_id, payloads.c.name)


DOCKING_EVENTS = register(
    Listing(
        name="docking_events",
        table=events,
        fields={
            "ll2_id": Field(events.c.id),
            **columns(events, "docking", "departure"),
            "docking_location": Field(events.c.docking_location_id),
            "space_station_target": Field(events.c.space_station_target_id),
            "flight_vehicle_target": Field(events.c.flight_vehicle_target_id),
            "payload_flight_target": Field(events.c.payload_flight_target_id),
            "flight_vehicle_chaser": Field(events.c.flight_vehicle_chaser_id),
            "space_station_chaser": Field(events.c.space_station_chaser_id),
            "payload_flight_chaser": Field(events.c.payload_flight_chaser_id),
        },
        # LL2's searched fields: docking location name, chaser/target spacecraft and payload
        # names, chaser/target station names.
        search=search(
            via(events.c.docking_location_id, docking_locations.c.name),
            _spacecraft_name(events.c.flight_vehicle_chaser_id),
            _spacecraft_name(events.c.flight_vehicle_target_id),
            _payload_name(events.c.payload_flight_chaser_id),
            _payload_name(events.c.payload_flight_target_id),
            via(events.c.space_station_chaser_id, space_stations.c.name),
            via(events.c.space_station_target_id, space_stations.c.name),
        ),
        orders={
            "id": (),
            "docking": (events.c.docking,),
            "departure": (events.c.departure,),
        },
        parents=frozenset({"docking_location_id", "space_station_target_id"}),
    )
)
