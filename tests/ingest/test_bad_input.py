"""Bad input: a clear error naming the JSON path, and nothing of the file in the database."""

import json
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from ingest.files import BATCH_RECORDS, ingest_file
from tests.ingest.helpers import dump, seed, seed_variant, write_page


def wrong_type(tmp: Path) -> Path:
    flights = [seed_variant(i) for i in range(5)]
    flights[3]["launch"]["pad"]["latitude"] = "abc"
    return write_page(tmp / "wrong_type.json", flights)


def no_id(tmp: Path) -> Path:
    flights = [seed_variant(i) for i in range(3)]
    del flights[1]["spacecraft"]["id"]
    return write_page(tmp / "no_id.json", flights)


def invalid_json(tmp: Path) -> Path:
    path = tmp / "invalid.json"
    text = json.dumps({"count": 2, "results": [seed_variant(0), seed_variant(1)]})
    path.write_text(text.replace('"destination"', '"destination",,', 1))
    return path


def truncated(tmp: Path) -> Path:
    # More records than one write batch, so rows were already sent when the cut is found.
    flights = [seed_variant(i) for i in range(BATCH_RECORDS + 50)]
    text = json.dumps({"count": len(flights), "results": flights})
    path = tmp / "truncated.json"
    path.write_text(text[: len(text) - 2000])
    return path


def unknown_endpoint(tmp: Path) -> Path:
    flight = seed_variant(0)
    flight["url"] = "https://ll.thespacedevs.com/2.3.0/widgets/900000/"
    return write_page(tmp / "unknown_endpoint.json", [flight])


def wrong_list(tmp: Path) -> Path:
    flight = seed_variant(0)
    flight["launch_crew"] = {"id": 1}
    return write_page(tmp / "wrong_list.json", [flight])


CASES = [
    (wrong_type, 'results[3].launch.pad.latitude: expected number, got "abc"'),
    (no_id, "results[1].spacecraft: object has no id"),
    (invalid_json, "results[0]: invalid JSON"),
    (truncated, f"results[{BATCH_RECORDS + 49}]: invalid JSON"),
    (unknown_endpoint, "results[0].url: unknown LL2 endpoint"),
    (wrong_list, "results[0].launch_crew: expected array"),
]


@pytest.mark.parametrize(("make", "message"), CASES, ids=[c[0].__name__ for c in CASES])
async def test_bad_input_names_the_path_and_leaves_the_database_as_it_was(
    engine: AsyncEngine, tmp_path: Path, make, message: str
) -> None:
    assert (await ingest_file(engine, write_page(tmp_path / "seed.json", [seed()]))).ok
    before = await dump(engine)

    result = await ingest_file(engine, make(tmp_path))

    assert not result.ok
    assert result.error is not None and result.error.startswith(message), result.error
    assert await dump(engine) == before


async def test_a_missing_file_is_an_error_not_a_crash(engine: AsyncEngine, tmp_path: Path) -> None:
    result = await ingest_file(engine, tmp_path / "nope.json")
    assert not result.ok and "cannot read" in (result.error or "")
