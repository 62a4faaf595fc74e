"""How the serving engine talks to its database, so that a database fault is survivable.

``create_app``'s lifespan passes these to ``store.engine.create_engine``:

- PostgreSQL: a bounded pool (a request waits at most ``db_pool_timeout`` for a connection,
  then gets a 503 instead of piling up), a connect timeout, a server-side
  ``statement_timeout`` so a runaway query is stopped by the server too, no JIT, and
  generic plans. After a restart the first failure invalidates the pool's connections; new
  ones are opened on demand.
- SQLite: a pool of open connections (opening the file costs ~5 ms: a thread, the file,
  the pragmas — per loader batch that was most of a request). Each checkout compares the
  file's identity with the one the connection opened (``store.engine``), so a file that was
  missing or replaced is opened again as it is now, and service resumes by itself once the
  file is back; a locked file times out after ``busy_timeout`` like any statement, and a
  statement running past ``db_statement_timeout_ms`` is interrupted (``store.engine``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import make_url

if TYPE_CHECKING:
    from gateway.settings import Settings


def engine_options(settings: Settings) -> dict[str, Any]:
    backend = make_url(settings.database_url).get_backend_name()
    if backend == "sqlite":
        return {
            "pool_size": settings.db_pool_size,
            "max_overflow": settings.db_max_overflow,
            "pool_timeout": settings.db_pool_timeout,
            "sqlite_statement_timeout": settings.db_statement_timeout_ms / 1000,
        }
    if backend != "postgresql":
        return {}
    # No JIT: a statement in LLVM compilation neither sees statement_timeout nor a cancel
    # (a hostile filter held a backend for minutes that way), and the gateway's statements
    # are short index lookups that JIT only slows down.
    # Generic plans: a served statement's text never depends on variable values (the compiled
    # path's statements are per document), so its plan is made once per connection instead of
    # on each execution — PostgreSQL's default re-plans whenever a parameter (a LIMIT, a
    # cursor) makes the generic plan's estimate look worse, which cost a listing 1-3 ms of
    # planning for 0.5 ms of execution. A bad plan is still bounded by statement_timeout.
    server_settings = {
        "application_name": "flightgraph",
        "jit": "off",
        "plan_cache_mode": "force_generic_plan",
    }
    if settings.db_statement_timeout_ms:
        server_settings["statement_timeout"] = str(settings.db_statement_timeout_ms)
    return {
        "pool_size": settings.db_pool_size,
        "max_overflow": settings.db_max_overflow,
        "pool_timeout": settings.db_pool_timeout,
        "pool_recycle": 1800,
        "connect_args": {
            "timeout": settings.db_connect_timeout,
            "server_settings": server_settings,
        },
    }
