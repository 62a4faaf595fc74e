"""``GET /metrics``: the Prometheus text format, behind a bearer token when one is set."""

from __future__ import annotations

import hmac

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from gateway.observe.families import Metrics
from gateway.observe.freshness import sync_lag_seconds

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"  # what generate_latest writes


class MetricsEndpoint:
    def __init__(self, metrics: Metrics, token: str | None = None) -> None:
        self.metrics = metrics
        self.token = token

    async def serve(self, request: Request) -> Response:
        if self.token is not None and not self._authorized(request):
            return JSONResponse(
                {
                    "errors": [
                        {
                            "message": "send Authorization: Bearer <metrics token>",
                            "extensions": {"code": "UNAUTHENTICATED"},
                        }
                    ]
                },
                status_code=401,
                headers={
                    "WWW-Authenticate": 'Bearer realm="flightgraph metrics"',
                    "Cache-Control": "no-store",
                },
            )
        lag = await sync_lag_seconds(request.app.state.engine)
        self.metrics.sync_lag.set(float("nan") if lag is None else lag)
        return Response(
            self.metrics.exposition(),
            media_type=CONTENT_TYPE,
            headers={"Cache-Control": "no-store"},
        )

    def _authorized(self, request: Request) -> bool:
        assert self.token is not None
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer":
            return False
        return hmac.compare_digest(given.strip().encode(), self.token.encode())
