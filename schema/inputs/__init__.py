"""Filter inputs and order enums of each node's connections (kept apart from the node types
so that types can take each other's connections without import cycles)."""

__all__ = [
    "agency",
    "astronaut",
    "celestial_body",
    "event",
    "flight",
    "landing",
    "launch",
    "launcher",
    "launcher_config",
    "location",
    "pad",
    "space_station",
    "spacecraft",
    "spacecraft_config",
]
