"""`atelier ingest` against the real stack: folders in, a line per file out, and exit codes that
say whether every file became READY."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

from app.client.ingest import ingest_paths
from app.embedded.process import free_port
from tests.support import models
from tests.support.client import Api
from tests.support.stack import ROOT

ASSETS = """
query { assets(first: 20) {
  totalCount edges { node { name status tags error { code } stats { triangleCount } } }
} }"""


def folder_with(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


async def assets_by_name(api: Api) -> dict[str, dict]:
    assets = (await api.graphql(ASSETS))["assets"]
    return {edge["node"]["name"]: edge["node"] for edge in assets["edges"]}


async def test_a_folder_of_good_models_exits_0_with_every_asset_ready(
        api: Api, api_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sphere = models.sphere_obj()
    folder = folder_with(tmp_path / "models", {
        "box.stl": models.box_stl(), "nested/sphere.obj": sphere, "README.txt": b"not a model"})

    code = await ingest_paths([folder], server=api_url, token=api.token, tags=["cli"])

    assert code == 0
    assets = await assets_by_name(api)
    assert set(assets) == {"box.stl", "sphere.obj"}
    assert {asset["status"] for asset in assets.values()} == {"READY"}
    assert assets["box.stl"]["stats"]["triangleCount"] == 12
    assert assets["sphere.obj"]["stats"]["triangleCount"] == models.triangle_count(sphere, "obj")
    assert all(asset["tags"] == ["cli"] for asset in assets.values())
    out = capsys.readouterr().out
    assert f"READY    {folder / 'box.stl'}  12 triangles" in out
    assert "2 files: 2 ready, 0 failed; 1 file skipped" in out


async def test_one_corrupt_file_makes_the_exit_code_1(
        api: Api, api_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = folder_with(tmp_path / "mixed", {
        "good.stl": models.box_stl(), "noise.glb": os.urandom(4096)})

    code = await ingest_paths([folder], server=api_url, token=api.token, tags=[])

    assert code == 1
    assets = await assets_by_name(api)
    assert assets["good.stl"]["status"] == "READY"
    assert assets["noise.glb"]["status"] == "FAILED"
    out = capsys.readouterr().out
    assert f"FAILED   {folder / 'noise.glb'}  CORRUPT_FILE: " in out
    assert "2 files: 1 ready, 1 failed" in out


async def test_the_command_exits_with_the_outcome(api: Api, api_url: str, tmp_path: Path
                                                  ) -> None:
    good = folder_with(tmp_path / "good", {"a.stl": models.box_stl()})
    mixed = folder_with(tmp_path / "mixed", {"b.obj": models.sphere_obj(),
                                             "c.glb": models.cylinder_glb()[:700]})

    good_run = await run_cli("ingest", str(good), "--server", api_url, "--token", api.token)
    mixed_run = await run_cli("ingest", str(mixed), "--server", api_url, "--token", api.token,
                              "--tag", "cli")

    assert good_run[0] == 0, good_run[1]
    assert "1 file: 1 ready, 0 failed" in good_run[1]
    assert mixed_run[0] == 1, mixed_run[1]
    assert "2 files: 1 ready, 1 failed" in mixed_run[1]


async def test_usage_and_connection_errors_exit_2(api_url: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    model = folder_with(tmp_path / "one", {"a.stl": models.box_stl()})
    nothing = folder_with(tmp_path / "none", {"notes.txt": b"words"})
    nobody = f"http://127.0.0.1:{free_port()}"

    missing = await ingest_paths([tmp_path / "absent"], server=api_url, token="t", tags=[])
    empty = await ingest_paths([nothing], server=api_url, token="t", tags=[])
    bad_url = await ingest_paths([model], server="ftp://example", token="t", tags=[])
    refused = await ingest_paths([model], server=api_url, token="wrong-token", tags=[])
    unreachable = await ingest_paths([model], server=nobody, token="t", tags=[])

    assert (missing, empty, bad_url, refused, unreachable) == (2, 2, 2, 2, 2)
    errors = capsys.readouterr().err
    assert "no such file or folder" in errors
    assert "no model files found (1 other file skipped)" in errors
    assert "refused the token" in errors
    assert f"cannot reach {nobody}" in errors


async def run_cli(*args: str) -> tuple[int, str]:
    """`python -m app ...` as a real process: its exit code and its stdout and stderr."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "app", *args, cwd=ROOT,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    output, _ = await asyncio.wait_for(process.communicate(), timeout=180)
    assert process.returncode is not None
    return process.returncode, output.decode()
