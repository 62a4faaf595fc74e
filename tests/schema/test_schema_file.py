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


def test_flightgraph_export_schema_prints_schema_graphql() -> None:
    command = [sys.executable, "-m", "gateway.cli", "export-schema"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout == SCHEMA_FILE.read_text()


def test_the_cli_help_builds_no_schema_and_opens_no_database() -> None:
    """`flightgraph --help` (and every command's) imports only what parsing needs: no
    schema, web framework or database driver (what made it take seconds)."""
    probe = (
        "import sys, contextlib, io\n"
        "from gateway.cli import main\n"
        "for argv in (['--help'], ['ingest', '--help'], ['serve', '--help']):\n"
        "    with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "        main(argv)\n"
        "heavy = ('schema.graph', 'strawberry', 'starlette', 'sqlalchemy', 'rich', 'uvicorn')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m in heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]", result.stdout[:500]
