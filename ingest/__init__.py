"""LL2 JSON → rows: normalise, merge, upsert (one transaction per file)."""

from ingest.errors import IngestError
from ingest.files import FileResult, expand_paths, ingest_file

__all__ = ["FileResult", "IngestError", "expand_paths", "ingest_file"]
