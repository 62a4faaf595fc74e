"""The per-request ``Context``: the engine, this request's loaders, and the settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncEngine

from loaders import Loaders

if TYPE_CHECKING:
    from gateway.settings import Settings
    from store.changes import ChangeBroker


@dataclass
class Context:
    """What resolvers see as ``info.context``; built fresh for every request."""

    engine: AsyncEngine
    settings: Settings | None = None
    loaders: Loaders = field(init=False)
    request: Any = None
    response: Any = None
    broker: ChangeBroker | None = None
    # The response is serialised by orjson as it is: compiled SQL may hand over JSON text
    # (orjson.Fragment) instead of parsed values.
    raw_json: bool = False

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.engine)
        if self.broker is None and self.request is not None:
            # The app's change feed (set up in its lifespan), for subscriptions.
            self.broker = getattr(self.request.app.state, "broker", None)
