"""assetImport on the real stack, from a local HTTP server (ATELIER_IMPORT_ALLOW_PRIVATE on):
a fetched model is ingested like an upload; redirects are followed and checked again; the size,
time and redirect caps hold and leave nothing stored; without the setting, loopback is refused."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import ADMIN_TOKEN, new_owner_api
from tests.support import models
from tests.support.client import ASSET_FIELDS, ASSET_READY, Api
from tests.support.stack import start_api

IMPORT = f"""mutation($input: AssetImportInput!) {{
  assetImport(input: $input) {{ asset {{ {ASSET_FIELDS} }} job {{ id }} errors {{ code message }} }}
}}"""
ASSET_COUNT = "{ assets { totalCount } }"
MAX_BYTES = 200_000
BOX = models.box_stl()


class Models(BaseHTTPRequestHandler):
    """A model, redirects (good, looping, to a file: URL), an oversized body with and without
    its length, a body that trickles and a 404."""

    def do_GET(self) -> None:
        routes = {
            "/models/box.stl": lambda: self._body(BOX),
            "/redirect": lambda: self._redirect("/models/box.stl"),
            "/loop": lambda: self._redirect("/loop"),
            "/to-file": lambda: self._redirect("file:///etc/passwd"),
            "/big-declared": lambda: self._body(b"x" * (MAX_BYTES + 1)),
            "/big-streamed": lambda: self._body(b"x" * (MAX_BYTES * 2), declare=False),
            "/slow": self._trickle,
        }
        routes.get(self.path.split("?", 1)[0], lambda: self.send_error(404))()

    def _body(self, data: bytes, *, declare: bool = True) -> None:
        self.send_response(200)
        if declare:
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _trickle(self) -> None:
        self.send_response(200)
        self.end_headers()
        for _ in range(30):
            self.wfile.write(b"solid ")
            self.wfile.flush()
            time.sleep(0.5)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture(scope="module")
def models_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Models)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def import_api(stack_dir: Path, env: dict[str, str], worker: None) -> Iterator[str]:
    settings = {"ATELIER_IMPORT_ALLOW_PRIVATE": "true", "ATELIER_MAX_UPLOAD_BYTES": str(MAX_BYTES),
                "ATELIER_IMPORT_TIMEOUT_SECONDS": "3", "ATELIER_IMPORT_MAX_REDIRECTS": "3"}
    api, url = start_api({**env, **settings}, stack_dir / "import-api.log")
    yield url
    api.stop()


@pytest.fixture
async def importer(import_api: str) -> Api:
    return await new_owner_api(Api(import_api, ADMIN_TOKEN))


async def import_url(api: Api, url: str) -> dict:
    return (await api.graphql(IMPORT, {"input": {"url": url, "tags": ["imported"]}}))[
        "assetImport"]


def stored_names(stack_dir: Path) -> set[str]:
    return {path.name for path in (stack_dir / "objects").rglob("*") if path.is_file()}


async def test_an_imported_model_is_ingested_like_an_upload(importer: Api, models_url: str
                                                            ) -> None:
    imported = await import_url(importer, f"{models_url}/redirect")

    assert imported["errors"] == []
    assert imported["asset"]["name"] == "redirect"
    async with importer.websocket() as subscriptions:
        op = await subscriptions.start(ASSET_READY, {"id": imported["asset"]["id"]})
        [event] = await subscriptions.collect(op)
    asset = event["assetReady"]["asset"]
    assert asset["status"] == "READY", asset["error"]
    assert asset["sourceFormat"] == "STL"
    assert asset["sizeBytes"] == len(BOX)
    assert asset["tags"] == ["imported"]
    original = next(f for f in asset["files"] if f["role"] == "ORIGINAL")
    assert (await importer.download(original["url"])).content == BOX


@pytest.mark.parametrize(("path", "code", "message"), [
    ("/loop", "INVALID_INPUT", "redirected more than 3 times"),
    ("/to-file", "INVALID_INPUT", "import URLs must be https"),
    ("/missing", "INVALID_INPUT", "answered HTTP 404"),
    ("/big-declared", "TOO_LARGE", f"limit of {MAX_BYTES} bytes"),
    ("/big-streamed", "TOO_LARGE", f"limit of {MAX_BYTES} bytes"),
    ("/slow", "TIMEOUT", "longer than 3 s"),
])
async def test_a_refused_import_stores_nothing(importer: Api, models_url: str,
                                               stack_dir: Path, path: str, code: str,
                                               message: str) -> None:
    before = stored_names(stack_dir)

    refused = await import_url(importer, f"{models_url}{path}?{uuid.uuid4().hex}")

    assert [error["code"] for error in refused["errors"]] == [code]
    assert message in refused["errors"][0]["message"]
    assert refused["asset"] is None
    assert (await importer.graphql(ASSET_COUNT))["assets"]["totalCount"] == 0
    assert not {name for name in stored_names(stack_dir) - before if "big" in name
                or "slow" in name or "loop" in name}


async def test_without_the_setting_loopback_and_http_are_refused(api: Api, models_url: str
                                                                 ) -> None:
    plain = await import_url(api, f"{models_url}/models/box.stl")
    https_loopback = await import_url(api, "https://127.0.0.1:1/models/box.stl")
    localhost = await import_url(api, "https://localhost:1/models/box.stl")

    assert [e["code"] for e in plain["errors"]] == ["INVALID_INPUT"]
    assert "must be https" in plain["errors"][0]["message"]
    for refused in (https_loopback, localhost):
        assert [e["code"] for e in refused["errors"]] == ["INVALID_INPUT"]
        assert "ATELIER_IMPORT_ALLOW_PRIVATE" in refused["errors"][0]["message"]
    assert (await api.graphql(ASSET_COUNT))["assets"]["totalCount"] == 0
