"""SQL tables for the LL2 flight graph, the engine factory and migrations."""

from store.engine import create_engine
from store.migrate import upgrade
from store.tables import metadata

__all__ = ["create_engine", "metadata", "upgrade"]
