"""What `flightgraph sync` shows while it runs: pages, records, throttle waits, ETA."""

from __future__ import annotations

from collections.abc import Sequence
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TimeRemainingColumn
from rich.table import Table

from ingest.sync import EndpointReport


class SyncView:
    def __init__(self, console: Console) -> None:
        self.progress = Progress(
            "{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            "{task.fields[records]} records",
            TimeRemainingColumn(),
            console=console,
            disable=not console.is_terminal,
        )
        self.tasks: dict[str, TaskID] = {}

    def __enter__(self) -> SyncView:
        self.progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.progress.stop()

    def update(self, report: EndpointReport) -> None:
        pages = -(-report.total // 100) if report.total else None
        if report.endpoint not in self.tasks:
            self.tasks[report.endpoint] = self.progress.add_task(
                report.endpoint, total=pages, records=0
            )
        self.progress.update(
            self.tasks[report.endpoint],
            total=pages,
            completed=report.pages + len(report.bad_pages),
            records=report.records,
        )

    @staticmethod
    def summary(console: Console, reports: Sequence[EndpointReport]) -> None:
        table = Table(title="sync")
        for heading in ("endpoint", "mode", "pages", "records", "bad pages"):
            table.add_column(
                heading, justify="left" if heading in ("endpoint", "mode") else "right"
            )
        for r in reports:
            table.add_row(r.endpoint, r.mode, str(r.pages), str(r.records), str(len(r.bad_pages)))
        console.print(table)
