"""``Agency``: launch providers, manufacturers and space agencies (LL2 AgencyDetailed)."""

from __future__ import annotations

import strawberry

from schema.base import RowType, field, linked, one
from schema.inputs.agency import AgencyFilter, AgencyOrder
from schema.inputs.launch import LaunchFilter, LaunchOrder
from schema.inputs.launcher_config import LauncherConfigFilter, LauncherConfigOrder
from schema.inputs.spacecraft_config import SpacecraftConfigFilter, SpacecraftConfigOrder
from schema.node import Node, node
from schema.pagination import connection_field, node_field
from schema.refs import (
    AgencyTypeRef,
    CountryRef,
    ImageRef,
    LauncherConfigRef,
    LaunchRef,
    SocialMediaLinkRef,
    SpacecraftConfigRef,
)


@node("agencies")
@strawberry.type(description="An agency: launch provider, manufacturer or space agency (LL2).")
class Agency(Node, RowType):
    ll2_id: int = field("LL2's id.")
    url: str | None = field("LL2's URL of this agency.")
    name: str | None = field("Name.")
    abbrev: str | None = field("Short name.")
    featured: bool | None = field("Featured by LL2.")
    description: str | None = field("About the agency.")
    administrator: str | None = field("Who runs it.")
    founding_year: int | None = field("Year founded.")
    launchers: str | None = field("Launchers it builds or flies, as LL2 lists them (text).")
    spacecraft: str | None = field("Spacecraft it builds or flies, as LL2 lists them (text).")
    parent: str | None = field("Parent organisation (text).")
    total_launch_count: int | None = field("Launches made.")
    consecutive_successful_launches: int | None = field("Successful launches in a row.")
    successful_launches: int | None = field("Successful launches.")
    failed_launches: int | None = field("Failed launches.")
    pending_launches: int | None = field("Launches to come.")
    consecutive_successful_landings: int | None = field("Successful landings in a row.")
    successful_landings: int | None = field("Successful landings.")
    failed_landings: int | None = field("Failed landings.")
    attempted_landings: int | None = field("Attempted landings.")
    successful_landings_spacecraft: int | None = field("Successful spacecraft landings.")
    failed_landings_spacecraft: int | None = field("Failed spacecraft landings.")
    attempted_landings_spacecraft: int | None = field("Attempted spacecraft landings.")
    successful_landings_payload: int | None = field("Successful payload landings.")
    failed_landings_payload: int | None = field("Failed payload landings.")
    attempted_landings_payload: int | None = field("Attempted payload landings.")
    info_url: str | None = field("Official web site.")
    wiki_url: str | None = field("Wikipedia page.")
    type_id: strawberry.Private[int | None]
    image_id: strawberry.Private[int | None]
    logo_id: strawberry.Private[int | None]
    social_logo_id: strawberry.Private[int | None]

    type: AgencyTypeRef | None = one("agency_types", key="type_id", description="Kind of agency.")

    country: list[CountryRef] = linked(
        "agencies_country", description="Countries the agency belongs to."
    )

    image: ImageRef | None = one("images", key="image_id", description="Image.")

    logo: ImageRef | None = one("images", key="logo_id", description="Logo.")

    social_logo: ImageRef | None = one(
        "images", key="social_logo_id", description="Logo for social media cards."
    )

    social_media_links: list[SocialMediaLinkRef] = linked(
        "agencies_social_media_links", description="Profiles on social networks."
    )

    launches = connection_field(
        LaunchRef,
        "launches",
        LaunchFilter,
        LaunchOrder,
        LaunchOrder.NET_ASC,
        parent_column="launch_service_provider_id",
        description="Launches it provided (as launch service provider).",
    )
    spacecraft_configs = connection_field(
        SpacecraftConfigRef,
        "spacecraft_configs",
        SpacecraftConfigFilter,
        SpacecraftConfigOrder,
        SpacecraftConfigOrder.ID_ASC,
        parent_column="agency_id",
        description="Spacecraft configurations it builds (LL2 `spacecraft_list`).",
    )
    launcher_configs = connection_field(
        LauncherConfigRef,
        "launcher_configs",
        LauncherConfigFilter,
        LauncherConfigOrder,
        LauncherConfigOrder.ID_ASC,
        parent_column="manufacturer_id",
        description="Launcher configurations it manufactures (LL2 `launcher_list`).",
    )


@strawberry.type
class AgencyQuery:
    agency = node_field(Agency, "agencies", description="An agency by `id` or `ll2Id`.")
    agencies = connection_field(
        Agency,
        "agencies",
        AgencyFilter,
        AgencyOrder,
        AgencyOrder.ID_ASC,
        description="Agencies (LL2 `/2.3.0/agencies/`).",
    )
