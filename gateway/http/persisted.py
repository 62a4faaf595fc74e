"""Automatic persisted queries (Apollo's protocol) and trusted documents.

APQ: a client sends ``extensions.persistedQuery.sha256Hash`` without the query; an unknown
hash answers ``PERSISTED_QUERY_NOT_FOUND`` and the client repeats the request with the
query, which registers it (after checking the hash). The store is an in-memory LRU bounded
by entries and bytes, or Redis when ``REDIS_URL`` is set, so that every replica knows what
any one has learnt. Only a document within the size cap that parses within the token limit
and passes the structural limits is kept; any other still runs, and gets its usual errors.

Trusted documents: a manifest (hash → document) loaded at start. With
``trusted_documents_only`` nothing else runs — neither unknown hashes nor free text that is
not, character for character, one of the manifest's documents — and APQ registration is off.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, Protocol

from gateway.http.errors import HttpError
from gateway.http.params import Operation
from gateway.observe import record
from schema.guards import Guards, Limits
from schema.guards.budget import BoundedLru, text_bytes

NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
NOT_IN_LIST = "PERSISTED_QUERY_NOT_IN_LIST"
SHA256 = re.compile(r"^[0-9a-f]{64}$")
STORE_BYTES = 32_000_000  # the default of the apq_max_bytes setting
DOCUMENT_BYTES = 262_144  # the default of max_body_bytes: no larger document is kept


class PersistedQueryError(Exception):
    """A request error (no execution) with a code clients branch on."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class DocumentStore(Protocol):
    async def get(self, sha256: str) -> str | None: ...

    async def put(self, sha256: str, query: str) -> None: ...

    async def aclose(self) -> None: ...


class MemoryStore:
    """A bounded LRU: the least recently used queries go when more than ``size`` are kept
    or their text passes ``max_bytes``."""

    def __init__(self, size: int, max_bytes: int = STORE_BYTES) -> None:
        self.queries: BoundedLru[str, str] = BoundedLru(size, max_bytes)

    async def get(self, sha256: str) -> str | None:
        return self.queries.get(sha256)

    async def put(self, sha256: str, query: str) -> None:
        self.queries.put(sha256, query, text_bytes(sha256, query))

    async def aclose(self) -> None:
        pass


class RedisStore:
    """Shared by every replica, and bounded like :class:`MemoryStore`: at most ``size``
    documents and ``max_bytes`` of them (the same :func:`text_bytes` estimate), the least
    recently used going first; an entry also expires ``ttl`` seconds after its last use.

    The bound is kept by the store itself, not by Redis's ``maxmemory``: the same Redis holds
    the rate limits and the change feed, which an LRU policy would evict too. Beside the
    documents, a sorted set ranks their hashes by last use (a counter kept in Redis, so every
    replica ranks alike) and a hash holds their sizes; the scripts below change all of these
    at once. (For one Redis server: a script evicts keys it is not given in KEYS, which Redis
    Cluster would refuse.)
    """

    NAMESPACE = "flightgraph"

    GET = """
    local query = redis.call('GETEX', KEYS[1], 'EX', ARGV[1])
    if query then
        redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[5]), ARGV[2])
        for i = 2, 5 do redis.call('EXPIRE', KEYS[i], ARGV[1]) end
    end
    return query
    """
    # KEYS: the document, the index, the sizes, the total, the clock.
    # ARGV: text, ttl, hash, size, max bytes, max entries, the documents' key prefix.
    PUT = """
    redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
    redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[5]), ARGV[3])
    local before = tonumber(redis.call('HGET', KEYS[3], ARGV[3]) or '0')
    redis.call('HSET', KEYS[3], ARGV[3], ARGV[4])
    local total = redis.call('INCRBY', KEYS[4], tonumber(ARGV[4]) - before)
    while total > tonumber(ARGV[5]) or redis.call('ZCARD', KEYS[2]) > tonumber(ARGV[6]) do
        local oldest = redis.call('ZPOPMIN', KEYS[2])
        if #oldest == 0 then break end
        redis.call('DEL', ARGV[7] .. oldest[1])
        local size = tonumber(redis.call('HGET', KEYS[3], oldest[1]) or '0')
        redis.call('HDEL', KEYS[3], oldest[1])
        total = redis.call('DECRBY', KEYS[4], size)
    end
    for i = 2, 5 do redis.call('EXPIRE', KEYS[i], ARGV[2]) end
    return total
    """

    def __init__(
        self,
        url: str,
        ttl: int,
        size: int = 10_000,
        max_bytes: int = STORE_BYTES,
        namespace: str = NAMESPACE,
    ) -> None:
        import redis.asyncio as redis

        self.prefix = f"{namespace}:apq:"  # + hash: the document
        self.index = f"{namespace}:apq-index"  # sorted set: hash -> last use
        self.sizes = f"{namespace}:apq-sizes"  # hash: hash -> bytes
        self.total = f"{namespace}:apq-bytes"  # the sizes' sum
        self.clock = f"{namespace}:apq-clock"  # counts uses: the order, on every replica
        self.client = redis.Redis.from_url(url, decode_responses=True)
        self.ttl = ttl
        self.size = size
        self.max_bytes = max_bytes
        self._get = self.client.register_script(self.GET)
        self._put = self.client.register_script(self.PUT)

    def _keys(self, sha256: str) -> list[str]:
        return [self.prefix + sha256, self.index, self.sizes, self.total, self.clock]

    async def get(self, sha256: str) -> str | None:
        return await self._get(keys=self._keys(sha256), args=[self.ttl, sha256])

    async def put(self, sha256: str, query: str) -> None:
        size = text_bytes(sha256, query)
        args = [query, self.ttl, sha256, size, self.max_bytes, self.size, self.prefix]
        await self._put(keys=self._keys(sha256), args=args)

    async def kept_bytes(self) -> int:
        """The documents' bytes as the store counts them."""
        return int(await self.client.get(self.total) or 0)

    async def aclose(self) -> None:
        await self.client.aclose()


def sha256_of(query: str) -> str:
    return hashlib.sha256(query.encode()).hexdigest()


def load_manifest(path: Path) -> dict[str, str]:
    """hash → document, from Apollo's persisted query manifest or a plain JSON object.

    Every document is also filed under its own SHA-256, so clients hashing the text (APQ
    links) find it whatever ids the manifest uses.
    """
    raw = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(raw, dict) and raw.get("format") == "apollo-persisted-query-manifest":
        pairs = [(op["id"], op["body"]) for op in raw.get("operations", [])]
    elif isinstance(raw, dict) and all(isinstance(v, str) for v in raw.values()):
        pairs = list(raw.items())
    else:
        raise ValueError(f"{path}: not a trusted documents manifest (hash -> document)")
    documents: dict[str, str] = {}
    for key, body in pairs:
        documents[str(key).removeprefix("sha256:")] = body
        documents[sha256_of(body)] = body
    return documents


class PersistedQueries:
    """Turns an :class:`Operation` into the document to run, or refuses it.

    ``guards`` (the served schema's, whose parse cache the registration then shares) say
    which documents may be registered; ``max_document_bytes`` caps their UTF-8 size.
    """

    def __init__(
        self,
        store: DocumentStore,
        trusted: dict[str, str] | None = None,
        only: bool = False,
        *,
        guards: Guards | None = None,
        max_document_bytes: int = DOCUMENT_BYTES,
    ) -> None:
        self.store = store
        self.trusted = trusted or {}
        self.trusted_texts = frozenset(self.trusted.values())
        self.only = only
        # Without the schema's guards, checked with the default limits and nothing cached.
        self.guards = guards or Guards(Limits(), max_bytes=0)
        self.max_document_bytes = max_document_bytes

    async def document(self, operation: Operation) -> str | None:
        sha256 = self._requested_hash(operation)
        query = operation.query
        if sha256 is not None and sha256 in self.trusted:
            listed = self.trusted[sha256]
            if query is not None and query != listed:
                raise HttpError(400, "the query does not match its hash", "BAD_REQUEST")
            return listed
        if self.only:
            if query is not None and query in self.trusted_texts:
                return query
            raise PersistedQueryError(
                "This endpoint runs trusted documents only, and this one is not in its "
                "manifest: send a listed document (or its hash).",
                NOT_IN_LIST,
            )
        if sha256 is None:
            return query
        if query is None:
            found = await self.store.get(sha256)
            if found is None:
                record.note_persisted(record.MISS)
                raise PersistedQueryError("PersistedQueryNotFound", NOT_FOUND)
            record.note_persisted(record.HIT)
            return found
        encoded = query.encode()
        if hashlib.sha256(encoded).hexdigest() != sha256:
            raise HttpError(400, "provided sha does not match query", "BAD_REQUEST")
        # Kept only if it could run: anything else runs unkept and gets its usual errors.
        if len(encoded) <= self.max_document_bytes and self.guards.admits(query):
            await self.store.put(sha256, query)
            record.note_persisted(record.REGISTERED)
        return query

    @staticmethod
    def _requested_hash(operation: Operation) -> str | None:
        persisted: Any = (operation.extensions or {}).get("persistedQuery")
        if persisted is not None:
            if not isinstance(persisted, dict) or persisted.get("version") != 1:
                raise HttpError(400, "persistedQuery: only version 1 is supported")
            sha256 = persisted.get("sha256Hash")
            if not isinstance(sha256, str) or not SHA256.match(sha256.lower()):
                raise HttpError(400, "persistedQuery.sha256Hash must be a hex SHA-256")
            return sha256.lower()
        if operation.document_id is not None:
            return operation.document_id.removeprefix("sha256:").lower()
        return None
