"""Value objects LL2 nests without an identity of their own: info and video links, timeline
events (kept whole in the store's JSON columns, so built from dicts, not rows)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Self

import strawberry

from schema.base import field
from schema.scalars import Duration

LL2_ID = "LL2's id."


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None


@strawberry.type(description="Kind of info link (LL2 InfoURLType).")
class InfoUrlType:
    ll2_id: int | None = field(LL2_ID)
    name: str | None = field("Name.")


@strawberry.type(description="Kind of video link: official webcast, re-stream… (LL2 VidURLType).")
class VidUrlType:
    ll2_id: int | None = field(LL2_ID)
    name: str | None = field("Name.")


@strawberry.type(description="A language (LL2 Language).")
class Language:
    ll2_id: int | None = field(LL2_ID)
    name: str | None = field("Name.")
    code: str | None = field("ISO 639-1 (two-letter) code.")


@strawberry.type(description="Kind of timeline event: MECO, stage separation… (LL2).")
class TimelineEventType:
    ll2_id: int | None = field(LL2_ID)
    abbrev: str | None = field("Short name.")
    description: str | None = field("What happens.")


def _lookup(cls: type, value: Any, *names: str) -> Any:
    if not isinstance(value, dict):
        return None
    return cls(ll2_id=value.get("id"), **{name: value.get(name) for name in names})


@strawberry.type(description="A link to read more (LL2 InfoURL).")
class InfoUrl:
    priority: int | None = field("Rank among the links (lower first).")
    source: str | None = field("Site it comes from.")
    title: str | None = field("Title.")
    description: str | None = field("Summary.")
    feature_image: str | None = field("URL of a preview image.")
    url: str | None = field("The link.")
    type: InfoUrlType | None = field("Kind of link.")
    language: Language | None = field("Language of the page.")

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> Self:
        return cls(
            **{k: value.get(k) for k in ("priority", "source", "title", "description")},
            feature_image=value.get("feature_image"),
            url=value.get("url"),
            type=_lookup(InfoUrlType, value.get("type"), "name"),
            language=_lookup(Language, value.get("language"), "name", "code"),
        )


@strawberry.type(description="A video: webcast, re-stream, recording (LL2 VidURL).")
class VidUrl:
    priority: int | None = field("Rank among the videos (lower first).")
    source: str | None = field("Site it comes from.")
    publisher: str | None = field("Who publishes it.")
    title: str | None = field("Title.")
    description: str | None = field("Summary.")
    feature_image: str | None = field("URL of a preview image.")
    url: str | None = field("The link.")
    type: VidUrlType | None = field("Kind of video.")
    language: Language | None = field("Language of the video.")
    start_time: datetime | None = field("When it starts.")
    end_time: datetime | None = field("When it ends.")
    live: bool | None = field("Live now.")

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> Self:
        return cls(
            **{
                k: value.get(k)
                for k in ("priority", "source", "publisher", "title", "description", "live")
            },
            feature_image=value.get("feature_image"),
            url=value.get("url"),
            type=_lookup(VidUrlType, value.get("type"), "name"),
            language=_lookup(Language, value.get("language"), "name", "code"),
            start_time=_moment(value.get("start_time")),
            end_time=_moment(value.get("end_time")),
        )


@strawberry.type(description="An event of a launch's timeline (LL2 TimelineEvent).")
class TimelineEvent:
    type: TimelineEventType | None = field("What happens.")
    relative_time: Duration | None = field("When, relative to liftoff (ISO-8601, may be negative).")

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> Self:
        return cls(
            type=_lookup(TimelineEventType, value.get("type"), "abbrev", "description"),
            relative_time=value.get("relative_time"),
        )


def from_json_list(cls: Any, value: Any) -> list[Any] | None:
    """A JSON column as typed objects (``None`` when LL2 never gave the list)."""
    if value is None:
        return None
    return [cls.from_json(item) for item in value if isinstance(item, dict)]
