"""Value objects LL2 nests without an identity of their own: info and video links, timeline
events (kept whole in the store's JSON columns, so built from dicts, not rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

import strawberry

from schema.base import field
from schema.scalars import Duration
from store.types import moment as parsed_moment

LL2_ID = "LL2's id."


@dataclass(frozen=True)
class FromJson:
    """How a value object's field is read from LL2's JSON object (a class's ``__json__``
    maps field names to these; the compiled SQL path reads the same declaration):
    ``value``, the key's value as it is; ``moment``, an ISO-8601 timestamp with an offset
    (null otherwise); ``lookup``, a nested object built into the class ``of`` (null when the
    key holds no object)."""

    key: str
    kind: str = "value"
    of: type | None = None


def moment(key: str) -> FromJson:
    return FromJson(key, "moment")


def lookup(key: str, of: type) -> FromJson:
    return FromJson(key, "lookup", of)


def values(*keys: str) -> dict[str, FromJson]:
    return {key: FromJson(key) for key in keys}


def from_json(cls: Any, value: dict[str, Any]) -> Any:
    """An instance of the value class ``cls`` from LL2's JSON object, as ``__json__`` says."""
    fields: dict[str, Any] = {}
    for name, spec in cls.__json__.items():
        raw = value.get(spec.key)
        if spec.kind == "moment":
            fields[name] = parsed_moment(raw)
        elif spec.kind == "lookup":
            fields[name] = from_json(spec.of, raw) if isinstance(raw, dict) else None
        else:
            fields[name] = raw
    return cls(**fields)


@strawberry.type(description="Kind of info link (LL2 InfoURLType).")
class InfoUrlType:
    ll2_id: int | None = field(LL2_ID)
    name: str | None = field("Name.")

    __json__: ClassVar[dict[str, FromJson]] = {"ll2_id": FromJson("id"), **values("name")}


@strawberry.type(description="Kind of video link: official webcast, re-stream… (LL2 VidURLType).")
class VidUrlType:
    ll2_id: int | None = field(LL2_ID)
    name: str | None = field("Name.")

    __json__: ClassVar[dict[str, FromJson]] = {"ll2_id": FromJson("id"), **values("name")}


@strawberry.type(description="A language (LL2 Language).")
class Language:
    ll2_id: int | None = field(LL2_ID)
    name: str | None = field("Name.")
    code: str | None = field("ISO 639-1 (two-letter) code.")

    __json__: ClassVar[dict[str, FromJson]] = {"ll2_id": FromJson("id"), **values("name", "code")}


@strawberry.type(description="Kind of timeline event: MECO, stage separation… (LL2).")
class TimelineEventType:
    ll2_id: int | None = field(LL2_ID)
    abbrev: str | None = field("Short name.")
    description: str | None = field("What happens.")

    __json__: ClassVar[dict[str, FromJson]] = {
        "ll2_id": FromJson("id"),
        **values("abbrev", "description"),
    }


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

    __json__: ClassVar[dict[str, FromJson]] = {
        **values("priority", "source", "title", "description", "feature_image", "url"),
        "type": lookup("type", InfoUrlType),
        "language": lookup("language", Language),
    }


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

    __json__: ClassVar[dict[str, FromJson]] = {
        **values("priority", "source", "publisher", "title", "description", "live"),
        **values("feature_image", "url"),
        "type": lookup("type", VidUrlType),
        "language": lookup("language", Language),
        "start_time": moment("start_time"),
        "end_time": moment("end_time"),
    }


@strawberry.type(description="An event of a launch's timeline (LL2 TimelineEvent).")
class TimelineEvent:
    type: TimelineEventType | None = field("What happens.")
    relative_time: Duration | None = field("When, relative to liftoff (ISO-8601, may be negative).")

    __json__: ClassVar[dict[str, FromJson]] = {
        "type": lookup("type", TimelineEventType),
        **values("relative_time"),
    }


def from_json_list(cls: Any, value: Any) -> list[Any] | None:
    """A JSON column as typed objects (``None`` when LL2 never gave the list)."""
    if value is None:
        return None
    return [from_json(cls, item) for item in value if isinstance(item, dict)]
