"""`atelier ingest` against the real stack: folders in, a line per file out, and exit codes that
say whether every file became READY; once more against an API and worker storing in S3."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from moto.server import ThreadedMotoServer

from app.client.ingest import ingest_paths
from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.process import free_port
from app.embedded.redis import EmbeddedRedis
from app.services.storage.s3 import S3Storage
from tests.conftest import ADMIN_TOKEN, new_owner_api
from tests.support import models
from tests.support.client import Api
from tests.support.stack import ROOT, stack_env, start_api, start_worker

S3_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "atelier-test", "AWS_SECRET_ACCESS_KEY": "atelier-secret"}

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


async def test_the_command_exits_1_when_a_file_failed(api: Api, api_url: str, tmp_path: Path
                                                      ) -> None:
    mixed = folder_with(tmp_path / "mixed", {"b.obj": models.sphere_obj(),
                                             "c.glb": models.cylinder_glb()[:700]})

    code, output = await run_cli("ingest", str(mixed), "--server", api_url, "--token", api.token,
                                 "--tag", "cli")

    assert code == 1, output
    assert "2 files: 1 ready, 1 failed" in output


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


@pytest.fixture(scope="module")
async def s3_api_url(stack_dir: Path, database: EmbeddedDatabase, redis_server: EmbeddedRedis
                     ) -> AsyncIterator[str]:
    """`atelier api` and `atelier worker` storing in a bucket of a moto S3 server."""
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    moto.start()
    host, port = moto.get_host_and_port()
    s3 = {"ATELIER_S3_ENDPOINT_URL": f"http://{host}:{port}", "ATELIER_S3_BUCKET": "atelier",
          **S3_CREDENTIALS}
    with pytest.MonkeyPatch.context() as patch:
        for name, value in S3_CREDENTIALS.items():
            patch.setenv(name, value)
        await S3Storage(Settings(s3_endpoint_url=s3["ATELIER_S3_ENDPOINT_URL"],
                                 s3_bucket="atelier", public_url=None)).ensure_bucket()
    env = stack_env(mongodb_url=database.url, redis_url=redis_server.url,
                    storage_dir=stack_dir / "unused-objects", database_name="atelier_s3",
                    admin_token=ADMIN_TOKEN, extra=s3)
    api, url = start_api(env, stack_dir / "s3-api.log")
    worker = start_worker(env, stack_dir / "s3-worker.log")
    yield url
    worker.stop()
    api.stop()
    moto.stop()


async def test_ingest_into_a_deployment_on_s3(s3_api_url: str, tmp_path: Path) -> None:
    owner = await new_owner_api(Api(s3_api_url, ADMIN_TOKEN))
    folder = folder_with(tmp_path / "s3", {"box.stl": models.box_stl(),
                                           "cylinder.glb": models.cylinder_glb()})

    code = await ingest_paths([folder], server=s3_api_url, token=owner.token, tags=[])

    assert code == 0
    data = await owner.graphql("{ assets(first: 5) { edges { node { name glbUrl } } } }")
    for edge in data["assets"]["edges"]:
        glb = await owner.download(edge["node"]["glbUrl"])
        assert glb.status_code == 200
        assert glb.content.startswith(b"glTF")
        assert glb.headers["content-type"] == "model/gltf-binary"


async def run_cli(*args: str) -> tuple[int, str]:
    """`python -m app ...` as a real process: its exit code and its stdout and stderr."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "app", *args, cwd=ROOT,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    output, _ = await asyncio.wait_for(process.communicate(), timeout=180)
    assert process.returncode is not None
    return process.returncode, output.decode()
