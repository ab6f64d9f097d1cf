"""GraphiQL for browsers at `GET /graphql`: the page loads the bundle the build made from npm
packages (frontend-demo/graphiql), served by this API, so it works with no network beyond it."""

from __future__ import annotations

from pathlib import Path

import anyio
from starlette.responses import HTMLResponse

from app.http.demo import DEMO_ROOT

BUNDLE = DEMO_ROOT / "dist" / "graphiql.js"

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Atelier GraphiQL</title>
<link rel="icon" href="/demo/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/demo/build/graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL&hellip;</div>
<script type="module" src="/demo/build/graphiql.js"></script>
</body>
</html>
"""

NOT_BUILT_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Atelier: GraphiQL not built</title></head>
<body><h1>GraphiQL is not built</h1>
<p>The API is running; only GraphiQL's bundle is missing. Build it with <code>make setup</code>,
or <code>npm --prefix frontend-demo ci &amp;&amp; npm --prefix frontend-demo run build</code>.</p>
</body></html>"""


async def graphiql_page(bundle: Path = BUNDLE) -> HTMLResponse:
    if not await anyio.Path(bundle).is_file():
        return HTMLResponse(NOT_BUILT_PAGE, status_code=503)
    return HTMLResponse(PAGE, headers={"Cache-Control": "no-cache"})
