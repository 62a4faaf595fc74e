"""Errors shown to clients, each with an ``extensions.code`` they can branch on."""

from __future__ import annotations

from graphql import GraphQLError

BAD_USER_INPUT = "BAD_USER_INPUT"


class UserInputError(GraphQLError):
    """The request asked for something malformed or out of bounds (not a server fault)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, extensions={"code": BAD_USER_INPUT})
