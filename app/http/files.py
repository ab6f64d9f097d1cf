"""Signed downloads and direct uploads for the filesystem store; a bad or late URL gets 403.

Downloads open in the browser only for types it shows without running anything (PNG, JPEG,
WEBP images and binary glTF); every other file is an attachment. A direct-upload URL stores
its bytes once: a second PUT, or one after the upload completed, gets 409 and changes nothing.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response

from app.errors import Conflict, InvalidInput, TooLarge
from app.http.audit import actor_at
from app.services.audit import FILE_DOWNLOAD
from app.services.storage.base import INLINE_TYPES
from app.services.storage.filesystem import DOWNLOAD_SIGNED, FilesystemStorage


def _filesystem_store(request: Request) -> FilesystemStorage | None:
    storage = request.app.state.services.storage
    return storage if isinstance(storage, FilesystemStorage) else None


def _forbidden() -> JSONResponse:
    return JSONResponse({"error": "the URL is invalid or has expired"}, status_code=403)


def _count(text: str | None) -> int | None:
    """A byte count from a header or parameter; None unless plain ASCII digits."""
    return int(text) if text is not None and text.isascii() and text.isdigit() else None


def disposition(media_type: str) -> str:
    return "inline" if media_type in INLINE_TYPES else "attachment"


async def download(request: Request) -> Response:
    storage = _filesystem_store(request)
    key = request.path_params["key"]
    params = request.query_params
    if storage is None or not storage.signer.verify("GET", key, params, DOWNLOAD_SIGNED):
        return _forbidden()
    try:
        path = storage.path_of(key)
    except InvalidInput:
        return _forbidden()
    if not path.is_file():
        return JSONResponse({"error": "not found"}, status_code=404)
    await request.app.state.services.audit.record(FILE_DOWNLOAD, actor_at(request.scope, None),
                                                  object_id=key)
    media_type = params.get("type") or "application/octet-stream"
    return FileResponse(
        path,
        media_type=media_type,
        filename=params.get("name") or path.name,
        content_disposition_type=disposition(media_type),
        headers={"Cache-Control": "private, max-age=60"},
    )


async def upload(request: Request) -> Response:
    storage = _filesystem_store(request)
    key = request.path_params["key"]
    params = request.query_params
    # A declared size is part of the signature: dropping or changing it gives a 403.
    signed = ("size",) if "size" in params else ()
    if storage is None or not storage.signer.verify("PUT", key, params, signed):
        return _forbidden()
    declared_size = _count(params.get("size"))
    limit = request.app.state.services.settings.max_upload_bytes
    if declared_size is not None:
        limit = min(limit, declared_size)
    declared = _count(request.headers.get("content-length"))
    if declared is not None and declared > limit:
        return JSONResponse({"error": f"larger than the limit of {limit} bytes"}, status_code=413)
    try:
        stored = await storage.put_new(key, request.stream(), max_bytes=limit)
    except TooLarge as error:
        return JSONResponse({"error": error.message}, status_code=413)
    except Conflict as error:
        return JSONResponse({"error": error.message}, status_code=409)
    except InvalidInput:
        return _forbidden()
    return JSONResponse({"key": key, "sizeBytes": stored.size_bytes, "sha256": stored.sha256})
