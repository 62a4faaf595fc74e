"""The client-side throttle never lets a sliding window see more than LL2 allows."""

import pytest

from ingest.sync.throttle import Throttle, ThrottleState
from tests.ingest.fake_ll2 import FakeClock


@pytest.mark.parametrize(("limit", "window", "used"), [(15, 3600, 0), (15, 3600, 12), (3, 10, 3)])
async def test_no_window_ever_holds_more_than_the_limit(limit: int, window: int, used: int) -> None:
    clock = FakeClock()
    state = ThrottleState(limit=limit, window_secs=window, used=used, next_use_secs=window / 2)
    throttle = Throttle(state, clock.sleep, clock)
    sent = [clock.now] * used  # what LL2 counted before we started, as the throttle assumes
    for _ in range(40):
        await throttle.acquire()
        sent.append(clock.now)
    for t in sent:
        assert sum(1 for u in sent if t <= u < t + window) <= limit
    # ...and it does not crawl: 40 requests take about 40 spacings, not much more.
    assert clock.now <= (40 + used) * (window + Throttle.MARGIN) / limit + window


async def test_a_429_blocks_for_the_time_named() -> None:
    clock = FakeClock()
    throttle = Throttle(ThrottleState(100, 3600, 0, 0), clock.sleep, clock)
    await throttle.acquire()
    throttle.block_for(90)
    await throttle.acquire()
    assert clock.now >= 90
