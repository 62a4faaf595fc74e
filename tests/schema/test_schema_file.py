"""``schema.graphql`` at the repository root is the schema's SDL, regenerated on every change."""

from __future__ import annotations

import difflib
import subprocess
import sys
from pathlib import Path

from schema.export import REGENERATE, sdl

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "schema.graphql"


def test_schema_graphql_is_up_to_date() -> None:
    generated = sdl()
    committed = SCHEMA_FILE.read_text() if SCHEMA_FILE.exists() else ""
    if committed != generated:
        diff = difflib.unified_diff(
            committed.splitlines(keepends=True),
            generated.splitlines(keepends=True),
            "schema.graphql (committed)",
            "schema.graphql (generated)",
        )
        shown = "".join(list(diff)[:60])
        raise AssertionError(f"schema.graphql is stale: run `{REGENERATE}`\n{shown}")


def test_the_export_command_prints_the_sdl() -> None:
    command = [sys.executable, "-m", "schema.export"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout == sdl()
    assert result.stdout.startswith(('"""', "type", "interface", "scalar", "schema", "enum"))
