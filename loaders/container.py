"""``Loaders``: every DataLoader of one request, created lazily, shared by its resolvers."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from loaders.connections import Connections
from loaders.pages import CountsByParentLoader, PagesByParentLoader
from loaders.rows import LinkedRowsByOwnerIdLoader, RowsByColumnLoader, RowsByIdLoader


class Loaders:
    """Built once per request (never shared between requests: loaders cache what they load)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.connections = Connections(engine)
        self._by_id: dict[str, RowsByIdLoader] = {}
        self._by_column: dict[tuple[Hashable, ...], RowsByColumnLoader] = {}
        self._linked: dict[str, LinkedRowsByOwnerIdLoader] = {}
        self._pages: PagesByParentLoader | None = None
        self._counts: CountsByParentLoader | None = None

    def rows_by_id(self, table: str) -> RowsByIdLoader:
        loader = self._by_id.get(table)
        if loader is None:
            loader = self._by_id[table] = RowsByIdLoader(self.connections, table)
        return loader

    def rows_by_column(self, table: str, column: str, **equals: Any) -> RowsByColumnLoader:
        key = (table, column, *sorted(equals.items()))
        loader = self._by_column.get(key)
        if loader is None:
            loader = RowsByColumnLoader(self.connections, table, column, equals)
            self._by_column[key] = loader
        return loader

    def linked_rows(self, link: str) -> LinkedRowsByOwnerIdLoader:
        loader = self._linked.get(link)
        if loader is None:
            loader = self._linked[link] = LinkedRowsByOwnerIdLoader(self.connections, link)
        return loader

    @property
    def pages(self) -> PagesByParentLoader:
        if self._pages is None:
            self._pages = PagesByParentLoader(self.connections)
        return self._pages

    @property
    def counts(self) -> CountsByParentLoader:
        if self._counts is None:
            self._counts = CountsByParentLoader(self.connections)
        return self._counts

    def cancel(self) -> None:
        """Stop every batch still running (its statement with it): the request or event
        they serve has given up, and no one will read what they load."""
        every = [*self._by_id.values(), *self._by_column.values(), *self._linked.values()]
        for loader in (*every, self._pages, self._counts):
            if loader is not None:
                loader.cancel_dispatches()
