"""Q1's assembly, the shared pieces: lookups, images, countries, social media, agencies
(mini, normal, detailed). One method per fragment of the Q1 document, fields in its order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bench.floor.q1_values import Shaped, _b, _memoized

if TYPE_CHECKING:
    from bench.floor.q1 import Store


class BaseShapes:
    """Reads the rows bench/floor/q1.py loaded; shared objects are shaped once."""

    def __init__(self, store: Store) -> None:
        self.rows = store.rows
        self.links = store.links
        self.crews = store.crews
        self.dockings = store.dockings
        self.variants = store.variants
        self.memo: dict[tuple[str, Any], Shaped] = {}

    def _row(self, table: str, key: Any) -> Any:
        return None if key is None else self.rows[table].get(key)

    def _linked(self, link: str, owner: Any, table: str) -> list[Any]:
        rows = self.rows[table]
        return [rows[t] for t in self.links[link].get(owner, ()) if t in rows]

    def _memo(self, kind: str, key: Any, build: Any) -> Shaped:
        if key is None:
            return None
        found = self.memo.get((kind, key), False)
        if found is False:
            found = self.memo[(kind, key)] = build(key)
        return found

    # -- small lookups ------------------------------------------------------------------

    def _id_name(self, table: str, key: Any) -> Shaped:
        r = self._row(table, key)
        return None if r is None else {"id": r.id, "name": r.name}

    def _status(self, table: str, key: Any) -> Shaped:
        r = self._row(table, key)
        if r is None:
            return None
        return {"id": r.id, "name": r.name, "abbrev": r.abbrev, "description": r.description}

    # -- images, countries, social media ------------------------------------------------

    def image(self, key: Any) -> Shaped:
        return self._memo("image", key, self._image)

    def _image(self, key: Any) -> Shaped:
        r = self._row("images", key)
        if r is None:
            return None
        lic = self._row("image_licenses", r.license_id)
        return {
            "id": r.id,
            "name": r.name,
            "image_url": r.image_url,
            "thumbnail_url": r.thumbnail_url,
            "credit": r.credit,
            "license": None
            if lic is None
            else {"id": lic.id, "name": lic.name, "priority": lic.priority, "link": lic.link},
            "single_use": _b(r.single_use),
            "variants": [
                {
                    "id": v.id,
                    "type": self._id_name("image_variant_types", v.type_id),
                    "image_url": v.image_url,
                }
                for v in self.variants.get(r.id, ())
            ],
        }

    def country(self, r: Any) -> Shaped:
        if r is None:
            return None
        return {
            "id": r.id,
            "name": r.name,
            "alpha_2_code": r.alpha_2_code,
            "alpha_3_code": r.alpha_3_code,
            "nationality_name": r.nationality_name,
            "nationality_name_composed": r.nationality_name_composed,
        }

    def social_media_link(self, r: Any) -> Shaped:
        network = self._row("social_media", r.social_media_id)
        return {
            "id": r.id,
            "social_media": None
            if network is None
            else {
                "id": network.id,
                "name": network.name,
                "url": network.url,
                "logo": self.image(network.logo_id),
            },
            "url": r.url,
        }

    # -- agencies -----------------------------------------------------------------------

    @_memoized
    def agency_mini(self, key: Any) -> Shaped:
        r = self._row("agencies", key)
        if r is None:
            return None
        return {
            "response_mode__list": "Agency",
            "id": r.id,
            "url__agencies": r.url,
            "name": r.name,
            "abbrev": r.abbrev,
            "type": self._id_name("agency_types", r.type_id),
        }

    def agency_normal(self, key: Any) -> Shaped:
        return self._memo("agency_normal", key, self._agency_normal)

    def _agency_normal(self, key: Any) -> Shaped:
        r = self._row("agencies", key)
        if r is None:
            return None
        return {
            "response_mode__normal": "Agency",
            "id": r.id,
            "url__agencies": r.url,
            "name": r.name,
            "abbrev": r.abbrev,
            "type": self._id_name("agency_types", r.type_id),
            "featured": _b(r.featured),
            "country": [
                self.country(c) for c in self._linked("agencies_country", r.id, "countries")
            ],
            "description": r.description,
            "administrator": r.administrator,
            "founding_year": r.founding_year,
            "launchers": r.launchers,
            "spacecraft": r.spacecraft,
            "parent": r.parent,
            "image": self.image(r.image_id),
            "logo": self.image(r.logo_id),
            "social_logo": self.image(r.social_logo_id),
        }

    @_memoized
    def agency_detailed(self, key: Any) -> Shaped:
        normal = self.agency_normal(key)
        if normal is None:
            return None
        r = self.rows["agencies"][key]
        return {
            **normal,
            "total_launch_count": r.total_launch_count,
            "consecutive_successful_launches": r.consecutive_successful_launches,
            "successful_launches": r.successful_launches,
            "failed_launches": r.failed_launches,
            "pending_launches": r.pending_launches,
            "consecutive_successful_landings": r.consecutive_successful_landings,
            "successful_landings": r.successful_landings,
            "failed_landings": r.failed_landings,
            "attempted_landings": r.attempted_landings,
            "successful_landings_spacecraft": r.successful_landings_spacecraft,
            "failed_landings_spacecraft": r.failed_landings_spacecraft,
            "attempted_landings_spacecraft": r.attempted_landings_spacecraft,
            "successful_landings_payload": r.successful_landings_payload,
            "failed_landings_payload": r.failed_landings_payload,
            "attempted_landings_payload": r.attempted_landings_payload,
            "info_url": r.info_url,
            "wiki_url": r.wiki_url,
            "social_media_links": [
                self.social_media_link(s)
                for s in self._linked("agencies_social_media_links", r.id, "social_media_links")
            ],
        }
