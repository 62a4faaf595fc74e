"""Settings of the HTTP face (mixed into ``gateway.settings.Settings``).

Every field is read as ``FLIGHTGRAPH_<NAME>``. ``FLIGHTGRAPH_PROFILE=production`` changes the
defaults of the fields in ``PRODUCTION_DEFAULTS`` (a field set explicitly always wins), so a
public deployment is locked down by one switch.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

# What a public endpoint must not offer unless asked to. Fields of the full Settings
# (introspection, graphiql) are included: the mixin validates the whole model.
PRODUCTION_DEFAULTS: dict[str, Any] = {
    "introspection": False,
    "graphiql": False,
    "field_suggestions": False,
    "cors_origins": "",
    "rate_limit": 20.0,
    "metrics_enabled": False,
}


class HttpSettings(BaseModel):
    """Fields read as FLIGHTGRAPH_<NAME> like every other setting."""

    profile: Literal["development", "production"] = Field(
        default="development", description="production: locked-down defaults (see README)"
    )

    # --- GraphQL over HTTP (issue 6)
    cors_origins: str = Field(
        default="*", description="comma-separated allowed origins; * for any; empty for none"
    )
    cache_max_age: int = Field(
        default=60, ge=0, description="Cache-Control max-age of successful GET queries (s)"
    )
    gzip_min_bytes: int = Field(default=1024, ge=0, description="gzip responses from this size")
    batch_max: int = Field(default=10, ge=1, description="operations in one batched POST")
    apq_cache_size: int = Field(
        default=10_000, ge=1, description="persisted queries kept (in memory, or in Redis)"
    )
    apq_ttl: int = Field(default=7 * 86400, ge=1, description="persisted query lifetime in Redis")
    trusted_documents: Path | None = Field(
        default=None, description="manifest of trusted documents (hash -> document)"
    )
    trusted_documents_only: bool = Field(
        default=False, description="run only the manifest's documents (needs the manifest)"
    )

    # --- Guardrails (issue 7)
    max_depth: int = Field(default=12, ge=1, description="selection depth of an operation")
    max_aliases: int = Field(default=30, ge=0, description="aliases in a document")
    max_tokens: int = Field(default=5000, ge=1, description="lexical tokens in a document")
    max_directives: int = Field(default=50, ge=0, description="directive uses in a document")
    max_cost: int = Field(
        default=50_000, ge=1, description="estimated fields resolved (lists times their page size)"
    )
    max_page_size: int = Field(default=100, ge=1, le=100, description="largest first/last")
    default_list_size: int = Field(
        default=10, ge=1, description="assumed length of an unpaged list, for the cost"
    )
    max_body_bytes: int = Field(
        # A 5,000-token document with 5,000 variable values is well under this; a larger
        # body is refused unread (and its connection closed).
        default=262_144,
        ge=1024,
        description="largest request body",
    )
    execution_timeout: float = Field(default=10.0, gt=0, description="seconds per request")
    field_suggestions: bool = Field(
        default=True, description='"Did you mean …?" in errors; off in production'
    )
    rate_limit: float = Field(
        default=0.0, ge=0, description="requests per second per client (0: unlimited)"
    )
    rate_limit_burst: int = Field(default=100, ge=1, description="bucket size per client")

    # --- Who may call, and how much (issue 16)
    api_keys_file: Path | None = Field(
        default=None,
        description="file of issued API keys (hashed); an unknown X-API-Key is then refused",
    )
    trusted_proxies: str = Field(
        default="",
        description="comma-separated proxy addresses/networks whose X-Forwarded-For is "
        "believed; empty: none",
    )
    ws_max_message_bytes: int = Field(
        default=65_536, ge=1024, description="largest WebSocket message taken"
    )
    ws_max_operations: int = Field(
        default=20, ge=1, description="operations running at once on one WebSocket"
    )
    ws_max_connections_per_client: int = Field(
        default=20, ge=1, description="open WebSockets per client (API key or address)"
    )
    apq_max_bytes: int = Field(
        default=32_000_000,
        ge=1_000_000,
        description="persisted documents kept (bytes, in memory or Redis)",
    )
    document_cache_max_bytes: int = Field(
        default=32_000_000,
        ge=1_000_000,
        description="parsed/validated documents and guard verdicts kept (bytes, estimated)",
    )

    # --- Metrics and logs (issue 20)
    metrics_enabled: bool = Field(
        default=True, description="serve Prometheus metrics at /metrics; off in production"
    )
    metrics_token: str | None = Field(
        default=None, description="/metrics then requires Authorization: Bearer <token>"
    )
    metrics_operation_names: int = Field(
        default=100,
        ge=1,
        description="distinct operation names labelled per process; later ones count as other",
    )
    log_format: Literal["text", "json"] = Field(
        default="text",
        description="json: one JSON object a line, and one flightgraph.access line a request",
    )

    tune_gc: bool = Field(
        default=True,
        description="on start: freeze start-up objects, collect garbage less often (less CPU)",
    )

    # --- Database (PostgreSQL serving engine)
    db_pool_size: int = Field(default=10, ge=1)
    db_max_overflow: int = Field(default=10, ge=0)
    db_pool_timeout: float = Field(default=5.0, gt=0, description="seconds to wait for a conn")
    db_connect_timeout: float = Field(default=5.0, gt=0)
    db_statement_timeout_ms: int = Field(default=10_000, ge=0, description="0: none")

    @model_validator(mode="after")
    def _apply_profile(self) -> HttpSettings:
        if self.profile == "production":
            fields = type(self).model_fields
            for name, value in PRODUCTION_DEFAULTS.items():
                if name in fields and name not in self.model_fields_set:
                    setattr(self, name, value)
        if self.trusted_documents_only and self.trusted_documents is None:
            raise ValueError("trusted_documents_only needs a trusted_documents manifest")
        return self

    @property
    def allowed_origins(self) -> list[str]:
        return [origin.strip() for origin in self.cors_origins.split(",") if origin.strip()]
