"""Security headers on every HTTP response: no framing, no sniffing, no referrer, and a Content
Security Policy that allows a page exactly the scripts and styles it carries.

An HTML page (the demo, GraphiQL) is read before it is sent: each external script and
stylesheet it names is allowed by its exact URL and each inline block by its sha256, so
GraphiQL's CDN files and its inline bootstrap run and nothing injected beside them would.
Everything else (JSON, files) gets `default-src 'none'`, so a stored file opened in the
browser can run nothing.
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

FIXED_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
NON_HTML_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
MAX_HTML_BYTES = 1024 * 1024

_SCRIPT = re.compile(rb"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
_STYLE = re.compile(rb"<style\b[^>]*>(.*?)</style>", re.S | re.I)
_LINK = re.compile(rb"<link\b[^>]*>", re.S | re.I)
_HREF = re.compile(rb"\bhref=\"([^\"]+)\"", re.I)
_SRC = re.compile(rb"\bsrc=\"([^\"]+)\"", re.I)


def _digest(block: bytes) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(block).digest()).decode() + "'"


def _external(url: bytes) -> str | None:
    """An absolute http(s) URL, as a CSP source; same-origin paths are covered by 'self'."""
    text = url.decode("ascii", "replace")
    return text if urlsplit(text).scheme in ("http", "https") else None


def html_policy(page: bytes) -> str:
    # WebAssembly (the demo's Draco decoder) compiles only with 'wasm-unsafe-eval'; it allows
    # no JavaScript eval.
    scripts, styles, assets = ["'self'", "'wasm-unsafe-eval'"], ["'self'"], ["'self'", "data:"]
    for attributes, body in _SCRIPT.findall(page):
        src = _SRC.search(attributes)
        if src is None:
            scripts.append(_digest(body))
        elif (url := _external(src.group(1))) is not None:
            scripts.append(url)
    styles += [_digest(body) for body in _STYLE.findall(page)]
    for link in _LINK.findall(page):
        href = _HREF.search(link)
        if b"stylesheet" in link and href and (url := _external(href.group(1))) is not None:
            styles.append(url)
            parts = urlsplit(url)
            assets.append(f"{parts.scheme}://{parts.netloc}")  # fonts and images of that CSS
    return "; ".join([
        "default-src 'self'",
        f"script-src {' '.join(dict.fromkeys(scripts))}",
        f"style-src {' '.join(dict.fromkeys(styles))}",
        f"img-src {' '.join(dict.fromkeys(assets))} blob:",
        f"font-src {' '.join(dict.fromkeys(assets))}",
        "connect-src 'self' blob: data:",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        held: Message | None = None
        page = bytearray()

        async def send_with_headers(message: Message) -> None:
            nonlocal held
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in FIXED_HEADERS.items():
                    headers[name] = value
                if headers.get("content-type", "").startswith("text/html"):
                    held = message
                    return
                headers["Content-Security-Policy"] = NON_HTML_POLICY
            elif message["type"] == "http.response.body" and held is not None:
                page.extend(message.get("body", b""))
                if message.get("more_body", False) and len(page) <= MAX_HTML_BYTES:
                    return
                MutableHeaders(scope=held)["Content-Security-Policy"] = html_policy(bytes(page))
                await send(held)
                held = None
                message = {**message, "body": bytes(page)}
            await send(message)

        await self.app(scope, receive, send_with_headers)
