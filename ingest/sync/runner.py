"""Pull LL2 endpoints page by page; each page commits together with its checkpoint.

A killed sync resumes at the first page it had not committed. A completed pass records
when it started; the next run of an endpoint LL2 can filter by ``last_updated`` (launches,
events) asks only for what changed since then (``last_updated__gte``). Other endpoints change
rarely and reach us nested in launches anyway, so they get a full pass when they never had
one, when the last is older than ``refresh_after``, or when asked (``full=True``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import orjson
from sqlalchemy.ext.asyncio import AsyncEngine

from ingest.errors import IngestError
from ingest.files import Notify, ingest_records
from ingest.normalise import WalkMemo
from ingest.reader import Record
from ingest.sync.client import LL2Client
from ingest.sync.state import Checkpoint, load_checkpoint, save_checkpoint, utcnow
from ingest.writer import Outcomes

PAGE_SIZE = 100
INCREMENTAL = frozenset({"launches", "events"})
ENDPOINTS = (
    "celestial_bodies",
    "agencies",
    "locations",
    "pads",
    "launcher_configurations",
    "spacecraft_configurations",
    "spacecraft",
    "astronauts",
    "space_stations",
    "launches",
    "spacecraft_flights",
    "landings",
    "docking_events",
    "events",
)


class SyncStopped(RuntimeError):
    """A bad page, with stop_on_bad_page set."""


@dataclass
class EndpointReport:
    endpoint: str
    mode: str  # full | incremental | resume | skip
    start_url: str | None = None
    pages: int = 0
    records: int = 0
    total: int | None = None  # records LL2 says the pass has
    bad_pages: list[dict[str, Any]] = field(default_factory=list)


Progress = Callable[[EndpointReport], None]


def start_url(api_url: str, endpoint: str, since: datetime | None) -> str:
    params = {"mode": "detailed", "limit": str(PAGE_SIZE)}
    # A stable order keeps offset pages from shifting while LL2 edits records.
    params["ordering"] = "last_updated" if endpoint in INCREMENTAL else "id"
    if since is not None:
        params["last_updated__gte"] = since.isoformat().replace("+00:00", "Z")
    return f"{api_url}/{endpoint}/?{urlencode(params)}"


def following_page(url: str) -> str:
    """The page after ``url`` by offset arithmetic (used to step over a bad page)."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    limit = int(query.get("limit", PAGE_SIZE))
    query["offset"] = str(int(query.get("offset", 0)) + limit)
    return urlunsplit(parts._replace(query=urlencode(query)))


def _offset(url: str) -> int:
    return int(dict(parse_qsl(urlsplit(url).query)).get("offset", 0))


class Syncer:
    def __init__(
        self,
        engine: AsyncEngine,
        client: LL2Client,
        *,
        full: bool = False,
        since: datetime | None = None,
        refresh_after: timedelta = timedelta(days=7),
        stop_on_bad_page: bool = False,
        progress: Progress | None = None,
        notify: Notify | None = None,
    ) -> None:
        self.engine = engine
        self.client = client
        self.full = full
        self.since = since
        self.refresh_after = refresh_after
        self.stop_on_bad_page = stop_on_bad_page
        self.progress = progress or (lambda report: None)
        self.notify = notify
        self.memo = WalkMemo()

    async def plan(self, endpoint: str) -> tuple[EndpointReport, Checkpoint]:
        async with self.engine.connect() as conn:
            checkpoint = await load_checkpoint(conn, endpoint)
        if checkpoint.next_url:
            return EndpointReport(endpoint, "resume", checkpoint.next_url), checkpoint
        since = self.since
        if since is None and endpoint in INCREMENTAL and not self.full:
            since = checkpoint.since
        if since is not None and endpoint in INCREMENTAL:
            url = start_url(self.client.api_url, endpoint, since)
            return EndpointReport(endpoint, "incremental", url), checkpoint
        fresh = checkpoint.completed_at and utcnow() - checkpoint.completed_at < self.refresh_after
        if fresh and not self.full and self.since is None:
            return EndpointReport(endpoint, "skip"), checkpoint
        return EndpointReport(endpoint, "full", start_url(self.client.api_url, endpoint, None)), (
            checkpoint
        )

    async def run(self, endpoints: Sequence[str] = ENDPOINTS) -> list[EndpointReport]:
        reports = []
        for endpoint in endpoints:
            report, checkpoint = await self.plan(endpoint)
            reports.append(report)
            if report.start_url:
                await self._pull(report, checkpoint)
        return reports

    async def _pull(self, report: EndpointReport, checkpoint: Checkpoint) -> None:
        url: str | None = report.start_url
        if report.mode != "resume":
            checkpoint.pass_started_at = utcnow()
            checkpoint.pages = checkpoint.records = 0
            checkpoint.bad_pages = []
        while url:
            body = await self.client.get(url)
            try:
                url = await self._commit_page(report, checkpoint, url, body)
            except (IngestError, _Malformed) as error:
                url = await self._skip_page(report, checkpoint, url, str(error))
            self.progress(report)

    async def _commit_page(
        self, report: EndpointReport, checkpoint: Checkpoint, url: str, body: bytes
    ) -> str | None:
        page = _envelope(body)
        records = [Record(f"results[{i}]", item, url) for i, item in enumerate(page["results"])]
        next_url = page.get("next")
        report.total = page.get("count") if isinstance(page.get("count"), int) else report.total
        outcomes = Outcomes()
        try:
            async with self.engine.begin() as conn:
                count = await ingest_records(
                    conn, records, outcomes, self.memo, endpoint=report.endpoint
                )
                checkpoint.pages += 1
                checkpoint.records += count
                _advance(checkpoint, next_url)
                await save_checkpoint(conn, checkpoint)
            self.memo.commit()
        finally:
            self.memo.rollback()
        report.pages += 1
        report.records += count
        if self.notify is not None:
            await self.notify(outcomes.changes())
        return next_url

    async def _skip_page(
        self, report: EndpointReport, checkpoint: Checkpoint, url: str, error: str
    ) -> str | None:
        bad = {"url": url, "error": error}
        report.bad_pages.append(bad)
        if self.stop_on_bad_page:
            raise SyncStopped(f"{report.endpoint}: bad page {url}: {error}")
        following = following_page(url)
        if report.total is not None and _offset(following) >= report.total:
            following = None
        checkpoint.bad_pages.append(bad)
        _advance(checkpoint, following)
        async with self.engine.begin() as conn:
            await save_checkpoint(conn, checkpoint)
        return following


class _Malformed(Exception):
    pass


def _envelope(body: bytes) -> dict[str, Any]:
    try:
        page = orjson.loads(body)
    except orjson.JSONDecodeError as error:
        raise _Malformed(f"invalid JSON: {error}") from None
    if not isinstance(page, dict) or not isinstance(page.get("results"), list):
        raise _Malformed("not an LL2 page (expected count/next/previous/results)")
    if page.get("next") is not None and not isinstance(page["next"], str):
        raise _Malformed("next: expected a URL or null")
    return page


def _advance(checkpoint: Checkpoint, next_url: str | None) -> None:
    checkpoint.next_url = next_url
    if next_url is None:
        checkpoint.completed_at = utcnow()
        checkpoint.since = checkpoint.pass_started_at
        checkpoint.pass_started_at = None
