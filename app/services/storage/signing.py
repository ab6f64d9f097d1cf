"""HMAC-signed, expiring URLs for the filesystem store's downloads and direct uploads.

The signature covers the method, the key, the expiry and every parameter the server acts on
(file name, content type), so none of them can be changed without a 403. Each part of the signed
string is percent-encoded, so no value can forge a separator: a name holding `&type=` stays one
name. The version tag retires signatures made over the earlier, ambiguous form.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from collections.abc import Mapping
from urllib.parse import quote, urlencode

CANONICAL_VERSION = "atelier-url-v2"


def canonical(method: str, key: str, expires: int, params: Mapping[str, str]) -> str:
    """The signed string: every part percent-encoded, so separators only ever separate."""
    pairs = "&".join(f"{quote(name, safe='')}={quote(value, safe='')}"
                     for name, value in sorted(params.items()))
    parts = (CANONICAL_VERSION, method, quote(key, safe=""), str(expires), pairs)
    return "\n".join(parts)


class UrlSigner:
    def __init__(self, secret: str) -> None:
        self._secret = secret.encode()

    def sign(self, method: str, key: str, expires: int, params: Mapping[str, str]) -> str:
        message = canonical(method, key, expires, params).encode()
        digest = hmac.new(self._secret, message, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()

    def url(
        self, base_url: str, path: str, method: str, key: str, expires_in: int,
        params: Mapping[str, str] | None = None,
    ) -> tuple[str, int]:
        expires = int(time.time()) + expires_in
        signed = dict(params or {})
        query = {**signed, "exp": str(expires), "sig": self.sign(method, key, expires, signed)}
        return f"{base_url.rstrip('/')}{path}/{quote(key)}?{urlencode(query)}", expires

    def verify(
        self, method: str, key: str, query: Mapping[str, str], signed: tuple[str, ...] = ()
    ) -> bool:
        """True when the signature over `signed` query parameters matches and is not expired."""
        try:
            expires = int(query.get("exp", ""))
        except ValueError:
            return False
        if expires < time.time():
            return False
        params = {name: query.get(name, "") for name in signed}
        expected = self.sign(method, key, expires, params)
        return hmac.compare_digest(expected, query.get("sig", ""))
