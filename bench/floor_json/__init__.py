"""The JSON-in-SQL floor: one statement per query renders the whole ``data`` object in the
database; Python passes the database's text on. See bench/floor_json/app.py."""

from bench.floor_json.app import create_app

__all__ = ["create_app"]
