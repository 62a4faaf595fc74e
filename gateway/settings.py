"""The one place that reads the environment (``FLIGHTGRAPH_*`` variables and ``.env``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from gateway.http.settings import HttpSettings

DEFAULT_DATABASE = Path("var") / "flightgraph.db"


class Settings(HttpSettings, BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FLIGHTGRAPH_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default=f"sqlite+aiosqlite:///{DEFAULT_DATABASE}",
        validation_alias=AliasChoices("FLIGHTGRAPH_DATABASE_URL", "DATABASE_URL"),
        description="SQLAlchemy async URL: sqlite+aiosqlite:///path or postgresql+asyncpg://…",
    )
    redis_url: str | None = Field(
        default=None, validation_alias=AliasChoices("FLIGHTGRAPH_REDIS_URL", "REDIS_URL")
    )
    ll2_token: str | None = Field(default=None, description="LL2 API key for sync")
    sync_attempts: int = Field(default=5, ge=1, description="tries per LL2 request")
    sync_every: float | None = Field(
        default=None, gt=0, description="serve: seconds between background syncs (off if unset)"
    )
    sync_api_url: str | None = Field(default=None, description="LL2 API root for sync")
    introspection: bool = Field(
        default=True,
        description="answer __schema/__type; off in production (_service { sdl } still works)",
    )
    graphiql: bool = Field(default=True, description="serve GraphiQL at GET /graphql")
    compiled_execution: bool = Field(
        default=True,
        description="run planned queries on the compiled executor (same results, less CPU)",
    )
    metrics_multiprocess_dir: Path | None = Field(
        # Set by `serve` for its workers; prometheus-client reads it when it is imported.
        default=None,
        validation_alias=AliasChoices("PROMETHEUS_MULTIPROC_DIR"),
        description="prometheus-client's multiprocess directory (serve sets it for workers)",
    )
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    demo_flights: int = Field(default=1000, ge=0, description="generated on first start")
    demo_seed: int = 2023
