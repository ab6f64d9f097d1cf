"""The demo page: `/` serves frontend-demo's index.html, `/demo/...` its static files and bundle."""

from __future__ import annotations

from pathlib import Path

import anyio
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

DEMO_ROOT = Path(__file__).resolve().parents[2] / "frontend-demo"
BUNDLE = "app.js"

NOT_BUILT_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Atelier: demo not built</title>
<style>body{font:15px/1.5 system-ui,sans-serif;background:#0d1014;color:#e7eaf0;display:grid;
place-items:center;min-height:100vh;margin:0}main{max-width:560px;padding:32px}
code{background:#1a2029;padding:2px 6px;border-radius:4px}a{color:#7c9cff}</style></head>
<body><main><h1>The demo page is not built</h1>
<p>The API is running; only the web page's JavaScript bundle is missing. Build it with
<code>make setup</code>, or by hand:</p>
<p><code>npm --prefix frontend-demo ci &amp;&amp; npm --prefix frontend-demo run build</code></p>
<p>Meanwhile the API answers at <a href="/graphql">/graphql</a> (GraphiQL in a browser).</p>
</main></body></html>"""


class RevalidatedFiles(StaticFiles):
    """Static files that browsers check again before each use, so a rebuilt bundle shows at once;
    a folder that does not exist yet (the bundle before its build) answers 404, not 500."""

    async def check_config(self) -> None:
        if self.directory is not None and await anyio.Path(self.directory).is_dir():
            await super().check_config()

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers.setdefault("Cache-Control", "no-cache")
        return response


def routes(root: Path = DEMO_ROOT) -> list[BaseRoute]:
    """`GET /` (the page, or a "not built" page while the bundle is missing), `/demo/build/*`
    (the esbuild bundle) and `/demo/*` (stylesheet, icon). No auth: the page's API calls carry
    the token."""
    public, dist = root / "public", root / "dist"

    async def index(request: Request) -> Response:
        if not await anyio.Path(dist / BUNDLE).is_file():
            return HTMLResponse(NOT_BUILT_PAGE, status_code=503)
        return FileResponse(public / "index.html", headers={"Cache-Control": "no-cache"})

    return [
        Route("/", index, methods=["GET", "HEAD"]),
        Mount("/demo/build", RevalidatedFiles(directory=dist, check_dir=False)),
        Mount("/demo", RevalidatedFiles(directory=public)),
    ]
