"""HTTP access to LL2: throttled, retried with backoff and jitter, 429-aware."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from typing import Any

import httpx
import orjson
from tenacity import (
    AsyncRetrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential_jitter,
)

from ingest.sync.throttle import Sleep, Throttle, ThrottleState

DEFAULT_API_URL = "https://ll.thespacedevs.com/2.3.0"
DEV_API_URL = "https://lldev.thespacedevs.com/2.3.0"
_WAIT_IN_DETAIL = re.compile(r"(\d+(?:\.\d+)?)\s*second")


class TransientError(Exception):
    """A failure worth retrying: 5xx, timeout, dropped connection."""


class LL2Error(Exception):
    """A failure retrying will not fix (4xx other than 429, retries used up)."""


class LL2Client:
    def __init__(
        self,
        api_url: str = DEFAULT_API_URL,
        token: str | None = None,
        http: httpx.AsyncClient | None = None,
        attempts: int = 5,
        max_backoff: float = 60.0,
        sleep: Sleep = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.api_url = api_url.rstrip("/")
        headers = {"Accept": "application/json", "User-Agent": "flightgraph-sync"}
        if token:
            headers["Authorization"] = f"Token {token}"
        self.http = http or httpx.AsyncClient(timeout=httpx.Timeout(60.0, connect=10.0))
        self.headers = headers
        self.attempts = attempts
        self.max_backoff = max_backoff
        self.sleep = sleep
        self.clock = clock
        self.throttle: Throttle | None = None
        self.requests = 0

    async def aclose(self) -> None:
        await self.http.aclose()

    async def start(self) -> ThrottleState:
        """Read /api-throttle/ (it does not count against the budget) and seed the bucket."""
        url = f"{self.api_url}/api-throttle/"
        try:
            state = ThrottleState.from_json(orjson.loads(await self._get(url, throttled=False)))
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
            hint = "is --api-url an LL2 API root?"
            raise LL2Error(f"{url}: not LL2's throttle answer; {hint}") from None
        self.throttle = Throttle(state, self.sleep, self.clock)
        return state

    async def get(self, url: str) -> bytes:
        """The body of ``url``, waiting for the budget and retrying transient failures."""
        return await self._get(url, throttled=True)

    async def _get(self, url: str, throttled: bool) -> bytes:
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.attempts),
            wait=wait_exponential_jitter(initial=1, max=self.max_backoff),
            retry=retry_if_exception_type(TransientError),
            sleep=self.sleep,
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    return await self._once(url, throttled)
        except TransientError as error:
            raise LL2Error(f"{url}: gave up after {self.attempts} attempts: {error}") from None
        raise AssertionError("unreachable")

    async def _once(self, url: str, throttled: bool) -> bytes:
        while True:
            if throttled and self.throttle:
                await self.throttle.acquire()
            self.requests += 1
            try:
                response = await self.http.get(url, headers=self.headers)
            except (httpx.TimeoutException, httpx.TransportError) as error:
                raise TransientError(f"{type(error).__name__}: {error}") from None
            if response.status_code == 429:
                wait = _retry_after(response)
                if self.throttle:
                    self.throttle.block_for(wait)
                else:
                    await self.sleep(wait)
                continue  # throttled is not failed: does not use up an attempt
            if response.status_code >= 500:
                raise TransientError(f"HTTP {response.status_code}")
            if response.status_code >= 400:
                raise LL2Error(f"{url}: HTTP {response.status_code}: {response.text[:200]}")
            return response.content


def _retry_after(response: httpx.Response) -> float:
    header = response.headers.get("Retry-After")
    if header and header.replace(".", "", 1).isdigit():
        return float(header)
    try:
        detail: Any = response.json().get("detail", "")
    except ValueError:
        detail = ""
    match = _WAIT_IN_DETAIL.search(str(detail))
    return float(match.group(1)) if match else 60.0
