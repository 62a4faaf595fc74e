"""LL2 JSON objects → pending rows, merged per (table, id) within a batch.

Merge rules (the same within a batch and against the database):
* a key absent from an object leaves the stored value alone (poorer modes never erase);
* a key present overwrites it, null included;
* an object whose ``last_updated`` is older than the one held is skipped (its own fields,
  links and owned lists; objects embedded in it follow their own rules).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from ingest.errors import IngestError
from ingest.mapping import BadValue, TableMap, _describe, table_map
from ingest.specs import (
    ENDPOINTS,
    LEGACY_ENDPOINTS,
    LEGACY_RENAMES,
    LEGACY_VALUES,
    PRESENTATION_KEYS,
)

_VERSION = re.compile(r"^\d+\.\d+\.\d+$")
_ID_SEGMENT = re.compile(r"^(\d+|[0-9a-fA-F-]{36})$")
CURRENT_VERSION = (2, 3, 0)


@dataclass
class Pending:
    values: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    links: dict[str, list[Any]] = field(default_factory=dict)  # link table -> target ids
    owned: dict[str, list[Any]] = field(default_factory=dict)  # child key -> ids (pruned lists)


@dataclass
class Batch:
    rows: dict[str, dict[Any, Pending]] = field(default_factory=dict)
    records: int = 0

    def put(self, table: str, key: Any, pending: Pending) -> None:
        by_id = self.rows.setdefault(table, {})
        held = by_id.get(key)
        if held is None:
            by_id[key] = pending
            return
        if is_older(pending.values, held.values):
            return
        held.values.update(pending.values)
        held.extra.update(pending.extra)
        held.links.update(pending.links)
        held.owned.update(pending.owned)


def is_older(incoming: dict[str, Any], held: dict[str, Any]) -> bool:
    """Whether ``incoming`` must not overwrite ``held``: it comes from an older API version's
    document (whatever its dates: 2.2.0 renders fields 2.3.0 changed, and many objects have
    no ``last_updated``), or, from the same version, it was last updated earlier."""
    new_version, old_version = incoming.get("api_version"), held.get("api_version")
    if new_version is not None and old_version is not None and new_version != old_version:
        return bool(new_version < old_version)
    new, old = incoming.get("last_updated"), held.get("last_updated")
    return new is not None and old is not None and new < old


def version_code(version: tuple[int, ...]) -> int:
    """An API version as the store's ``api_version`` holds it: (2, 3, 0) is 20300."""
    major, minor, patch = (*version, 0, 0, 0)[:3]
    return major * 10_000 + minor * 100 + patch


@dataclass(frozen=True)
class Endpoint:
    table: str
    version: tuple[int, ...] = CURRENT_VERSION

    @property
    def legacy(self) -> bool:
        """A pre-2.3.0 document: its renamed keys and changed value types are read as such."""
        return self.version < CURRENT_VERSION


def endpoint_of_url(url: Any) -> Endpoint | None:
    """The table and API generation an LL2 URL names, or None if it names none we know."""
    if not isinstance(url, str):
        return None
    segments = [s for s in urlparse(url).path.split("/") if s]
    for index, segment in enumerate(segments):
        if _VERSION.match(segment):
            version = tuple(int(part) for part in segment.split("."))
            rest = segments[index + 1 :]
            if rest and _ID_SEGMENT.match(rest[-1]):
                rest = rest[:-1]
            name = "/".join(rest)
            legacy = version < CURRENT_VERSION
            table = (LEGACY_ENDPOINTS if legacy else ENDPOINTS).get(name) or ENDPOINTS.get(name)
            return Endpoint(table, version) if table else None
    return None


class WalkMemo:
    """Objects already walked: an occurrence equal to one of them adds nothing.

    Shared objects (agencies, images, statuses…) repeat in nearly every record. Comparing
    dicts runs in C and costs far less than walking, fetching and comparing rows again, so
    an equal occurrence is skipped with its whole subtree. Entries are staged per file and
    kept only when the file commits, so a rolled-back file leaves nothing behind. A memo
    lives for one ingest run: it assumes no one else rewrites those rows meanwhile.
    """

    def __init__(self) -> None:
        self._kept: dict[tuple[Any, ...], tuple[Any, Any]] = {}
        self._staged: dict[tuple[Any, ...], tuple[Any, Any]] = {}

    def get(self, memo: tuple[Any, ...], obj: dict[str, Any]) -> Any:
        held = self._staged.get(memo) or self._kept.get(memo)
        if held is not None and held[0] == obj:
            return held[1]
        return None

    def put(self, memo: tuple[Any, ...], obj: dict[str, Any], key: Any) -> None:
        self._staged[memo] = (obj, key)

    def commit(self) -> None:
        self._kept.update(self._staged)
        self._staged.clear()

    def rollback(self) -> None:
        self._staged.clear()


class Normaliser:
    """Walks one root object and everything nested in it into a Batch."""

    def __init__(self, batch: Batch, memo: WalkMemo | None = None) -> None:
        self.batch = batch
        self.memo = memo if memo is not None else WalkMemo()
        self.version = version_code(CURRENT_VERSION)

    def add(self, obj: Any, table: str, path: str, version: tuple[int, ...]) -> Any:
        """Walk one root object of an LL2 document of API ``version``."""
        self.version = version_code(version)
        return self._object(obj, table, path, (), version < CURRENT_VERSION, {})

    def _object(
        self,
        obj: Any,
        table: str,
        path: str,
        ancestry: tuple[tuple[str, Any], ...],
        legacy: bool,
        implied: dict[str, Any],
    ) -> Any:
        if not isinstance(obj, dict):
            raise IngestError(path, f"expected object, got {_describe(obj)}")
        memo = (table, obj.get("id"), self.version, *implied.items()) if "id" in obj else None
        if memo is not None:
            known = self.memo.get(memo, obj)
            if known is not None:
                return known
        tm = table_map(table)
        if legacy and table in LEGACY_RENAMES:
            renames = LEGACY_RENAMES[table]
            obj = {renames.get(k, k): v for k, v in obj.items()}
        if legacy and table in LEGACY_VALUES:
            obj = _as_current(obj, LEGACY_VALUES[table])
        if obj.get("id") is None:
            raise IngestError(path, f"object has no id (expected a {table} object)")
        try:
            key = tm.convert_id(obj["id"])
        except BadValue as error:
            raise IngestError(_join(path, "id"), str(error)) from None
        pending = Pending(values={**implied, "api_version": self.version})
        values = pending.values
        lineage = (*ancestry, (table, key))
        verbatim = tm.verbatim
        for name, value in obj.items():
            # Hot path: most values are plain scalars already of their column's type.
            if (value is None and name in tm.scalars) or verbatim.get(name) is type(value):
                values[name] = value
                continue
            if name == "id" or name in PRESENTATION_KEYS:
                continue
            try:
                self._field(tm, pending, name, value, _join(path, name), lineage, legacy)
            except BadValue as error:
                if not legacy:
                    raise IngestError(_join(path, name), str(error)) from None
                # Pre-2.3.0 shapes the changelog does not map are kept, not guessed at.
                pending.extra[name] = value
        self.batch.put(table, key, pending)
        if memo is not None:
            self.memo.put(memo, obj, key)
        return key

    def _field(
        self,
        tm: TableMap,
        pending: Pending,
        name: str,
        value: Any,
        path: str,
        lineage: tuple[tuple[str, Any], ...],
        legacy: bool,
    ) -> None:
        if name in tm.scalars:
            pending.values[name] = None if value is None else tm.scalars[name](value)
        elif name in tm.refs:
            column, target = tm.refs[name]
            if value is not None and not isinstance(value, dict):
                raise BadValue(f"expected object or null, got {_describe(value)}")
            pending.values[column] = (
                None if value is None else self._object(value, target, path, lineage, legacy, {})
            )
        elif name in tm.links:
            link = tm.links[name]
            target = link.info["link"]["target"]
            items = self._items(value, legacy)
            pending.links[link.name] = [
                self._object(item, target, f"{path}[{i}]", lineage, legacy, {})
                for i, item in enumerate(items)
            ]
        elif name in tm.children:
            child = tm.children[name]
            implied = {**_backrefs(child.backrefs, lineage), **child.consts}
            if child.single:
                if value is None:
                    ids = []
                elif isinstance(value, dict):
                    ids = [self._object(value, child.table, path, lineage, legacy, implied)]
                else:
                    raise BadValue(f"expected object or null, got {_describe(value)}")
            else:
                # Where the child table keeps list order, each row gets its place in the list.
                placed = "position" in table_map(child.table).table.c
                ids = [
                    self._object(
                        item,
                        child.table,
                        f"{path}[{i}]",
                        lineage,
                        legacy,
                        {**implied, "position": i} if placed else implied,
                    )
                    for i, item in enumerate(self._items(value, legacy))
                ]
            if child.prune:
                pending.owned[name] = ids
        else:
            pending.extra[name] = value

    @staticmethod
    def _items(value: Any, legacy: bool) -> list[Any]:
        if value is None:
            return []
        if isinstance(value, list):
            return value
        if legacy and isinstance(value, dict):
            return [value]  # 2.2.0 had single objects where 2.3.0 has lists
        raise BadValue(f"expected array, got {_describe(value)}")


def _as_current(obj: dict[str, Any], readers: Any) -> dict[str, Any]:
    """A pre-2.3.0 object with the strings 2.3.0 turned into numbers or objects read as
    2.3.0 gives them (a string no reader takes is left as it is: it goes to ``extra``)."""
    read = dict(obj)
    for name, reader in readers.items():
        value = obj.get(name)
        if isinstance(value, str):
            with contextlib.suppress(ValueError, KeyError):
                read[name] = reader(value)
    return read


def _backrefs(
    backrefs: dict[str, str] | Any, lineage: tuple[tuple[str, Any], ...]
) -> dict[str, Any]:
    implied: dict[str, Any] = {}
    for column, ancestor in backrefs.items():
        if not ancestor:
            implied[column] = lineage[-1][1]
            continue
        for table, key in reversed(lineage):
            if table == ancestor:
                implied[column] = key
                break
    return implied


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
