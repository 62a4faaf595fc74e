"""Memory budgets: an LRU bounded by entries and by estimated bytes, and what a parsed
document weighs, for the caches that grow with the distinct documents clients send.
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from collections.abc import Sequence
from typing import Generic, TypeVar

from graphql import GraphQLError, Node, Token, Visitor, visit

K = TypeVar("K")
V = TypeVar("V")

# An OrderedDict entry with its (value, size) pair and a small tuple key; ~220 measured.
ENTRY_BYTES = 300

# What a parsed document keeps alive besides its text and its tokens' values: every node's
# location links to its tokens, and the tokens to each other (comments too), so the whole
# chain stays. Measured with tracemalloc (graphql-core 3.3.2, CPython 3.11): 420 to 520 bytes
# per token for real queries — a 157-character flight query weighs 22 KB, ~140 bytes per
# character — and at most ~560 for the densest (`{ a a a … }`). Per character the AST ranges
# from ~0 (whitespace padding) to ~320 (5,000 one-letter fields), so the estimate counts tokens.
AST_BYTES_PER_TOKEN = 600

# A cached validation error besides its message (locations, positions, nodes, extensions);
# ~1,130 measured on "Cannot query field …" errors.
ERROR_BYTES = 1500


class BoundedLru(Generic[K, V]):
    """Least recently used entries go first once there are more than ``max_entries`` or
    their sizes (as given to :meth:`put`, plus ``ENTRY_BYTES`` each) pass ``max_bytes``."""

    def __init__(self, max_entries: int, max_bytes: int) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.bytes = 0
        self.entries: OrderedDict[K, tuple[V, int]] = OrderedDict()

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def get(self, key: K) -> V | None:
        entry = self.entries.get(key)
        if entry is None:
            return None
        self.entries.move_to_end(key)
        return entry[0]

    def put(self, key: K, value: V, size: int) -> bool:
        """Keep ``value``; ``False`` (and nothing evicted) if it alone exceeds the budget."""
        self.pop(key)
        size += ENTRY_BYTES
        if size > self.max_bytes:
            return False
        self.entries[key] = (value, size)
        self.bytes += size
        while len(self.entries) > self.max_entries or self.bytes > self.max_bytes:
            _, (_, evicted) = self.entries.popitem(last=False)
            self.bytes -= evicted
        return True

    def pop(self, key: K) -> None:
        entry = self.entries.pop(key, None)
        if entry is not None:
            self.bytes -= entry[1]


def text_bytes(*texts: str | bytes | None) -> int:
    """Memory of the strings themselves (a str's width depends on its widest character)."""
    return sum(sys.getsizeof(text) for text in texts if text is not None)


def ast_bytes(node: Node) -> int:
    """Estimated memory a parsed document keeps alive while any of its nodes (``node``) is
    held: the source text, and each token with its value (which nodes share)."""
    if node.loc is None:  # parsed without locations: no text or tokens kept, only nodes
        counter = _NodeCounter()
        visit(node, counter)
        return counter.nodes * AST_BYTES_PER_TOKEN
    first = node.loc.start_token
    while first.prev is not None:
        first = first.prev
    size = text_bytes(node.loc.source.body)
    current: Token | None = first
    while current is not None:
        size += AST_BYTES_PER_TOKEN + text_bytes(current.value)
        current = current.next
    return size


def errors_bytes(errors: Sequence[GraphQLError]) -> int:
    """Estimated memory of cached errors, with the document their nodes keep alive."""
    size = sum(ERROR_BYTES + text_bytes(error.message) for error in errors)
    node = next((error.nodes[0] for error in errors if error.nodes), None)
    return size if node is None else size + ast_bytes(node)


class _NodeCounter(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.nodes = 0

    def enter(self, *_: object) -> None:
        self.nodes += 1
