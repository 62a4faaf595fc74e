"""Issued API keys: a file of key hashes with names, and the lookup of ``X-API-Key``.

One entry a line, ``sha256:<hex of the key> <name>`` (the name is optional), ``#`` starts a
comment. The file holds hashes only: the key itself is shown once, when it is issued
(``flightgraph keys add NAME``). A plain SHA-256, not a slow password hash, is enough: keys are
256-bit random tokens, which no dictionary or brute force can reverse, and a fast hash keeps
the check per request cheap.

The server reads the file at start and again when it changes on disk (checked at most once
a second), so ``keys add`` / ``keys revoke`` take effect on running replicas that share it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import secrets
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("flightgraph.apikeys")

PREFIX = "sha256:"
DIGEST = re.compile(r"^sha256:[0-9a-f]{64}$")
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
RELOAD_EVERY = 1.0  # seconds between checks of the file's mtime
HEADER = "# flightgraph API keys: sha256:<hash of the key> <name> (see `flightgraph keys`)\n"


class KeysFileError(ValueError):
    """The keys file is malformed, or a ``keys`` command cannot do what it was asked."""


@dataclass(frozen=True)
class IssuedKey:
    digest: str  # "sha256:<hex>"
    name: str | None

    @property
    def label(self) -> str:
        """What identifies the key's holder (its rate-limit bucket, logs): the name, else a
        fingerprint (a prefix of the hash, never the key)."""
        return self.name or self.digest[: len(PREFIX) + 16]


def new_key() -> str:
    """A fresh key: 32 random bytes, URL-safe (43 characters)."""
    return secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    return PREFIX + hashlib.sha256(key.encode()).hexdigest()


def parse_keys(text: str, source: str = "keys file") -> list[IssuedKey]:
    keys = []
    for number, line in enumerate(text.splitlines(), 1):
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        digest, name = fields[0].lower(), fields[1] if len(fields) > 1 else None
        if not DIGEST.match(digest) or len(fields) > 2 or (name and not NAME.match(name)):
            raise KeysFileError(
                f"{source}:{number}: expected 'sha256:<64 hex digits> [name]', got {line!r}"
            )
        keys.append(IssuedKey(digest, name))
    return keys


def read_keys(path: Path) -> list[IssuedKey]:
    """The keys in ``path``; none when it does not exist (yet)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return parse_keys(text, str(path))


def add_key(path: Path, name: str) -> str:
    """Issue a key named ``name``: append its hash to ``path`` and return the key (the only
    time it is seen)."""
    if not NAME.match(name):
        raise KeysFileError(
            f"bad name {name!r}: use letters, digits and . _ @ - (at most 64, no spaces)"
        )
    if any(issued.name == name for issued in read_keys(path)):
        raise KeysFileError(f"a key named {name!r} exists already (revoke it first)")
    key = new_key()
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = not path.exists() or path.stat().st_size == 0
    with path.open("a", encoding="utf-8") as keys:
        keys.write((HEADER if fresh else "") + f"{hash_key(key)} {name}\n")
    return key


def revoke_key(path: Path, name: str) -> int:
    """Remove the keys named ``name`` from ``path``; returns how many there were."""
    if not path.exists():
        return 0
    read_keys(path)  # refuse to rewrite a file that does not parse
    kept, removed = [], 0
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        fields = line.split("#", 1)[0].split()
        if len(fields) == 2 and fields[1] == name:
            removed += 1
        else:
            kept.append(line)
    if removed:
        _replace(path, "".join(kept))
    return removed


def _replace(path: Path, text: str) -> None:
    # Write aside, then rename: a server re-reading the file never sees half of it.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


class ApiKeys:
    """The issued keys of one file, for checking ``X-API-Key`` on every request.

    Read at construction (a malformed file raises :class:`KeysFileError`; a missing one is
    empty, so every key is refused until ``keys add`` creates it). Re-read when the file
    changes; a change that does not parse is logged and the previous keys stay in force.
    """

    def __init__(self, path: Path, clock: Callable[[], float] = time.monotonic) -> None:
        self.path = path
        self.clock = clock
        self.checked_at = clock()
        self.version = self._version()
        self.names = self._index(read_keys(path))
        if not path.exists():
            log.warning("API keys file %s does not exist: every X-API-Key is refused", path)

    def label_of(self, key: str) -> str | None:
        """The holder's label for an issued ``key``; None for a key that was not issued."""
        self._reload_if_changed()
        # A dict lookup of the hash, not a constant-time comparison: timing can only tell
        # an attacker about hashes of keys they chose, not about an issued key.
        return self.names.get(hash_key(key))

    def _reload_if_changed(self) -> None:
        now = self.clock()
        if now - self.checked_at < RELOAD_EVERY:
            return
        self.checked_at = now
        version = self._version()
        if version == self.version:
            return
        try:
            names = self._index(read_keys(self.path))
        except (OSError, KeysFileError) as error:
            log.error("API keys file not reloaded, the previous keys stay: %s", error)
            return
        self.version, self.names = version, names
        log.info("API keys reloaded from %s: %d key(s)", self.path, len(names))

    def _version(self) -> tuple[int, int, int] | None:
        try:
            status = self.path.stat()
        except OSError:  # missing or unreadable: reading it says which, and what to do
            return None
        return (status.st_ino, status.st_mtime_ns, status.st_size)

    @staticmethod
    def _index(keys: list[IssuedKey]) -> dict[str, str]:
        return {issued.digest: issued.label for issued in keys}
