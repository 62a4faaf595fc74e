"""Filter inputs and listings agree: every input field names a value the loaders filter on."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from loaders import listing


def test_every_filter_input_field_is_a_listing_field() -> None:
    """Each field of each filter input names a value its listing can filter on."""
    checked = 0
    for listing_name, filter_cls in _filter_inputs():
        names = {f.name for f in dataclasses.fields(filter_cls)} - {"and_", "or_", "not_", "search"}
        assert names <= set(listing(listing_name).fields), (
            listing_name,
            names - set(listing(listing_name).fields),
        )
        checked += 1
    assert checked >= 12


def _filter_inputs() -> Iterator[tuple[str, type]]:
    from schema.inputs import (
        agency,
        astronaut,
        celestial_body,
        flight,
        landing,
        launch,
        launcher_config,
        location,
        pad,
        space_station,
        spacecraft,
        spacecraft_config,
    )

    yield from [
        ("agencies", agency.AgencyFilter),
        ("astronauts", astronaut.AstronautFilter),
        ("celestial_bodies", celestial_body.CelestialBodyFilter),
        ("flights", flight.FlightFilter),
        ("landings", landing.LandingFilter),
        ("landing_locations", landing.LandingLocationFilter),
        ("launches", launch.LaunchFilter),
        ("launcher_configs", launcher_config.LauncherConfigFilter),
        ("locations", location.LocationFilter),
        ("pads", pad.PadFilter),
        ("space_stations", space_station.SpaceStationFilter),
        ("spacecraft", spacecraft.SpacecraftFilter),
        ("spacecraft_configs", spacecraft_config.SpacecraftConfigFilter),
    ]
