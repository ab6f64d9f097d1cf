"""Signed downloads and direct uploads for the filesystem store; a bad or late URL gets 403."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response

from app.errors import TooLarge
from app.services.storage.filesystem import DOWNLOAD_SIGNED, FilesystemStorage


def _filesystem_store(request: Request) -> FilesystemStorage | None:
    storage = request.app.state.services.storage
    return storage if isinstance(storage, FilesystemStorage) else None


def _forbidden() -> JSONResponse:
    return JSONResponse({"error": "the URL is invalid or has expired"}, status_code=403)


async def download(request: Request) -> Response:
    storage = _filesystem_store(request)
    key = request.path_params["key"]
    params = request.query_params
    if storage is None or not storage.signer.verify("GET", key, params, DOWNLOAD_SIGNED):
        return _forbidden()
    path = storage.path_of(key)
    if not path.is_file():
        return JSONResponse({"error": "not found"}, status_code=404)
    return FileResponse(
        path,
        media_type=params.get("type") or None,
        filename=params.get("name") or path.name,
        content_disposition_type="inline",
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
    limit = request.app.state.services.settings.max_upload_bytes
    if params.get("size", "").isdigit():
        limit = min(limit, int(params["size"]))
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        return JSONResponse({"error": f"larger than the limit of {limit} bytes"}, status_code=413)
    try:
        stored = await storage.put_stream(key, request.stream(), max_bytes=limit)
    except TooLarge as error:
        return JSONResponse({"error": error.message}, status_code=413)
    return JSONResponse({"key": key, "sizeBytes": stored.size_bytes, "sha256": stored.sha256})
