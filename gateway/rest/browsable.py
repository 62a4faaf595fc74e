"""``format=api``: the browsable page DRF renders for LL2, as the seed page shows it.

The endpoint's help (modes, filters, search, ordering, limit, format, help — LL2's own view
description, from its OpenAPI), then the request line, the status and headers, and the JSON
pretty-printed as DRF prints it (4-space indent, unicode kept), HTML-escaped, links clickable.
"""

from __future__ import annotations

import html
import json
import re
from http import HTTPStatus
from typing import Any

from starlette.requests import Request

from gateway.rest.documents import endpoint_data

_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_CODE = re.compile(r"`([^`]+)`")
_URL = re.compile(r"(&quot;)(https?://[^&\s]+?)(&quot;)")

STYLE = """
body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0;color:#222}
header{background:#2c3e50;color:#fff;padding:.8em 1.5em}
header a{color:#fff;text-decoration:none;font-weight:600}
main{padding:1em 1.5em;max-width:70em}
.description h4{margin:1.2em 0 .3em}
.description p{margin:.2em 0}
pre{background:#f5f5f5;border:1px solid #ddd;border-radius:4px;padding:1em;overflow:auto}
.request-info{background:#eef}
.meta{color:#555}
"""


def help_html(description: str) -> str:
    """LL2's markdown view help as HTML (the few constructs it uses)."""
    parts: list[str] = []
    paragraph: list[str] = []

    def close() -> None:
        if paragraph:
            parts.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()

    for line in description.strip().splitlines():
        line = line.strip()
        heading = re.match(r"^#{1,6} (.+)$", line)
        if heading or not line:
            close()
        if heading:
            parts.append(f"<h4>{_inline(heading.group(1))}</h4>")
        elif line:
            paragraph.append(line)
    close()
    return "\n".join(parts)


def _inline(text: str) -> str:
    out = []
    last = 0
    for match in _LINK.finditer(text):
        out.append(_code(html.escape(text[last : match.start()])))
        label, href = match.groups()
        out.append(f'<a href="{html.escape(href)}">{_code(html.escape(label))}</a>')
        last = match.end()
    out.append(_code(html.escape(text[last:])))
    return "".join(out)


def _code(escaped: str) -> str:
    return _CODE.sub(r"<code>\1</code>", escaped)


def pretty(body: Any) -> str:
    """The JSON as DRF's browsable page prints it."""
    return json.dumps(body, indent=4, ensure_ascii=False)


def _title(name: str, detail: bool) -> str:
    words = name.replace("/", " ").replace("_", " ").title() if name else "Launch Library 2"
    return f"{words} {'Instance' if detail else 'List'}" if name else words


def page(request: Request, body: Any, status: int, name: str) -> str:
    """The browsable HTML for a response of ``status`` with JSON ``body``."""
    description = endpoint_data().get(name, {}).get("description", "") if name else ""
    detail = "id" in request.path_params
    reason = HTTPStatus(status).phrase
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    headers = (
        f"HTTP {status} {reason}\nAllow: GET\nContent-Type: application/json\nVary: Accept\n\n"
    )
    content = _URL.sub(r'\1<a href="\2" rel="nofollow">\2</a>\3', html.escape(pretty(body)))
    title = html.escape(_title(name, detail))
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title} - Launch Library 2 (flightgraph)</title>\n<style>{STYLE}</style>\n"
        "</head>\n<body>\n"
        '<header><a href="/2.3.0/">Launch Library 2</a> · flightgraph</header>\n<main>\n'
        f'<div class="page-header"><h1>{title}</h1></div>\n'
        f'<div class="description">\n{help_html(description)}\n</div>\n'
        f'<div class="request-info"><pre class="prettyprint"><b>{request.method}</b> '
        f"{html.escape(target)}</pre></div>\n"
        f'<div class="response-info"><pre class="prettyprint">'
        f'<span class="meta nocode">{html.escape(headers)}</span>{content}</pre></div>\n'
        "</main>\n</body>\n</html>\n"
    )
