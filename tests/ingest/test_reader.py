"""Both parsing paths (whole-file orjson, streamed ijson) yield the same records."""

import io
import json

import pytest

from ingest import reader
from ingest.errors import IngestError
from ingest.reader import iter_records

LAYOUTS = {
    "object": {"id": 1, "name": "Ünïcode ‘quotes’ <b>html</b>"},
    "array": [{"id": 1}, {"id": 2, "nested": [1, {"x": 2.5}]}],
    "envelope": {
        "count": 2,
        "next": "https://ll.thespacedevs.com/2.3.0/launches/?offset=2",
        "previous": None,
        "results": [{"id": 1}, {"id": 2}],
    },
}


def records(data: bytes, streamed: bool) -> list[tuple[str, object, str | None]]:
    size = None if streamed else len(data)
    return [(r.path, r.value, r.page_url) for r in iter_records(io.BytesIO(data), size)]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_streamed_and_whole_file_parsing_agree(layout: str) -> None:
    data = json.dumps(LAYOUTS[layout]).encode()
    whole = records(data, streamed=False)
    assert whole == records(data, streamed=True)
    assert whole and all(isinstance(value, dict) for _, value, _ in whole)


def test_envelope_records_carry_their_path_and_page_url() -> None:
    data = json.dumps(LAYOUTS["envelope"]).encode()
    assert [(p, u) for p, _, u in records(data, streamed=True)] == [
        ("results[0]", LAYOUTS["envelope"]["next"]),
        ("results[1]", LAYOUTS["envelope"]["next"]),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "invalid JSON"),
        (b"42", "expected a JSON object or array"),
        (b'{"count": 1, "results": {"id": 1}}', "results: expected an array"),
        (b'{"count": 2, "results": [{"id": 1}, {"id": 2', "results[1]: invalid JSON"),
        (b'[{"id": 1}] trailing', "[1]: invalid JSON"),
    ],
)
@pytest.mark.parametrize("streamed", [False, True])
def test_bad_json_is_located(data: bytes, message: str, streamed: bool) -> None:
    with pytest.raises(IngestError) as caught:
        records(data, streamed)
    assert str(caught.value).startswith(message) or message in str(caught.value)


def test_large_files_are_streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_data: bytes) -> None:
        raise AssertionError("a file over the limit must not be parsed whole")

    monkeypatch.setattr(reader, "WHOLE_FILE_LIMIT", 10)
    monkeypatch.setattr(reader.orjson, "loads", refuse)
    data = json.dumps(LAYOUTS["array"]).encode()
    assert len(records(data, streamed=False)) == 2
