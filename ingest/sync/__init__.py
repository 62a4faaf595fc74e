"""`flightgraph sync`: keep the store current with the live LL2 API."""

from ingest.sync.client import DEFAULT_API_URL, DEV_API_URL, LL2Client, LL2Error
from ingest.sync.runner import ENDPOINTS, EndpointReport, Syncer, SyncStopped

__all__ = [
    "DEFAULT_API_URL",
    "DEV_API_URL",
    "ENDPOINTS",
    "EndpointReport",
    "LL2Client",
    "LL2Error",
    "SyncStopped",
    "Syncer",
]
