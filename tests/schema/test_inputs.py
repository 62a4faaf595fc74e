"""Filter inputs and listings agree: every input field names a value the loaders filter on."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from strawberry.types.base import StrawberryOptional
from strawberry.types.lazy_type import LazyType

from loaders import listing
from schema.filters import RELATION_SUFFIX, Quantified
from schema.inputs.lookup import FILTERS_BY_FIELDS


def test_every_filter_input_field_is_a_listing_field() -> None:
    """Each field of each filter input names a value its listing can filter on."""
    checked = 0
    for listing_name, filter_cls in _filter_inputs():
        names = {f.name for f in dataclasses.fields(filter_cls)} - {"and_", "or_", "not_", "search"}
        names = {name for name in names if not name.endswith(RELATION_SUFFIX)}
        assert names <= set(listing(listing_name).fields), (
            listing_name,
            names - set(listing(listing_name).fields),
        )
        checked += 1
    assert checked >= 12


def test_every_relation_filter_names_a_relation_and_its_filter() -> None:
    """A ``…Where`` field names a relation of its listing, takes the filter of the related
    listing (its ``some``/``none``/``every`` for a to-many relation), and nothing else does."""
    filter_of = {name: cls for name, cls in _filter_inputs()}
    checked = 0
    for listing_name, filter_cls in _filter_inputs():
        relations = listing(listing_name).relations
        for field in filter_cls.__strawberry_definition__.fields:
            if not field.python_name.endswith(RELATION_SUFFIX):
                continue
            relation = relations[field.python_name.removesuffix(RELATION_SUFFIX)]
            given = _resolved(field.type)
            if relation.many:
                assert issubclass(given, Quantified), field.python_name
                fields = given.__strawberry_definition__.fields
                assert [f.python_name for f in fields] == ["some", "none", "every"]
                given = _resolved(fields[0].type)
            target = listing(relation.target)
            expected = filter_of.get(relation.target) or FILTERS_BY_FIELDS[frozenset(target.fields)]
            assert given is expected, (listing_name, field.python_name, given, expected)
            checked += 1
        named = {f"{name}{RELATION_SUFFIX}" for name in relations}
        assert named == {
            f.python_name for f in dataclasses.fields(filter_cls) if f.name in named
        }, f"{listing_name}: a relation without its filter field"
    assert checked >= 17


def _resolved(annotation: object) -> type:
    if isinstance(annotation, StrawberryOptional):
        annotation = annotation.of_type
    if isinstance(annotation, LazyType):
        annotation = annotation.resolve_type()
    assert isinstance(annotation, type)
    return annotation


def _filter_inputs() -> Iterator[tuple[str, type]]:
    from schema.inputs import (
        agency,
        astronaut,
        celestial_body,
        event,
        flight,
        landing,
        launch,
        launcher,
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
        ("events", event.EventFilter),
        ("flights", flight.FlightFilter),
        ("landings", landing.LandingFilter),
        ("landing_locations", landing.LandingLocationFilter),
        ("launches", launch.LaunchFilter),
        ("launcher_configs", launcher_config.LauncherConfigFilter),
        ("launchers", launcher.LauncherFilter),
        ("locations", location.LocationFilter),
        ("pads", pad.PadFilter),
        ("space_stations", space_station.SpaceStationFilter),
        ("spacecraft", spacecraft.SpacecraftFilter),
        ("spacecraft_configs", spacecraft_config.SpacecraftConfigFilter),
    ]
