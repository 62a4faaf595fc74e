"""Label values from what clients send, bounded: every distinct value is a time series kept
for the life of the process, so a client choosing names must not choose how many there are."""

from __future__ import annotations

import re

NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,99}")  # a GraphQL name (at most 100 characters)
CODE = re.compile(r"[A-Z][A-Z0-9_]{0,63}")
OTHER = "other"
ANONYMOUS = "anonymous"
NO_CODE = "none"


def graphql_name(name: str | None) -> str | None:
    """``name`` if it is a GraphQL name (what may be logged), else None."""
    if isinstance(name, str) and NAME.fullmatch(name):
        return name
    return None


class OperationNames:
    """Operation names as label values: the first ``limit`` distinct GraphQL names this
    process sees are kept as they are; later ones, and anything that is not a GraphQL name,
    are ``other``. No operation name is ``anonymous``."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.seen: set[str] = set()

    def label(self, name: str | None) -> str:
        if name is None:
            return ANONYMOUS
        if graphql_name(name) is None:
            return OTHER
        if name in self.seen:
            return name
        if len(self.seen) >= self.limit:
            return OTHER
        self.seen.add(name)
        return name


def error_code(code: object) -> str:
    """An ``extensions.code`` as a label value: codes are ours, but checked all the same."""
    if code is None:
        return NO_CODE
    if isinstance(code, str) and CODE.fullmatch(code):
        return code
    return OTHER
