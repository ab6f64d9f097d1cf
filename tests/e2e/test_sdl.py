"""`GET /graphql/schema.graphql` and `atelier schema` give the committed SDL."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


async def test_the_api_serves_the_committed_sdl(api_url: str) -> None:
    async with httpx.AsyncClient() as http:
        response = await http.get(f"{api_url}/graphql/schema.graphql")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/graphql")
    assert response.text == (ROOT / "schema.graphql").read_text()


def test_atelier_schema_prints_it() -> None:
    printed = subprocess.run([sys.executable, "-m", "app", "schema"], capture_output=True,
                             text=True, timeout=60, cwd=ROOT, check=True)

    assert printed.stdout == (ROOT / "schema.graphql").read_text()
