"""Q1's assembly: spacecraft, their configurations and families, celestial bodies,
locations, pads, landings.
"""

from __future__ import annotations

from typing import Any

from bench.floor.q1_common import BaseShapes
from bench.floor.q1_values import Shaped, _b, _day, _memoized


class PartShapes(BaseShapes):
    """The vehicle and place fragments the launch, crew and docking shapes build on."""

    # -- spacecraft and their configurations ----------------------------------------------

    @_memoized
    def family_mini(self, key: Any) -> Shaped:
        r = self._row("spacecraft_config_families", key)
        if r is None:
            return None
        return {"response_mode__list": "SpacecraftConfigFamily", "id": r.id, "name": r.name}

    def family_normal(self, r: Any, agency: Any, parent: Any) -> dict[str, Any]:
        return {
            "response_mode__normal": "SpacecraftConfigFamily",
            "id": r.id,
            "name": r.name,
            "description": r.description,
            "manufacturer": agency(r.manufacturer_id),
            "parent": parent(r.parent_id),
            "maiden_flight": _day(r.maiden_flight),
        }

    @_memoized
    def _family_normal_by_id(self, key: Any) -> Shaped:
        r = self._row("spacecraft_config_families", key)
        if r is None:
            return None
        return self.family_normal(r, self.agency_mini, self.family_mini)

    def family_detailed(self, r: Any) -> dict[str, Any]:
        return {
            **self.family_normal(r, self.agency_normal, self._family_normal_by_id),
            "spacecraft_flown": r.spacecraft_flown,
            "total_launch_count": r.total_launch_count,
            "successful_launches": r.successful_launches,
            "failed_launches": r.failed_launches,
            "attempted_landings": r.attempted_landings,
            "successful_landings": r.successful_landings,
            "failed_landings": r.failed_landings,
        }

    @_memoized
    def config_normal(self, key: Any) -> Shaped:
        r = self._row("spacecraft_configurations", key)
        if r is None:
            return None
        return {
            "response_mode__normal": "SpacecraftConfig",
            "id": r.id,
            "url__spacecraft_configurations": r.url,
            "name": r.name,
            "type": self._id_name("spacecraft_config_types", r.type_id),
            "agency": self.agency_mini(r.agency_id),
            "family": [
                self._family_normal_by_id(f.id)
                for f in self._linked(
                    "spacecraft_configurations_family", r.id, "spacecraft_config_families"
                )
            ],
            "in_use": _b(r.in_use),
            "image": self.image(r.image_id),
        }

    @_memoized
    def config_detailed(self, key: Any) -> Shaped:
        r = self._row("spacecraft_configurations", key)
        if r is None:
            return None
        return {
            "response_mode__detailed": "SpacecraftConfig",
            "id": r.id,
            "url__spacecraft_configurations": r.url,
            "name": r.name,
            "type": self._id_name("spacecraft_config_types", r.type_id),
            "agency": self.agency_normal(r.agency_id),
            "family": [
                self.family_detailed(f)
                for f in self._linked(
                    "spacecraft_configurations_family", r.id, "spacecraft_config_families"
                )
            ],
            "in_use": _b(r.in_use),
            "image": self.image(r.image_id),
            "capability": r.capability,
            "history": r.history,
            "details": r.details,
            "maiden_flight": _day(r.maiden_flight),
            "height": r.height,
            "diameter": r.diameter,
            "human_rated": _b(r.human_rated),
            "crew_capacity": r.crew_capacity,
            "payload_capacity": r.payload_capacity,
            "payload_return_capacity": r.payload_return_capacity,
            "flight_life": r.flight_life,
            "wiki_link": r.wiki_link,
            "info_link": r.info_link,
            "spacecraft_flown": r.spacecraft_flown,
            "total_launch_count": r.total_launch_count,
            "successful_launches": r.successful_launches,
            "failed_launches": r.failed_launches,
            "attempted_landings": r.attempted_landings,
            "successful_landings": r.successful_landings,
            "failed_landings": r.failed_landings,
            "fastest_turnaround": r.fastest_turnaround,
        }

    @_memoized
    def spacecraft(self, key: Any, config: Any) -> Shaped:
        """SpacecraftDetailed (``config_detailed``) or SpacecraftNormal (``config_normal``)."""
        r = self._row("spacecraft", key)
        if r is None:
            return None
        return {
            "response_mode__normal": "Spacecraft",
            "id": r.id,
            "url__spacecraft": r.url,
            "name": r.name,
            "serial_number": r.serial_number,
            "is_placeholder": _b(r.is_placeholder),
            "image": self.image(r.image_id),
            "in_space": _b(r.in_space),
            "time_in_space": r.time_in_space,
            "time_docked": r.time_docked,
            "flights_count": r.flights_count,
            "mission_ends_count": r.mission_ends_count,
            "status": self._id_name("spacecraft_statuses", r.status_id),
            "description": r.description,
            "spacecraft_config": config(r.spacecraft_config_id),
            "fastest_turnaround": r.fastest_turnaround,
        }

    # -- places ---------------------------------------------------------------------------

    def _body_normal(self, r: Any) -> dict[str, Any]:
        return {
            "response_mode__normal": "CelestialBody",
            "id": r.id,
            "name": r.name,
            "type": self._id_name("celestial_body_types", r.type_id),
            "diameter": r.diameter,
            "mass": r.mass,
            "gravity": r.gravity,
            "length_of_day": r.length_of_day,
            "atmosphere": _b(r.atmosphere),
            "image": self.image(r.image_id),
            "description": r.description,
            "wiki_url": r.wiki_url,
        }

    @_memoized
    def body_normal(self, key: Any) -> Shaped:
        r = self._row("celestial_bodies", key)
        return None if r is None else self._body_normal(r)

    @_memoized
    def body_detailed(self, key: Any) -> Shaped:
        r = self._row("celestial_bodies", key)
        if r is None:
            return None
        return {
            **self._body_normal(r),
            "total_attempted_launches": r.total_attempted_launches,
            "successful_launches": r.successful_launches,
            "failed_launches": r.failed_launches,
            "total_attempted_landings": r.total_attempted_landings,
            "successful_landings": r.successful_landings,
            "failed_landings": r.failed_landings,
        }

    @_memoized
    def body_mini(self, key: Any) -> Shaped:
        r = self._row("celestial_bodies", key)
        if r is None:
            return None
        return {"response_mode__list": "CelestialBody", "id": r.id, "name": r.name}

    @_memoized
    def location(self, key: Any, with_body: bool) -> Shaped:
        """Location (``with_body``) or LocationSerializerNoCelestialBody."""
        r = self._row("locations", key)
        if r is None:
            return None
        head: dict[str, Any] = {
            "response_mode__normal": "Location",
            "id": r.id,
            "url__locations": r.url,
            "name": r.name,
        }
        if with_body:
            head["celestial_body"] = self.body_detailed(r.celestial_body_id)
        return {
            **head,
            "active": _b(r.active),
            "country": self.country(self._row("countries", r.country_id)),
            "description": r.description,
            "image": self.image(r.image_id),
            "map_image": r.map_image,
            "longitude": r.longitude,
            "latitude": r.latitude,
            "timezone_name": r.timezone_name,
            "total_launch_count": r.total_launch_count,
            "total_landing_count": r.total_landing_count,
        }

    @_memoized
    def pad(self, key: Any) -> Shaped:
        r = self._row("pads", key)
        if r is None:
            return None
        return {
            "id": r.id,
            "url__pads": r.url,
            "active": _b(r.active),
            "agencies": [
                self.agency_normal(a.id) for a in self._linked("pads_agencies", r.id, "agencies")
            ],
            "name": r.name,
            "image": self.image(r.image_id),
            "description": r.description,
            "info_url": r.info_url,
            "wiki_url": r.wiki_url,
            "map_url": r.map_url,
            "latitude": r.latitude,
            "longitude": r.longitude,
            "country": self.country(self._row("countries", r.country_id)),
            "map_image": r.map_image,
            "total_launch_count": r.total_launch_count,
            "orbital_launch_attempt_count": r.orbital_launch_attempt_count,
            "fastest_turnaround": r.fastest_turnaround,
            "location": self.location(r.location_id, True),
        }

    def landing(self, key: Any) -> Shaped:
        return self._memo("landing", key, self._landing)

    def _landing(self, key: Any) -> Shaped:
        r = self._row("landings", key)
        if r is None:
            return None
        site = self._row("landing_locations", r.landing_location_id)
        return {
            "id": r.id,
            "url__landings": r.url,
            "attempt": _b(r.attempt),
            "success": _b(r.success),
            "description": r.description,
            "downrange_distance": r.downrange_distance,
            "landing_location": None
            if site is None
            else {
                "id": site.id,
                "name": site.name,
                "active": _b(site.active),
                "abbrev": site.abbrev,
                "description": site.description,
                "location": self.location(site.location_id, False),
                "longitude": site.longitude,
                "latitude": site.latitude,
                "image": self.image(site.image_id),
                "successful_landings": site.successful_landings,
                "attempted_landings": site.attempted_landings,
                "failed_landings": site.failed_landings,
                "celestial_body": self.body_normal(site.celestial_body_id),
            },
            "type": self._status("landing_types", r.type_id),
        }
