"""Observing the gateway: Prometheus metrics (``/metrics``) and structured request logs."""

from gateway.observe.endpoint import MetricsEndpoint
from gateway.observe.families import Metrics
from gateway.observe.middleware import ObserveRequests
from gateway.observe.sql import count_statements

__all__ = ["Metrics", "MetricsEndpoint", "ObserveRequests", "count_statements"]
