"""SIGKILL half-way through a large file leaves nothing of it; re-running completes it."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from ingest.demo_data import iter_flights
from ingest.reader import WHOLE_FILE_LIMIT
from tests.gateway.test_cli_ingest import count

FLIGHTS = 2500


def big_file(path: Path) -> Path:
    with path.open("wb") as out:
        out.write(b'{"count": %d, "next": null, "previous": null, "results": [' % FLIGHTS)
        for index, flight in enumerate(iter_flights(FLIGHTS, seed=11)):
            out.write((b"," if index else b"") + orjson.dumps(flight))
        out.write(b"]}")
    assert path.stat().st_size > WHOLE_FILE_LIMIT  # the streamed path, as for a 1 GB input
    return path


def read_offset(pid: int, path: Path) -> int | None:
    """How far the process has read into ``path`` (Linux /proc), or None if not open."""
    fd_dir = Path(f"/proc/{pid}/fd")
    try:
        for fd in fd_dir.iterdir():
            if os.readlink(fd) == str(path):
                info = Path(f"/proc/{pid}/fdinfo/{fd.name}").read_text()
                return int(info.split("pos:")[1].split()[0])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    return None


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/fdinfo").exists(), reason="needs Linux /proc")
def test_sigkill_mid_file_leaves_nothing_and_a_rerun_completes(
    database_url: str, tmp_path: Path
) -> None:
    source = big_file(tmp_path / "big.json")
    size = source.stat().st_size
    command = [sys.executable, "-m", "gateway.cli", "--database-url", database_url]
    subprocess.run([*command, "db", "upgrade"], check=True, capture_output=True)

    process = subprocess.Popen([*command, "ingest", str(source)], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    killed_at = None
    while time.monotonic() < deadline and process.poll() is None:
        offset = read_offset(process.pid, source)
        if offset is not None and offset > size * 0.4:
            process.send_signal(signal.SIGKILL)
            killed_at = offset
            break
        time.sleep(0.005)
    process.wait(timeout=30)
    assert killed_at is not None, "the ingest finished before it could be killed"
    assert process.returncode == -signal.SIGKILL

    assert count(database_url, "spacecraft_flights") == 0
    assert count(database_url, "launches") == 0

    rerun = subprocess.run([*command, "ingest", str(source)], capture_output=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert count(database_url, "spacecraft_flights") == FLIGHTS
