"""glTF URIs: decode data URIs, and refuse any reference that could leave the upload."""

from __future__ import annotations

import base64
import binascii
import posixpath
from urllib.parse import unquote, urlsplit

from app.errors import CorruptFile, UnsafeReference


def is_data_uri(uri: str) -> bool:
    return uri.startswith("data:")


def decode_data_uri(uri: str) -> tuple[bytes, str]:
    """The bytes and media type of a `data:` URI."""
    header, sep, payload = uri.partition(",")
    if not sep:
        raise CorruptFile("a data URI has no ',' separator")
    media_type = header[5:].split(";")[0] or "application/octet-stream"
    if header.endswith(";base64"):
        try:
            return base64.b64decode(payload, validate=False), media_type
        except (binascii.Error, ValueError) as exc:
            raise CorruptFile(f"a data URI is not valid base64: {exc}") from exc
    return unquote(payload).encode("latin-1"), media_type


def safe_relative_path(uri: str, base: str = "") -> str:
    """A relative URI, read from the folder `base` of the upload, as a normalised path inside
    the upload; a scheme, an absolute path or a `..` that leaves the upload is refused."""
    parts = urlsplit(uri)
    if parts.scheme or parts.netloc:
        raise UnsafeReference(f"the URI '{uri[:200]}' points outside the upload")
    path = unquote(parts.path)
    if path.startswith(("/", "\\")) or (len(path) > 1 and path[1] == ":"):
        raise UnsafeReference(f"the URI '{uri[:200]}' is an absolute path")
    if not path or "\x00" in path:
        raise UnsafeReference(f"the URI '{uri[:200]}' names no file")
    normalised = posixpath.normpath(posixpath.join(base, path.replace("\\", "/")))
    if normalised == ".." or normalised.startswith("../"):
        raise UnsafeReference(f"the URI '{uri[:200]}' escapes the upload")
    return normalised
