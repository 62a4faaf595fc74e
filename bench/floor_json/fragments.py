"""SQL fragments both dialects' statements are built from: flightgraph's value formats
(DateTime, keyset cursors) written as SQL expressions.

Functions, not constants, so that nothing is built at import time; the statements call them
once each, on first use (see ``bench.floor_json.handlers.statement``).
"""

from __future__ import annotations

# base64url of '{"o":"id","v":[' — flightgraph's flight cursor up to the id. It is 15 bytes,
# five whole base64 groups, so the id's part can be encoded on its own and appended.
CURSOR_PREFIX_B64 = "eyJvIjoiaWQiLCJ2Ijpb"
BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
# A BIGINT's text ("-9223372036854775808", 20 bytes) and the closing "]}".
CURSOR_TAIL_BYTES = 22


def postgres_timestamp(column: str) -> str:
    """timestamptz as flightgraph writes it: UTC, ISO-8601, ``Z``, microseconds only when
    not zero (Python's ``isoformat``); NULL stays NULL."""
    utc = f"({column} AT TIME ZONE 'UTC')"
    return (
        f"(to_char({utc}, 'YYYY-MM-DD\"T\"HH24:MI:SS')"
        f" || CASE WHEN date_trunc('second', {utc}) = {utc} THEN '' ELSE to_char({utc}, '.US') END"
        " || 'Z')"
    )


def sqlite_timestamp(column: str) -> str:
    """The same from SQLite's stored text (SQLAlchemy's ``YYYY-MM-DD HH:MM:SS.ffffff``, UTC);
    NULL stays NULL (every ``||`` with NULL is NULL)."""
    return (
        f"(substr({column}, 1, 10) || 'T' || substr({column}, 12, 8)"
        f" || CASE WHEN substr({column}, 21) IN ('', '000000') THEN ''"
        f" ELSE '.' || substr({column}, 21, 6) END || 'Z')"
    )


def postgres_cursor(flight_id: str) -> str:
    """flightgraph's keyset cursor, base64url of ``{"o":"id","v":[<id>]}`` without padding
    (``encode`` also wraps lines; translate drops the newlines and ``=`` with the swap)."""
    payload = f"""convert_to('{{"o":"id","v":[' || {flight_id} || ']}}', 'UTF8')"""
    return f"translate(encode({payload}, 'base64'), E'+/=\\n', '-_')"


def _sqlite_base64url(text: str, max_bytes: int) -> str:
    """base64url, unpadded, of ``text`` (ASCII, at most ``max_bytes``): four characters per
    three bytes. A group is only evaluated when the text reaches it (nested CASE): most ids
    need three of the eight groups. In a partial group, a byte past the end is NULL
    (``unicode('')``), so is every character whose bits start there, and it becomes ''."""

    def byte(at: int) -> str:
        return f"unicode(substr({text}, {at + 1}))"

    def char(bits: str) -> str:
        return f"ifnull(substr('{BASE64URL}', 1 + ({bits}), 1), '')"

    def group(at: int) -> str:
        b0, b1, b2 = byte(at), byte(at + 1), byte(at + 2)
        # SQLite gives << >> & | one precedence, left to right: every step is bracketed.
        return " || ".join(
            [
                char(f"{b0} >> 2"),
                char(f"(({b0} & 3) << 4) | (ifnull({b1}, 0) >> 4)"),
                char(f"(({b1} & 15) << 2) | (ifnull({b2}, 0) >> 6)"),
                char(f"{b2} & 63"),
            ]
        )

    encoded = "''"
    for at in reversed(range(0, max_bytes, 3)):
        encoded = f"{group(at)} || CASE WHEN length({text}) > {at + 3} THEN {encoded} ELSE '' END"
    return f"({encoded})"


def sqlite_cursor_tail(flight_id: str) -> str:
    """What ``sqlite_cursor`` encodes: the id's digits and the closing ``]}``."""
    return f"({flight_id} || ']}}')"


def sqlite_cursor(tail: str) -> str:
    """flightgraph's keyset cursor in SQLite, which has no base64: the constant prefix, then
    ``tail`` (``sqlite_cursor_tail``, best a column computed once per row) encoded."""
    return f"('{CURSOR_PREFIX_B64}' || {_sqlite_base64url(tail, CURSOR_TAIL_BYTES)})"
