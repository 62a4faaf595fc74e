"""The floor: the benchmark's hand-written baseline on the same Starlette/uvicorn stack."""

from bench.floor.app import create_app

__all__ = ["create_app"]
