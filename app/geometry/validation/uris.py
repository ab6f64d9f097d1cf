"""URIs in buffers and images: data URIs decoded strictly, others checked for form and locality."""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote_to_bytes

from .context import Context, join, show

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*$")
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")


@dataclass(frozen=True)
class DataUri:
    media_type: str
    data: bytes


def parse_data_uri(uri: str) -> DataUri:
    """Decode `data:[type][;k=v]*[;base64],payload`; raise ValueError when it is malformed."""
    if not uri[:5].lower() == "data:":
        raise ValueError("not a data URI")
    header, comma, payload = uri[5:].partition(",")
    if not comma:
        raise ValueError("missing ',' before the data")
    parts = header.split(";")
    encoded = parts[-1] == "base64" and len(parts) > 1
    for parameter in parts[1:-1] if encoded else parts[1:]:
        if "=" not in parameter:
            raise ValueError("expecting '=' in a media type parameter")
    media_type = parts[0] or "text/plain"
    if not encoded:
        return DataUri(media_type, unquote_to_bytes(payload))
    try:
        return DataUri(media_type, base64.b64decode(unquote_to_bytes(payload), validate=True))
    except (binascii.Error, ValueError) as exc:
        raise ValueError(f"invalid base64 data: {exc}") from exc


def reference_problem(uri: str) -> str | None:
    """Why a non-data URI is malformed, or None when it parses."""
    head = re.split(r"[/?#]", uri, maxsplit=1)[0]
    if ":" in head and not _SCHEME.match(head.partition(":")[0]):
        return "invalid scheme"
    if _BAD_ESCAPE.search(uri):
        return "invalid percent-escape"
    return None


def check_reference(ctx: Context, uri: str, pointer: str) -> bool:
    """Report a malformed or non-relative URI (Khronos's INVALID_URI, NON_RELATIVE_URI)."""
    problem = reference_problem(uri)
    if problem is not None:
        ctx.add("INVALID_URI", join(pointer, "uri"), f"'{uri}'", problem)
        return False
    head = re.split(r"[/?#]", uri, maxsplit=1)[0]
    if ":" in head or uri.startswith("/") or "?" in uri or "#" in uri:
        ctx.add("NON_RELATIVE_URI", join(pointer, "uri"), f"'{uri}'")
    return True


def read_uri(ctx: Context, obj: dict[str, Any], pointer: str) -> tuple[str | None, DataUri | None]:
    """Check an object's `uri`: (the URI string if valid and external, its data if a data URI)."""
    if "uri" not in obj:
        return None, None
    uri, where = obj["uri"], join(pointer, "uri")
    if not isinstance(uri, str):
        ctx.add("TYPE_MISMATCH", where, show(uri), "string")
        return None, None
    if ctx.glb:
        ctx.add("URI_GLB", where)
    if uri[:5].lower() == "data:":
        try:
            parsed = parse_data_uri(uri)
        except ValueError as exc:
            ctx.add("INVALID_URI", where, f"'{uri[:64]}'", str(exc))
            return None, None
        if ctx.glb:
            ctx.add("DATA_URI_GLB", where)
        return None, parsed
    return (uri if check_reference(ctx, uri, pointer) else None), None
