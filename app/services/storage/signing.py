"""HMAC-signed, expiring URLs for the filesystem store's downloads and direct uploads."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from urllib.parse import quote, urlencode


class UrlSigner:
    def __init__(self, secret: str) -> None:
        self._secret = secret.encode()

    def sign(self, method: str, key: str, expires: int, extra: str = "") -> str:
        message = f"{method}\n{key}\n{expires}\n{extra}".encode()
        digest = hmac.new(self._secret, message, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()

    def url(
        self, base_url: str, path: str, method: str, key: str, expires_in: int, extra: str = ""
    ) -> tuple[str, int]:
        expires = int(time.time()) + expires_in
        query = {"exp": str(expires), "sig": self.sign(method, key, expires, extra)}
        if extra:
            query["name"] = extra
        return f"{base_url.rstrip('/')}{path}/{quote(key)}?{urlencode(query)}", expires

    def verify(self, method: str, key: str, expires: str, signature: str, extra: str = "") -> bool:
        """True when the signature matches and the URL has not expired."""
        try:
            expires_at = int(expires)
        except ValueError:
            return False
        if expires_at < time.time():
            return False
        expected = self.sign(method, key, expires_at, extra)
        return hmac.compare_digest(expected, signature)
