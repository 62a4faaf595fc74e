"""Ingest LL2 JSON files: one transaction per file, records streamed in batches."""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from ingest.errors import IngestError
from ingest.normalise import Batch, Endpoint, Normaliser, WalkMemo, endpoint_of_url
from ingest.reader import Record, iter_records
from ingest.specs import ENDPOINTS
from ingest.writer import Outcomes, write_batch

BATCH_RECORDS = 500

Progress = Callable[[int], None]  # called with bytes read so far in the current file
Notify = Callable[[dict[str, list[Any]]], Awaitable[None]]  # after commit: table -> changed ids


@dataclass
class FileResult:
    path: Path
    records: int = 0
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def resolve_endpoint(name: str) -> str:
    """The table for an `--endpoint` name; a ValueError naming the choices otherwise."""
    table = ENDPOINTS.get(name.strip("/"))
    if table is None:
        raise ValueError(f"unknown endpoint {name!r}; known: {', '.join(sorted(ENDPOINTS))}")
    return table


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given, folders as their *.json files (recursively, sorted)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.json") if p.is_file())
        else:
            yield path


async def ingest_records(
    conn: AsyncConnection,
    records: Iterable[Record],
    outcomes: Outcomes,
    memo: WalkMemo,
    endpoint: str | None = None,
    on_batch: Callable[[], None] | None = None,
) -> int:
    """Normalise and write records inside the caller's transaction; return how many.

    The caller owns the transaction, so a file, or a fetched page together with its sync
    checkpoint, commits whole or not at all.
    """
    forced = Endpoint(resolve_endpoint(endpoint)) if endpoint else None
    batch = Batch()
    normaliser = Normaliser(batch, memo)
    count = 0
    for record in records:
        target = _endpoint_for(record.value, record.page_url, forced, record.path)
        normaliser.add(record.value, target.table, record.path, target.version)
        count += 1
        if count % BATCH_RECORDS == 0:
            await write_batch(conn, batch, outcomes)
            batch = Batch()
            normaliser = Normaliser(batch, memo)
            if on_batch:
                on_batch()
    await write_batch(conn, batch, outcomes)
    return count


async def ingest_file(
    engine: AsyncEngine,
    path: Path,
    endpoint: str | None = None,
    progress: Progress | None = None,
    memo: WalkMemo | None = None,
    notify: Notify | None = None,
) -> FileResult:
    """Ingest one file whole or not at all; bad input becomes ``FileResult.error``.

    Pass the same ``memo`` to the files of one run to skip objects an earlier file wrote,
    and ``notify`` to hear which rows changed once the file has committed.
    """
    memo = memo if memo is not None else WalkMemo()
    result = FileResult(path)
    outcomes = Outcomes()
    try:
        with path.open("rb") as stream:
            report = (lambda: progress(stream.tell())) if progress else None
            async with engine.begin() as conn:
                records = iter_records(stream, path.stat().st_size)
                result.records = await ingest_records(
                    conn, records, outcomes, memo, endpoint, report
                )
            if report:
                report()
            memo.commit()
    except IngestError as error:
        result.error = str(error)
    except OSError as error:
        result.error = f"cannot read: {error.strerror or error}"
    finally:
        memo.rollback()  # no-op after a commit
    if result.ok:
        result.counts = outcomes.summary()
        if notify is not None:
            await notify(outcomes.changes())
    return result


def _endpoint_for(
    value: object, page_url: str | None, forced: Endpoint | None, path: str
) -> Endpoint:
    url = value.get("url") if isinstance(value, dict) else None
    found = endpoint_of_url(url)
    if forced:
        # An object keeps its own API version even when the caller names its endpoint.
        return Endpoint(forced.table, found.version) if found else forced
    if found:
        return found
    if url is not None:
        raise IngestError(f"{path}.url" if path else "url", f"unknown LL2 endpoint in {url!r}")
    found = endpoint_of_url(page_url)
    if found:
        return found
    raise IngestError(path, "cannot tell the endpoint (no url); pass --endpoint")
