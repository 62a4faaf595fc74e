"""Per-request DataLoaders over the store: one batched SELECT per relation level.

Loaders return records (``RowMapping``s), never Strawberry types. Importing this package
registers every node's :class:`~loaders.listing.Listing`.
"""

from loaders import (
    agency,
    astronaut,
    celestial_body,
    docking_event,
    event,
    flight,
    landing,
    launch,
    launcher,
    launcher_config,
    location,
    lookups,
    pad,
    space_station,
    spacecraft,
    spacecraft_config,
)
from loaders.container import Loaders
from loaders.listing import AllOf, AnyOf, Condition, Filter, FilterError, Not, Related, Search
from loaders.pages import (
    CountQuery,
    CursorError,
    Page,
    PageQuery,
    decode_cursor,
    encode_cursor,
    key_kinds,
    listing,
)
from loaders.rows import Record

__all__ = [
    "AllOf",
    "AnyOf",
    "Condition",
    "CountQuery",
    "CursorError",
    "Filter",
    "FilterError",
    "Loaders",
    "Not",
    "Page",
    "PageQuery",
    "Record",
    "Related",
    "Search",
    "agency",
    "astronaut",
    "celestial_body",
    "decode_cursor",
    "docking_event",
    "encode_cursor",
    "event",
    "flight",
    "key_kinds",
    "landing",
    "launch",
    "launcher",
    "launcher_config",
    "listing",
    "location",
    "lookups",
    "pad",
    "space_station",
    "spacecraft",
    "spacecraft_config",
]
