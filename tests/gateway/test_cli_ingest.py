"""`flightgraph ingest` / `db`: exit codes, messages naming file and path, --fail-fast."""

import asyncio
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from gateway.cli import main
from store.engine import create_engine
from store.migrate import head_revision
from store.tables import metadata
from tests.ingest.helpers import seed_variant, write_page


def count(url: str, table: str) -> int:
    async def run() -> int:
        engine = create_engine(url)
        try:
            async with engine.connect() as conn:
                return await conn.scalar(select(func.count()).select_from(metadata.tables[table]))
        finally:
            await engine.dispose()

    return asyncio.run(run())


def bad_file(tmp: Path) -> Path:
    flights = [seed_variant(i) for i in range(5)]
    flights[3]["launch"]["pad"]["latitude"] = "abc"
    return write_page(tmp / "bad.json", flights)


def test_good_files_go_in_and_a_bad_one_is_reported_with_its_path(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good_a = write_page(tmp_path / "a.json", [seed_variant(10)])
    good_b = write_page(tmp_path / "b.json", [seed_variant(11), seed_variant(12)])
    bad = bad_file(tmp_path)

    status = main(["--database-url", database_url, "ingest", str(good_a), str(bad), str(good_b)])

    assert status == 1
    stderr = capsys.readouterr().err
    assert f'{bad}: results[3].launch.pad.latitude: expected number, got "abc"' in stderr
    assert "Traceback" not in stderr
    assert count(database_url, "spacecraft_flights") == 3


def test_fail_fast_stops_at_the_first_bad_file(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = bad_file(tmp_path)
    good = write_page(tmp_path / "z.json", [seed_variant(20)])
    status = main(["--database-url", database_url, "ingest", "--fail-fast", str(bad), str(good)])
    assert status == 1
    assert count(database_url, "spacecraft_flights") == 0


def test_an_unknown_endpoint_option_exits_2_naming_it(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write_page(tmp_path / "a.json", [seed_variant(1)])
    status = main(["--database-url", database_url, "ingest", "--endpoint", "widgets", str(good)])
    assert status == 2
    assert "unknown endpoint 'widgets'" in capsys.readouterr().err


def test_endpoint_option_routes_objects_without_url(database_url: str, tmp_path: Path) -> None:
    body = {"id": 9, "name": "Ceres", "type": {"id": 4, "name": "Dwarf planet"}, "image": None}
    path = tmp_path / "ceres.json"
    path.write_text(json.dumps([body]))
    assert main(["--database-url", database_url, "ingest", str(path)]) == 1
    assert (
        main(
            ["--database-url", database_url, "ingest", "--endpoint", "celestial_bodies", str(path)]
        )
        == 0
    )
    assert count(database_url, "celestial_bodies") == 1


def test_folders_are_walked_and_db_upgrade_reports_the_revision(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(3):
        write_page(folder / f"p{i}.json", [seed_variant(30 + i)])
    assert main(["--database-url", database_url, "db", "upgrade"]) == 0
    assert f"revision: {head_revision()}" in capsys.readouterr().out
    assert main(["--database-url", database_url, "ingest", str(folder)]) == 0
    assert count(database_url, "spacecraft_flights") == 3
