"""Issued API keys: the keys file (hashes and names), `flightgraph keys`, reloading on change."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest

from gateway.cli import main
from gateway.http.apikeys import (
    ApiKeys,
    KeysFileError,
    add_key,
    hash_key,
    parse_keys,
    read_keys,
    revoke_key,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def keys_cli(path: Path, *args: str) -> int:
    return main(["keys", *args[:1], "--file", str(path), *args[1:]])


def test_the_file_holds_a_sha256_of_the_key_and_its_name_never_the_key(tmp_path: Path) -> None:
    path = tmp_path / "keys"
    key = add_key(path, "mobile-app")
    text = path.read_text()
    assert key not in text
    digest = hashlib.sha256(key.encode()).hexdigest()
    assert f"sha256:{digest} mobile-app\n" in text
    assert len(key) >= 43  # 32 random bytes, URL-safe
    assert re.fullmatch(r"[A-Za-z0-9_-]+", key)


def test_comments_blank_lines_and_unnamed_entries_are_read() -> None:
    one, two = hash_key("one"), hash_key("two")
    text = f"# issued keys\n\n{one} partner  # since May\n  sha256:{two[7:].upper()}\n"
    keys = parse_keys(text)
    assert [(k.digest, k.name) for k in keys] == [(one, "partner"), (two, None)]
    assert keys[1].label == two[:23]  # a fingerprint stands for a missing name


@pytest.mark.parametrize(
    "line",
    [
        "sha256:abc partner",  # not a SHA-256
        "md5:" + "0" * 64 + " partner",
        hash_key("x") + " two words",
        hash_key("x") + " bad/name",
        "the-key-itself",
    ],
)
def test_a_malformed_line_is_refused_with_its_number(line: str) -> None:
    with pytest.raises(KeysFileError, match=r"keys file:2: expected"):
        parse_keys(f"# fine\n{line}\n")


def test_add_refuses_a_taken_or_bad_name(tmp_path: Path) -> None:
    path = tmp_path / "keys"
    add_key(path, "partner")
    with pytest.raises(KeysFileError, match="exists already"):
        add_key(path, "partner")
    with pytest.raises(KeysFileError, match="bad name"):
        add_key(path, "has space")
    assert [k.name for k in read_keys(path)] == ["partner"]


def test_revoke_removes_only_that_name_and_keeps_comments_and_mode(tmp_path: Path) -> None:
    path = tmp_path / "keys"
    add_key(path, "one")
    add_key(path, "two")
    with path.open("a") as keys:
        keys.write("# hand-written note\n")
    os.chmod(path, 0o640)
    assert revoke_key(path, "one") == 1
    assert revoke_key(path, "one") == 0
    assert [k.name for k in read_keys(path)] == ["two"]
    assert "# hand-written note" in path.read_text()
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["keys"]  # no temporary left behind


def test_a_key_is_known_by_its_name_and_an_unknown_one_is_not(tmp_path: Path) -> None:
    path = tmp_path / "keys"
    key = add_key(path, "partner")
    keys = ApiKeys(path)
    assert keys.label_of(key) == "partner"
    assert keys.label_of(key + "x") is None
    assert keys.label_of("") is None


def test_a_missing_file_knows_no_keys_and_a_malformed_one_fails_at_start(
    tmp_path: Path,
) -> None:
    assert ApiKeys(tmp_path / "missing").label_of("anything") is None
    bad = tmp_path / "bad"
    bad.write_text("not a hash\n")
    with pytest.raises(KeysFileError, match="bad:1"):
        ApiKeys(bad)


def test_changes_on_disk_are_picked_up_checking_at_most_once_a_second(tmp_path: Path) -> None:
    path = tmp_path / "keys"
    first = add_key(path, "first")
    clock = Clock()
    keys = ApiKeys(path, clock=clock)
    second = add_key(path, "second")
    revoke_key(path, "first")

    clock.now += 0.5
    assert keys.label_of(second) is None  # not looked at yet: no stat per request
    assert keys.label_of(first) == "first"
    clock.now += 0.6
    assert keys.label_of(second) == "second"
    assert keys.label_of(first) is None


def test_a_change_that_does_not_parse_keeps_the_previous_keys(tmp_path: Path) -> None:
    path = tmp_path / "keys"
    key = add_key(path, "partner")
    clock = Clock()
    keys = ApiKeys(path, clock=clock)
    with path.open("a") as out:
        out.write("half a line\n")
    clock.now += 2
    assert keys.label_of(key) == "partner"


# --- `flightgraph keys`, through the command line's entry point


def test_cli_add_prints_the_key_once_and_list_shows_names_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "etc" / "keys"
    assert keys_cli(path, "add", "partner") == 0
    key = capsys.readouterr().out.strip()
    assert ApiKeys(path).label_of(key) == "partner"

    assert keys_cli(path, "add", "mobile") == 0
    other = capsys.readouterr().out.strip()
    assert other != key

    assert keys_cli(path, "list") == 0
    listed = capsys.readouterr().out
    assert listed.split() == ["partner", "mobile"]
    assert key not in listed and other not in listed


def test_cli_revoke_takes_a_key_away(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "keys"
    keys_cli(path, "add", "partner")
    key = capsys.readouterr().out.strip()
    assert keys_cli(path, "revoke", "partner") == 0
    assert ApiKeys(path).label_of(key) is None
    assert keys_cli(path, "revoke", "partner") == 1
    assert "no key named 'partner'" in capsys.readouterr().err


def test_cli_reads_the_file_from_the_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "keys"
    monkeypatch.setenv("FLIGHTGRAPH_API_KEYS_FILE", str(path))
    assert main(["keys", "add", "partner"]) == 0
    assert [k.name for k in read_keys(path)] == ["partner"]


def test_cli_errors_are_one_line_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("FLIGHTGRAPH_API_KEYS_FILE", raising=False)
    monkeypatch.chdir(tmp_path)  # no .env here
    assert main(["keys", "list"]) == 2
    assert "set FLIGHTGRAPH_API_KEYS_FILE or pass --file" in capsys.readouterr().err

    path = tmp_path / "keys"
    keys_cli(path, "add", "partner")
    assert keys_cli(path, "add", "partner") == 2
    err = capsys.readouterr().err
    assert "exists already" in err
    assert "Traceback" not in err
