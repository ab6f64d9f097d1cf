"""Request body caps: 413 TOO_LARGE for a declared length over the cap before anything is read,
and for a stream (chunked, or lying about its length) as soon as it passes the cap.

Multipart GraphQL requests and direct uploads carry files and get the upload cap; every other
body (JSON, or anything sent to a GET) gets the much smaller JSON cap, so a 50 MB query never
reaches the parser.

A stream cut off at the cap ends the application's read with a disconnect, which Starlette's
request reader raises as ClientDisconnect from deep inside the multipart parser; left alone
that surfaced as a 500. Here the cut is remembered, whatever the application does next
(raises, or answers) is replaced by the 413, and nothing more of the body is read.

JSON bodies are checked here too: Strawberry's view trusts a JSON body to be UTF-8 and an object
(`data.get("query")`), so invalid UTF-8, a JSON string or number, or nesting deeper than the
decoder's recursion limit each raised inside it and answered 500. The check reads the capped
body once, answers 400 INVALID_INPUT for any of them, and hands the same bytes on.
"""

from __future__ import annotations

import json
import re

from cross_web import HTTPException
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Room for the multipart envelope and the operations JSON around the file itself.
ENVELOPE_BYTES = 1024 * 1024
# Before a 413, this much more of the body is read and dropped, so a client still sending sees
# the answer (closing on unread bytes resets the connection, and uvicorn hands the application
# no more of the body once it answered); a longer body just has its connection ended.
DRAIN_BYTES = 8 * 1024 * 1024
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def too_large(limit: int) -> JSONResponse:
    body = {"errors": [{
        "message": f"the request is larger than the limit of {limit} bytes",
        "extensions": {"code": "TOO_LARGE"},
    }]}
    return JSONResponse(body, status_code=413, headers={"Connection": "close"})


async def drain_and_refuse(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
    drained = 0
    while drained <= DRAIN_BYTES:
        message = await receive()
        if message["type"] != "http.request":
            break
        drained += len(message.get("body", b""))
        if not message.get("more_body", False):
            break
    await too_large(limit)(scope, receive, send)


class BodySizeLimit:
    def __init__(self, app: ASGIApp, *, max_upload_bytes: int, max_json_bytes: int,
                 paths: tuple[str, ...]) -> None:
        self.app = app
        self.upload_limit = max_upload_bytes + ENVELOPE_BYTES
        self.json_limit = max_json_bytes
        self.paths = paths

    def limit_for(self, scope: Scope, headers: Headers) -> int:
        carries_files = (scope["method"] == "PUT"
                         or headers.get("content-type", "").startswith("multipart/form-data"))
        return self.upload_limit if carries_files else self.json_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.paths):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        limit = self.limit_for(scope, headers)
        declared = headers.get("content-length")
        # ASCII digits only: "²".isdigit() is true, and int() of it raises.
        if declared is not None and declared.isascii() and declared.isdigit() and (
                int(declared) > limit):
            await drain_and_refuse(scope, receive, send, limit)
            return
        received = 0
        cut_off = started = False

        async def limited_receive() -> Message:
            nonlocal received, cut_off
            if cut_off:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    cut_off = True
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if cut_off:
                return
            started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not cut_off:
                raise
        if cut_off and not started:
            await drain_and_refuse(scope, receive, send, limit)


def decode_request_json(data: str | bytes) -> object:
    """JSON a GraphQL request carries (a body, a multipart `operations` or `map`, GET
    `variables`), as Strawberry's view may trust it: UTF-8, within the decoder's nesting, and an
    object (or a list, which the view refuses as a batch). Anything else is HTTPException 400.

    AtelierGraphQL.decode_json returns this, so JSON bodies, multipart fields and GET parameters
    are all checked alike.
    """
    try:
        document = json.loads(data)
    except RecursionError:
        raise HTTPException(400, "the JSON is nested too deeply") from None
    except ValueError:  # JSONDecodeError, and UnicodeDecodeError for bytes that are not UTF-8
        raise HTTPException(400, "the request is not valid UTF-8 JSON") from None
    if not isinstance(document, dict | list):
        raise HTTPException(400, "the JSON must be an object, such as {\"query\": ...}")
    if _SURROGATE_ESCAPE.search(data if isinstance(data, bytes) else data.encode()):
        # json.loads joins escaped pairs; an unpaired half is no text and would break at the
        # database's UTF-8 encoding, deep inside a resolver.
        try:
            json.dumps(document, ensure_ascii=False).encode()
        except UnicodeEncodeError:
            raise HTTPException(400, "the JSON holds an unpaired UTF-16 surrogate") from None
    return document
