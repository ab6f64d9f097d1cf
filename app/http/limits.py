"""Refuse request bodies over the upload limit before reading them (413), and cut off streams
that exceed it without declaring a length."""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Room for the multipart envelope and the operations JSON around the file itself.
ENVELOPE_BYTES = 1024 * 1024


class BodySizeLimit:
    def __init__(self, app: ASGIApp, max_upload_bytes: int, paths: tuple[str, ...]) -> None:
        self.app = app
        self.limit = max_upload_bytes + ENVELOPE_BYTES
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.paths):
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            body = {"errors": [{
                "message": f"the request is larger than the limit of {self.limit} bytes",
                "extensions": {"code": "TOO_LARGE"},
            }]}
            await JSONResponse(body, status_code=413)(scope, receive, send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    return {"type": "http.disconnect"}
            return message

        await self.app(scope, limited_receive, send)
