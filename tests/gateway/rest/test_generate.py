"""``schema/rest/`` is what ``python -m gateway.rest.generate`` writes from LL2's OpenAPI."""

from __future__ import annotations

from gateway.rest.generate import OUT, SPEC_JSON, SPEC_YAML, generate
from tests.conftest import shared_file


def test_the_mode_documents_are_up_to_date() -> None:
    files = generate(shared_file(SPEC_JSON), shared_file(SPEC_YAML))
    stale = [name for name, text in files.items() if (OUT / name).read_text() != text]
    on_disk = {p.relative_to(OUT).as_posix() for p in OUT.rglob("*") if p.is_file()}
    assert not stale, f"regenerate: python -m gateway.rest.generate ({stale[:5]})"
    assert on_disk == set(files)
    assert "spacecraft_flights.detailed.graphql" in files
    assert "response_mode__detailed: __typename" in files["fragments/Flight.graphql"]
