"""Errors of the HTTP layer: a status code and a GraphQL-shaped body with ``extensions.code``."""

from __future__ import annotations

from typing import Any


class HttpError(Exception):
    """A request refused before it reaches the schema (malformed, too large, too many, …)."""

    def __init__(
        self,
        status: int,
        message: str,
        code: str = "BAD_REQUEST",
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return {"errors": [{"message": self.message, "extensions": {"code": self.code}}]}
