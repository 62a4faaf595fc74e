"""Every table of the store, registered on one MetaData."""

from store.columns import metadata
from store.tables import agencies, common, events, flights, launches, places, sync, vehicles

__all__ = [
    "agencies",
    "common",
    "events",
    "flights",
    "launches",
    "metadata",
    "places",
    "sync",
    "vehicles",
]
