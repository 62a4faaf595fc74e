"""Q1's assembly: plain dicts in the Q1 document's field order (its fragments, one method
each), values serialized as flightgraph serializes them. Reads the rows bench/floor/q1.py
loaded; a null or dangling reference shapes to ``None``, a missing list to ``[]``. The shared
pieces are in q1_common.py and q1_parts.py; launches, crews, dockings and flights here.
"""

from __future__ import annotations

from typing import Any

from bench.floor.q1_parts import PartShapes
from bench.floor.q1_values import Shaped, _b, _day, _info_urls, _memoized, _ts, _vid_urls


class Shaper(PartShapes):
    """One method per fragment of the Q1 document; shared objects shaped once."""

    # -- launches -------------------------------------------------------------------------

    def program_mini(self, r: Any) -> dict[str, Any]:
        return {
            "response_mode__list": "Program",
            "id": r.id,
            "url__programs": r.url,
            "name": r.name,
            "image": self.image(r.image_id),
            "info_url": r.info_url,
            "wiki_url": r.wiki_url,
        }

    def program_normal(self, r: Any) -> dict[str, Any]:
        return {
            "response_mode__normal": "Program",
            "id": r.id,
            "url__programs": r.url,
            "name": r.name,
            "image": self.image(r.image_id),
            "info_url": r.info_url,
            "wiki_url": r.wiki_url,
            "description": r.description,
            "agencies": [
                self.agency_mini(a.id) for a in self._linked("programs_agencies", r.id, "agencies")
            ],
            "start_date": _ts(r.start_date),
            "end_date": _ts(r.end_date),
            "mission_patches": [
                {
                    "id": p.id,
                    "name": p.name,
                    "priority": p.priority,
                    "image_url": p.image_url,
                    "agency": self.agency_mini(p.agency_id),
                    "response_mode__normal": "MissionPatch",
                }
                for p in self._linked("programs_mission_patches", r.id, "mission_patches")
            ],
            "type": self._id_name("program_types", r.type_id),
        }

    @_memoized
    def rocket(self, key: Any) -> Shaped:
        r = self._row("rockets", key)
        if r is None:
            return None
        c = self._row("launcher_configurations", r.configuration_id)
        return {
            "id": r.id,
            "configuration": None
            if c is None
            else {
                "response_mode__list": "LauncherConfig",
                "id": c.id,
                "url__launcher_configurations": c.url,
                "name": c.name,
                "families": [
                    {"response_mode__list": "LauncherFamily", "id": f.id, "name": f.name}
                    for f in self._linked(
                        "launcher_configurations_families", c.id, "launcher_config_families"
                    )
                ],
                "full_name": c.full_name,
                "variant": c.variant,
            },
        }

    @_memoized
    def mission(self, key: Any) -> Shaped:
        r = self._row("missions", key)
        if r is None:
            return None
        orbit = self._row("orbits", r.orbit_id)
        return {
            "id": r.id,
            "name": r.name,
            "type": r.type,
            "description": r.description,
            "image": self.image(r.image_id),
            "orbit": None
            if orbit is None
            else {
                "id": orbit.id,
                "name": orbit.name,
                "abbrev": orbit.abbrev,
                "celestial_body": self.body_mini(orbit.celestial_body_id),
            },
            "agencies": [
                self.agency_detailed(a.id)
                for a in self._linked("missions_agencies", r.id, "agencies")
            ],
            "info_urls": _info_urls(r.info_urls),
            "vid_urls": _vid_urls(r.vid_urls),
        }

    def launch(self, key: Any) -> Shaped:
        return self._memo("launch", key, self._launch)

    def _launch(self, key: Any) -> Shaped:
        r = self._row("launches", key)
        if r is None:
            return None
        return {
            "id": str(r.id),
            "url__launches": r.url,
            "name": r.name,
            "response_mode__normal": "Launch",
            "slug": r.slug,
            "launch_designator": r.launch_designator,
            "status": self._status("launch_statuses", r.status_id),
            "last_updated": _ts(r.last_updated),
            "net": _ts(r.net),
            "net_precision": self._status("net_precisions", r.net_precision_id),
            "window_end": _ts(r.window_end),
            "window_start": _ts(r.window_start),
            "image": self.image(r.image_id),
            "infographic": r.infographic,
            "probability": r.probability,
            "weather_concerns": r.weather_concerns,
            "failreason": r.failreason,
            "hashtag": r.hashtag,
            "launch_service_provider": self.agency_mini(r.launch_service_provider_id),
            "rocket": self.rocket(r.rocket_id),
            "mission": self.mission(r.mission_id),
            "pad": self.pad(r.pad_id),
            "webcast_live": _b(r.webcast_live),
            "program": [
                self.program_normal(p) for p in self._linked("launches_program", r.id, "programs")
            ],
            "orbital_launch_attempt_count": r.orbital_launch_attempt_count,
            "location_launch_attempt_count": r.location_launch_attempt_count,
            "pad_launch_attempt_count": r.pad_launch_attempt_count,
            "agency_launch_attempt_count": r.agency_launch_attempt_count,
            "orbital_launch_attempt_count_year": r.orbital_launch_attempt_count_year,
            "location_launch_attempt_count_year": r.location_launch_attempt_count_year,
            "pad_launch_attempt_count_year": r.pad_launch_attempt_count_year,
            "agency_launch_attempt_count_year": r.agency_launch_attempt_count_year,
        }

    # -- crews ----------------------------------------------------------------------------

    def astronaut(self, key: Any) -> Shaped:
        return self._memo("astronaut", key, self._astronaut)

    def _astronaut(self, key: Any) -> Shaped:
        r = self._row("astronauts", key)
        if r is None:
            return None
        return {
            "id": r.id,
            "url__astronauts": r.url,
            "name": r.name,
            "status": self._id_name("astronaut_statuses", r.status_id),
            "agency": self.agency_mini(r.agency_id),
            "image": self.image(r.image_id),
            "response_mode__list": "Astronaut",
            "type": self._id_name("astronaut_types", r.type_id),
            "in_space": _b(r.in_space),
            "time_in_space": r.time_in_space,
            "eva_time": r.eva_time,
            "age": r.age,
            "date_of_birth": _day(r.date_of_birth),
            "date_of_death": _day(r.date_of_death),
            "nationality": [
                self.country(c) for c in self._linked("astronauts_nationality", r.id, "countries")
            ],
            "bio": r.bio,
            "wiki": r.wiki,
            "last_flight": _ts(r.last_flight),
            "first_flight": _ts(r.first_flight),
            "social_media_links": [
                self.social_media_link(s)
                for s in self._linked("astronauts_social_media_links", r.id, "social_media_links")
            ],
        }

    def crew(self, seats: list[Any]) -> list[Shaped]:
        out = []
        for s in seats:
            role = self._row("astronaut_roles", s.role_id)
            out.append(
                {
                    "id": s.id,
                    "role": None
                    if role is None
                    else {"id": role.id, "role": role.role, "priority": role.priority},
                    "astronaut": self.astronaut(s.astronaut_id),
                }
            )
        return out

    # -- dockings -------------------------------------------------------------------------

    @_memoized
    def station_mini(self, key: Any) -> Shaped:
        r = self._row("space_stations", key)
        if r is None:
            return None
        return {
            "id": r.id,
            "url__space_stations": r.url,
            "name": r.name,
            "image": self.image(r.image_id),
        }

    @_memoized
    def station_normal(self, key: Any) -> Shaped:
        r = self._row("space_stations", key)
        if r is None:
            return None
        return {
            "id": r.id,
            "url__space_stations": r.url,
            "name": r.name,
            "image": self.image(r.image_id),
            "status": self._id_name("space_station_statuses", r.status_id),
            "founded": _day(r.founded),
            "deorbited": _day(r.deorbited),
            "description": r.description,
            "orbit": r.orbit,
            "type": self._id_name("space_station_types", r.type_id),
        }

    @_memoized
    def payload(self, key: Any, normal: bool) -> Shaped:
        """PayloadNormal (``normal``) or PayloadMini."""
        r = self._row("payloads", key)
        if r is None:
            return None
        agency = self.agency_normal if normal else self.agency_mini
        shaped = {
            "response_mode__normal" if normal else "response_mode__list": "Payload",
            "id": r.id,
            "name": r.name,
            "type": self._id_name("payload_types", r.type_id),
            "manufacturer": agency(r.manufacturer_id),
            "operator": agency(r.operator_id),
            "image": self.image(r.image_id),
        }
        if normal:
            shaped.update(
                wiki_link=r.wiki_link,
                info_link=r.info_link,
                program=[
                    self.program_mini(p) for p in self._linked("payloads_program", r.id, "programs")
                ],
                cost=r.cost,
                mass=r.mass,
                description=r.description,
            )
        return shaped

    @_memoized
    def payload_flight(self, key: Any) -> Shaped:
        r = self._row("payload_flights", key)
        if r is None:
            return None
        return {
            "response_mode__normal": "PayloadFlight",
            "id": r.id,
            "url__payload_flights": r.url,
            "destination": r.destination,
            "amount": r.amount,
            "payload": self.payload(r.payload_id, True),
            "launch": self.launch(r.launch_id),
            "landing": self.landing(r.landing_id),
        }

    def docking_event(self, e: Any) -> dict[str, Any]:
        port = self._row("docking_locations", e.docking_location_id)
        return {
            "id": e.id,
            "url__docking_events": e.url,
            "docking": _ts(e.docking),
            "departure": _ts(e.departure),
            "docking_location": None
            if port is None
            else {
                "id": port.id,
                "name": port.name,
                "spacestation": self.station_mini(port.spacestation_id),
                "spacecraft": self.config_normal(port.spacecraft_id),
                "payload": self.payload(port.payload_id, False),
            },
            "space_station_target": self.station_normal(e.space_station_target_id),
            "flight_vehicle_target": self.flight_normal(e.flight_vehicle_target_id),
            "payload_flight_target": self.payload_flight(e.payload_flight_target_id),
        }

    # -- flights --------------------------------------------------------------------------

    def _flight_head(self, r: Any, config: Any) -> dict[str, Any]:
        return {
            "id": r.id,
            "url__spacecraft_flights": r.url,
            "destination": r.destination,
            "mission_end": _ts(r.mission_end),
            "spacecraft": self.spacecraft(r.spacecraft_id, config),
            "launch": self.launch(r.launch_id),
            "landing": self.landing(r.landing_id),
            "duration": r.duration,
            "turn_around_time": r.turn_around_time,
        }

    @_memoized
    def flight_normal(self, key: Any) -> Shaped:
        r = self._row("spacecraft_flights", key)
        if r is None:
            return None
        return {
            **self._flight_head(r, self.config_normal),
            "response_mode__normal": "Flight",
        }

    def flight_detailed(self, r: Any) -> dict[str, Any]:
        crews = self.crews.get(r.id, {})
        return {
            **self._flight_head(r, self.config_detailed),
            "response_mode__detailed": "Flight",
            "launch_crew": self.crew(crews.get("launch", [])),
            "onboard_crew": self.crew(crews.get("onboard", [])),
            "landing_crew": self.crew(crews.get("landing", [])),
            "docking_events": [self.docking_event(e) for e in self.dockings.get(r.id, [])],
        }
