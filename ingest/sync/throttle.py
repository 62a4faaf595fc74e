"""Spacing requests to LL2's budget (15 requests/hour on the free tier)."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

Sleep = Callable[[float], Awaitable[None]]


@dataclass
class ThrottleState:
    """LL2's /api-throttle/ answer."""

    limit: int
    window_secs: float
    used: int
    next_use_secs: float

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> ThrottleState:
        return cls(
            limit=int(body["your_request_limit"]),
            window_secs=float(body["limit_frequency_secs"]),
            used=int(body["current_use"]),
            next_use_secs=float(body.get("next_use_secs") or 0),
        )


class Throttle:
    """LL2's rule, kept on our side: at most ``limit`` requests in any ``window`` seconds.

    LL2 (Django REST framework) counts requests in a sliding window. We keep our own history
    of request times, seeded from what /api-throttle/ says is used — as if those requests
    had just been made, since LL2 does not say when — and never send one the window would
    refuse. Requests are also spaced evenly (``window / limit`` apart) so a long mirror
    runs at a steady pace instead of bursting and stalling. A 429 blocks until the time LL2
    names. Waiting goes through ``sleep`` and time through ``clock``, so tests need not wait.
    """

    MARGIN = 1.0  # seconds of slack against clock skew with LL2

    def __init__(
        self,
        state: ThrottleState,
        sleep: Sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = max(1, state.limit)
        self.window = state.window_secs
        self.spacing = self.window / self.limit
        self.sleep = sleep
        self.clock = clock
        now = clock()
        self.history: list[float] = [now] * min(state.used, self.limit)
        self.blocked_until = now + state.next_use_secs if state.used >= self.limit else now
        self.last: float | None = None
        self.waited = 0.0

    def _earliest(self, now: float) -> float:
        self.history = [t for t in self.history if t > now - self.window]
        earliest = self.blocked_until
        if len(self.history) >= self.limit:
            earliest = max(earliest, self.history[-self.limit] + self.window + self.MARGIN)
        if self.last is not None:  # spacing runs between our own requests only
            earliest = max(earliest, self.last + self.spacing)
        return earliest

    async def acquire(self) -> None:
        while True:
            now = self.clock()
            earliest = self._earliest(now)
            if now >= earliest:
                self.history.append(now)
                self.last = now
                return
            self.waited += earliest - now
            await self.sleep(earliest - now)

    def block_for(self, seconds: float) -> None:
        """LL2 said 429: nothing until ``seconds`` from now."""
        self.blocked_until = max(self.blocked_until, self.clock() + seconds)
