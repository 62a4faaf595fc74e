"""LL2's REST API (``/2.3.0/…``) answered by named GraphQL documents over the same schema.

Each (endpoint, mode) is a document in ``schema/rest/`` (generated from LL2's OpenAPI by
:mod:`gateway.rest.generate`); :mod:`gateway.rest.mapper` turns its result into LL2's JSON.
"""

from gateway.rest.routes import rest_routes

__all__ = ["rest_routes"]
