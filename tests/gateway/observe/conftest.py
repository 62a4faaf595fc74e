"""The HTTP tests' app on the seeded SQLite file (``client(**settings)``), and scraping."""

from __future__ import annotations

from tests.gateway.http.conftest import client, seed_template, seeded

__all__ = ["client", "seed_template", "seeded"]
