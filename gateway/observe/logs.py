"""Log output: ``text`` (readable, uvicorn's own) or ``json`` (one object a line)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import orjson

TEXT = "text"
JSON = "json"


class JsonFormatter(logging.Formatter):
    """A record as one JSON line: time, level, logger, message, and an access record's
    fields (``extra={"access": {...}}``) at the top level."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        access = getattr(record, "access", None)
        if isinstance(access, dict):
            line.update(access)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(line, default=str).decode()


def uvicorn_log_config() -> dict[str, Any]:
    """uvicorn's ``log_config`` for JSON output: applied in every worker process too."""
    handler = {"class": "logging.StreamHandler", "formatter": JSON, "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {JSON: {"()": f"{__name__}.JsonFormatter"}},
        "handlers": {"stderr": handler},
        "root": {"handlers": ["stderr"], "level": "INFO"},
        "loggers": {
            # Propagated to the root's one handler (uvicorn's config would add its own).
            "uvicorn": {"handlers": [], "level": "INFO", "propagate": True},
            "uvicorn.error": {"handlers": [], "level": "INFO", "propagate": True},
            # flightgraph.access replaces uvicorn's access line.
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": True},
            "alembic": {"level": "WARNING"},
        },
    }
