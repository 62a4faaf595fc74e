"""Shared value objects: countries, images and their licenses and variants, social media."""

from __future__ import annotations

import strawberry

from schema.base import RowType, children, field, one
from schema.node import Node, node

LL2_ID = "LL2's id."
NAME = "Name."


@node("countries")
@strawberry.type(description="A country (LL2 Country).")
class Country(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field(NAME)
    alpha_2_code: str | None = field("ISO 3166-1 alpha-2 code, e.g. FR.")
    alpha_3_code: str | None = field("ISO 3166-1 alpha-3 code, e.g. FRA.")
    nationality_name: str | None = field("Nationality, e.g. French.")
    nationality_name_composed: str | None = field("Nationality as a prefix, e.g. Franco.")


@node("image_licenses")
@strawberry.type(description="The license an image is published under (LL2 ImageLicense).")
class ImageLicense(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field(NAME)
    priority: int | None = field("Rank among licenses (0 is the most permissive use).")
    link: str | None = field("URL of the license text.")


@node("image_variant_types")
@strawberry.type(description="Kind of image variant (LL2 ImageVariantType).")
class ImageVariantType(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field(NAME)


@node("image_variants")
@strawberry.type(description="Another rendition of an image (LL2 ImageVariant).")
class ImageVariant(Node, RowType):
    ll2_id: int = field(LL2_ID)
    image_url: str | None = field("URL of this rendition.")
    type_id: strawberry.Private[int | None]

    type: ImageVariantType | None = one(
        "image_variant_types", key="type_id", description="Kind of rendition."
    )


@node("images")
@strawberry.type(description="An image with its credit and license (LL2 Image).")
class Image(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field(NAME)
    image_url: str | None = field("URL of the full image.")
    thumbnail_url: str | None = field("URL of a thumbnail.")
    credit: str | None = field("Who to credit for the image.")
    single_use: bool | None = field("Used by one object only.")
    license_id: strawberry.Private[int | None]

    license: ImageLicense | None = one(
        "image_licenses", key="license_id", description="License the image is published under."
    )

    variants: list[ImageVariant] = children(
        "image_variants", "image_id", description="Other renditions of the image."
    )


@node("social_media")
@strawberry.type(description="A social network (LL2 SocialMedia).")
class SocialMedia(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field(NAME)
    url: str | None = field("Home page of the network.")
    logo_id: strawberry.Private[int | None]

    logo: Image | None = one("images", key="logo_id", description="Logo of the network.")


@node("social_media_links")
@strawberry.type(description="A profile on a social network (LL2 SocialMediaLink).")
class SocialMediaLink(Node, RowType):
    ll2_id: int = field(LL2_ID)
    url: str | None = field("URL of the profile.")
    social_media_id: strawberry.Private[int | None]

    social_media: SocialMedia | None = one(
        "social_media", key="social_media_id", description="The network."
    )
