"""The WebSocket face of /graphql: what one client may do over graphql-transport-ws.

Strawberry's handler serves the protocol; :class:`WebSocketGuard` wraps it at the ASGI
level and works on the protocol's messages, so the limits hold whatever the handler does
inside:

- a message larger than ``max_message_bytes`` closes the socket with 1009, unparsed;
- an invalid message closes it with 4400 and the reason (``ws_messages.problem``);
- at most ``max_operations`` operations run at once; one more gets an ``error`` message
  (TOO_MANY_OPERATIONS) — not a close, which would end the client's other operations too;
- each ``subscribe`` takes a token from the client's rate-limit bucket, the one its HTTP
  requests take from; an empty bucket answers with an ``error`` (RATE_LIMITED, retryAfter);
- a query or mutation gets ``execution_timeout``, as over HTTP: past it, an ``error``
  (TIMEOUT), and the handler cancels it. A subscription is not timed as a whole (it is meant
  to last), but each of its events is: past ``execution_timeout`` that event arrives as a
  TIMEOUT error and the next one still comes (``schema.event_deadline``);
- a refusal before execution reaches the client as an ``error`` message, which Strawberry
  sends for a subscription's cost refusal as a ``next`` (``ws_messages.is_refusal``);
- at most ``max_connections_per_client`` sockets are open per client, in this process.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.extensions import SchemaExtension

from gateway.context import Context
from gateway.http import ws_messages
from gateway.http.ws_messages import PROTOCOL
from gateway.observe import record
from schema.guards import TIMEOUT

if TYPE_CHECKING:  # settings import this package for its mixin: no cycle at runtime
    from gateway.http.ratelimit import MemoryBuckets, RedisBuckets
    from gateway.settings import Settings

MESSAGE_TOO_BIG = 1009
TRY_AGAIN_LATER = 1013
BAD_REQUEST = 4400
DUPLICATE_ID = 4409
RATE_LIMITED = "RATE_LIMITED"
TOO_MANY_OPERATIONS = "TOO_MANY_OPERATIONS"


class TextFrames:
    """Send JSON as text frames: graphql-transport-ws requires them, and the view's
    encoder returns bytes (orjson), which Strawberry would send as binary frames.
    (A class, not a function: Starlette treats a plain function as a session endpoint.)"""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_text(message: Message) -> None:
            if message["type"] == "websocket.send" and message.get("bytes") is not None:
                message = {"type": "websocket.send", "text": message["bytes"].decode()}
            await send(message)

        await self.app(scope, receive, send_text)


@dataclass(frozen=True)
class WebSocketLimits:
    max_message_bytes: int
    max_operations: int
    max_connections_per_client: int
    execution_timeout: float  # seconds, for queries and mutations
    max_tokens: int  # the guards' parse limit, also used to tell a subscription

    @classmethod
    def from_settings(cls, settings: Settings) -> WebSocketLimits:
        return cls(
            max_message_bytes=settings.ws_max_message_bytes,
            max_operations=settings.ws_max_operations,
            max_connections_per_client=settings.ws_max_connections_per_client,
            execution_timeout=settings.execution_timeout,
            max_tokens=settings.max_tokens,
        )


class WebSocketGuard:
    """ASGI wrapper of the graphql-transport-ws app. ``identify`` names the client a scope
    is counted against; ``buckets`` (None: no rate limit) are shared with HTTP."""

    def __init__(
        self,
        app: ASGIApp,
        limits: WebSocketLimits,
        identify: Callable[[Scope], str],
        buckets: MemoryBuckets | RedisBuckets | None = None,
    ) -> None:
        self.app = app
        self.limits = limits
        self.identify = identify
        self.buckets = buckets
        # Per process: a socket lives in one, and a shared count would outlive a crash.
        self.open: dict[str, int] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "websocket":
            await self.app(scope, receive, send)
            return
        # Only graphql-transport-ws is guarded: the legacy graphql-ws protocol, which
        # Strawberry also speaks, would bypass every limit here (it now gets 4406).
        offered = scope.get("subprotocols") or []
        scope = {**scope, "subprotocols": [p for p in offered if p == PROTOCOL]}
        client = self.identify(scope)
        if self.open.get(client, 0) >= self.limits.max_connections_per_client:
            await _turn_away(scope, receive, send)
            return
        self.open[client] = self.open.get(client, 0) + 1
        try:
            await _Connection(self, client, receive, send).serve(self.app, scope)
        finally:
            self.open[client] -= 1
            if not self.open[client]:
                del self.open[client]


async def _turn_away(scope: Scope, receive: Receive, send: Send) -> None:
    """Accept, then close with 1013 (try again later): a refused handshake reaches a browser
    as code 1006 with no reason, and graphql-ws clients retry 1013 with a backoff."""
    if (await receive())["type"] != "websocket.connect":
        return
    subprotocol = PROTOCOL if PROTOCOL in scope["subprotocols"] else None
    await send({"type": "websocket.accept", "subprotocol": subprotocol})
    reason = "too many open WebSockets for this client"
    await send({"type": "websocket.close", "code": TRY_AGAIN_LATER, "reason": reason})


@dataclass
class _Operation:
    deadline: asyncio.TimerHandle | None = None
    answered: bool = False  # a result went out
    held: dict[str, Any] | None = None  # a refusal sent as `next`: goes out as `error`
    subscription: bool = False  # counted in the active subscriptions while it runs

    def stop_clock(self) -> None:
        if self.deadline is not None:
            self.deadline.cancel()
            self.deadline = None

    def end(self) -> None:
        """It is over (completed, failed, or its socket closed)."""
        self.stop_clock()
        if self.subscription:
            self.subscription = False
            record.note_subscriptions(-1)


class _Connection:
    """One socket: a reader task checks each client message before the app gets it, and
    the app's messages to the client pass through :meth:`_send`."""

    def __init__(self, guard: WebSocketGuard, client: str, receive: Receive, send: Send) -> None:
        self.limits = guard.limits
        self.buckets = guard.buckets
        self.client = client
        self.from_client = receive
        self.to_client = send
        # What the app reads: client messages once checked, and a `complete` the guard adds
        # for an operation past its deadline (marked with its id), which cancels it.
        self.inbox: asyncio.Queue[tuple[Message, str | None]] = asyncio.Queue()
        self.running: dict[str, _Operation] = {}
        self.expired: set[str] = set()  # timed out, not yet let go by the handler
        self.cancelled: list[str] = []  # handed the handler their `complete` last time
        self.acknowledged = False
        self.closed = False

    async def serve(self, app: ASGIApp, scope: Scope) -> None:
        reader = asyncio.create_task(self._read())
        try:
            await app(scope, self._receive, self._send)
        finally:
            reader.cancel()
            for operation in self.running.values():
                operation.end()
            with contextlib.suppress(asyncio.CancelledError):
                await reader

    # --- client to app

    async def _read(self) -> None:
        try:
            while True:
                message = await self.from_client()
                if message["type"] == "websocket.receive":
                    checked = await self._check(message)
                    if checked is None:
                        continue
                    message = checked
                self.inbox.put_nowait((message, None))
                if message["type"] == "websocket.disconnect":
                    return
                # One message read ahead at most: the client waits on the app, as without us.
                await self.inbox.join()
        except Exception:
            self.inbox.put_nowait(({"type": "websocket.disconnect", "code": 1011}, None))
            raise

    async def _receive(self) -> Message:
        # The handler reads one message at a time: asked for the next, it has cancelled the
        # operations whose `complete` it got last, so their ids are free to reuse once the
        # client hears of the timeout.
        for ident in self.cancelled:
            self.expired.discard(ident)
            seconds = self.limits.execution_timeout
            late = f"the operation took longer than {seconds:g}s"
            await self._emit(ws_messages.error(ident, late, TIMEOUT))
        self.cancelled.clear()
        message, timed_out = await self.inbox.get()
        self.inbox.task_done()
        if timed_out is not None:
            self.cancelled.append(timed_out)
        return message

    async def _check(self, message: Message) -> Message | None:
        """The message for the app; None when answered here; a disconnect once closed."""
        text, data = message.get("text"), message.get("bytes")
        size = len(data) if data is not None else _utf8_size(text or "")
        limit = self.limits.max_message_bytes
        if size > limit:
            return await self._close(MESSAGE_TOO_BIG, f"a message may hold at most {limit} bytes")
        if text is None:
            return message  # binary: the handler closes with 4400 (the protocol is text)
        try:
            parsed = orjson.loads(text)
        except orjson.JSONDecodeError:
            return message  # the handler closes with 4400
        if reason := ws_messages.problem(parsed):
            return await self._close(BAD_REQUEST, reason)
        if parsed["type"] == "complete":
            if (operation := self.running.pop(parsed["id"], None)) is not None:
                operation.end()
        elif parsed["type"] == "subscribe" and self.acknowledged:
            return await self._admit(parsed, message)
        return message

    async def _admit(self, subscribe: dict[str, Any], message: Message) -> Message | None:
        ident = subscribe["id"]
        if ident in self.running or ident in self.expired:
            return await self._close(DUPLICATE_ID, "Subscriber for this id already exists")
        most = self.limits.max_operations
        if len(self.running) >= most:
            refusal = f"at most {most} operations run at once on a connection: complete one first"
            await self._emit(
                ws_messages.error(ident, refusal, TOO_MANY_OPERATIONS, maxOperations=most)
            )
            return None
        if self.buckets is not None and (wait := await self.buckets.take(self.client)) > 0:
            seconds = max(1, math.ceil(wait))
            refusal = f"Too many requests: retry in {seconds} s."
            record.note_rate_limited(RATE_LIMITED)
            await self._emit(ws_messages.error(ident, refusal, RATE_LIMITED, retryAfter=seconds))
            return None
        operation = _Operation()
        if not ws_messages.is_subscription(subscribe["payload"], self.limits.max_tokens):
            loop = asyncio.get_running_loop()
            timeout = self.limits.execution_timeout
            operation.deadline = loop.call_later(timeout, self._expire, ident)
        else:
            operation.subscription = True
            record.note_subscriptions(+1)
        self.running[ident] = operation
        return message

    def _expire(self, ident: str) -> None:
        if self.running.pop(ident, None) is None or self.closed:
            return
        self.expired.add(ident)  # what the handler still sends for it is dropped
        complete = orjson.dumps({"id": ident, "type": "complete"}).decode()
        self.inbox.put_nowait(({"type": "websocket.receive", "text": complete}, ident))

    # --- app to client

    async def _send(self, message: Message) -> None:
        if self.closed:
            return  # closed by the guard: the handler learns it at its next receive
        if message["type"] == "websocket.close":
            self.closed = True
        elif message["type"] == "websocket.send" and message.get("text") is not None:
            outgoing = self._outgoing(message["text"])
            for text in outgoing:
                await self.to_client({"type": "websocket.send", "text": text})
            return
        await self.to_client(message)

    def _outgoing(self, text: str) -> list[str]:
        """What goes out for the app's ``text``: it as is, nothing, or a rewrite."""
        try:
            message = orjson.loads(text)
        except orjson.JSONDecodeError:
            return [text]
        kind = message.get("type") if isinstance(message, dict) else None
        if kind == "connection_ack":
            self.acknowledged = True
        ident = message.get("id") if isinstance(message, dict) else None
        if not isinstance(ident, str):
            return [text]
        if ident in self.expired:
            return []  # timed out: the client was told so, and nothing more
        operation = self.running.get(ident)
        if operation is None:
            return [text]
        if kind == "next":
            before = [] if operation.held is None else [_dumps(operation.held)]
            operation.held = None
            if not operation.answered:
                operation.answered = True
                operation.stop_clock()  # the result is in: the deadline was met
                if ws_messages.is_refusal(message.get("payload")):
                    operation.held = message  # `error` if `complete` follows
                    return []
            return [*before, text]
        if kind in ("complete", "error"):
            del self.running[ident]
            operation.end()
            if kind == "complete" and operation.held is not None:
                errors = operation.held["payload"]["errors"]
                return [_dumps({"id": ident, "type": "error", "payload": errors})]
        return [text]

    # --- the guard's own messages

    async def _emit(self, message: dict[str, Any]) -> None:
        if self.closed:
            return
        try:
            await self.to_client({"type": "websocket.send", "text": _dumps(message)})
        except OSError:  # the client is gone; the app hears it from its receive
            self.closed = True

    async def _close(self, code: int, reason: str) -> Message:
        """Close the socket; the disconnect to hand the app, which then shuts down."""
        if not self.closed:
            self.closed = True
            with contextlib.suppress(OSError):
                await self.to_client({"type": "websocket.close", "code": code, "reason": reason})
        return {"type": "websocket.disconnect", "code": code}


def _dumps(message: dict[str, Any]) -> str:
    return orjson.dumps(message).decode()


def _utf8_size(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode())


class ContextPerOperation(SchemaExtension):
    """Strawberry builds a socket's context once, when it connects; every operation on that
    socket would share its loaders — their caches never expire on a long-lived socket, and
    an operation that timed out leaves pending loads the next one would wait on. Each
    operation over a WebSocket gets a copy of the context with loaders of its own."""

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context.context
        if isinstance(context, Context) and isinstance(context.request, WebSocket):
            self.execution_context.context = dataclasses.replace(context)
        yield
