"""HMAC-signed, expiring URLs for the filesystem store's downloads and direct uploads.

The signature covers the method, the key, the expiry and every parameter the server acts on
(file name, content type), so none of them can be changed without a 403. Each part of the signed
string is percent-encoded, so no value can forge a separator: a name holding `&type=` stays one
name. The version tag retires signatures made over the earlier, ambiguous form.

A page of assets signs dozens of URLs per request, so signing is kept cheap: the keyed HMAC
state is built once and copied, and the encodings of keys and parameters (the same few file
names and content types again and again) are cached.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from collections.abc import Mapping
from functools import lru_cache
from urllib.parse import quote, quote_plus

CANONICAL_VERSION = "atelier-url-v2"
# Distinct keys and parameter sets remembered: a few pages' worth of files.
ENCODING_CACHE_SIZE = 8192


@lru_cache(maxsize=ENCODING_CACHE_SIZE)
def _quoted(value: str) -> str:
    return quote(value, safe="")


@lru_cache(maxsize=ENCODING_CACHE_SIZE)
def _path_quoted(key: str) -> str:
    return quote(key)


@lru_cache(maxsize=ENCODING_CACHE_SIZE)
def _encoded_params(items: tuple[tuple[str, str], ...]) -> tuple[str, str]:
    """The signed pairs of `items` (sorted by name) and their URL query form, as urlencode
    writes it."""
    pairs = "&".join(f"{_quoted(name)}={_quoted(value)}" for name, value in sorted(items))
    query = "".join(f"{quote_plus(name)}={quote_plus(value)}&" for name, value in items)
    return pairs, query


def canonical(method: str, key: str, expires: int, params: Mapping[str, str]) -> str:
    """The signed string: every part percent-encoded, so separators only ever separate."""
    pairs, _ = _encoded_params(tuple(params.items()))
    return _signed_string(method, key, expires, pairs)


def _signed_string(method: str, key: str, expires: int, pairs: str) -> str:
    return f"{CANONICAL_VERSION}\n{method}\n{_quoted(key)}\n{expires}\n{pairs}"


class UrlSigner:
    def __init__(self, secret: str) -> None:
        self._keyed = hmac.new(secret.encode(), digestmod=hashlib.sha256)

    def sign(self, method: str, key: str, expires: int, params: Mapping[str, str]) -> str:
        return self._signature(canonical(method, key, expires, params))

    def _signature(self, message: str) -> str:
        mac = self._keyed.copy()
        mac.update(message.encode())
        return base64.urlsafe_b64encode(mac.digest()).rstrip(b"=").decode()

    def url(
        self, base_url: str, path: str, method: str, key: str, expires_in: int,
        params: Mapping[str, str] | None = None,
    ) -> tuple[str, int]:
        expires = int(time.time()) + expires_in
        pairs, query = _encoded_params(tuple(params.items()) if params else ())
        signature = self._signature(_signed_string(method, key, expires, pairs))
        # The signature is unpadded URL-safe base64 and the expiry digits: neither needs quoting.
        return (f"{base_url.rstrip('/')}{path}/{_path_quoted(key)}?{query}exp={expires}"
                f"&sig={signature}", expires)

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
