"""Errors that name the file and the JSON path of the bad value."""

from __future__ import annotations


class IngestError(Exception):
    """Bad input at a JSON path (``results[3].launch.pad.latitude``)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message
