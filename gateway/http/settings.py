"""Settings of the HTTP face (mixed into ``gateway.settings.Settings``)."""

from __future__ import annotations

from pydantic import BaseModel


class HttpSettings(BaseModel):
    """Fields read as FLIGHTGRAPH_<NAME> like every other setting."""
