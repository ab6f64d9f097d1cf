"""`atelier serve` runs the whole product on embedded stores, keeps data across restarts,
prints a first admin token once, and leaves no process behind when stopped."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from app.embedded.process import free_port
from tests.e2e.test_ingest import upload_and_wait
from tests.support import models
from tests.support.client import Api

TOKEN_LINE = re.compile(r"Admin token \(shown once, keep it\): (\S+)")


def children_of(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@contextmanager
def running_serve(data_dir: Path, env_extra: dict[str, str]) -> Iterator[tuple[str, Path, int]]:
    port = free_port()
    log_path = data_dir.parent / f"serve-{port}.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ATELIER_")}
    env.update({"PYTHONUNBUFFERED": "1", **env_extra})
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "app", "serve", "--port", str(port), "--data-dir",
             str(data_dir)], env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            assert process.poll() is None, log_path.read_text()
            try:
                if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        else:
            raise AssertionError(f"serve did not get ready:\n{log_path.read_text()}")
        yield url, log_path, process.pid
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(60)


async def test_serve_keeps_data_across_restarts_and_leaves_no_orphans(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    admin_token = "serve-admin-token"
    with running_serve(data_dir, {"ATELIER_ADMIN_TOKEN": admin_token}) as (url, _, pid):
        children = children_of(pid)
        asset = await upload_and_wait(Api(url, admin_token), models.box_stl(), "kept.stl")
        assert asset["status"] == "READY"
    assert len(children) >= 3  # database, redis and at least one worker
    assert [child for child in children if alive(child)] == []

    with running_serve(data_dir, {"ATELIER_ADMIN_TOKEN": admin_token}) as (url, _, _):
        api = Api(url, admin_token)
        again = (await api.graphql(
            "query($id: ID!) { asset(id: $id) { status stats { triangleCount } glbUrl } }",
            {"id": asset["id"]}))["asset"]
        glb = await api.download(again["glbUrl"])

    assert again["status"] == "READY"
    assert again["stats"]["triangleCount"] == 12
    assert glb.status_code == 200 and glb.content[:4] == b"glTF"


async def test_serve_prints_a_generated_admin_token_once(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with running_serve(data_dir, {}) as (url, log_path, _):
        token = TOKEN_LINE.search(log_path.read_text()).group(1)  # type: ignore[union-attr]
        data = await Api(url, token).graphql("{ assets { totalCount } }")
    assert data["assets"]["totalCount"] == 0

    with running_serve(data_dir, {}) as (url, log_path, _):
        assert TOKEN_LINE.search(log_path.read_text()) is None
        still_valid = await Api(url, token).post("{ assets { totalCount } }")
        created = await asyncio.to_thread(
            subprocess.run,
            [sys.executable, "-m", "app", "token", "create", "--owner", "bob",
             "--scopes", "assets_read,jobs_read", "--data-dir", str(data_dir)],
            capture_output=True, text=True, timeout=60, check=True)
        bob = Api(url, created.stdout.strip().splitlines()[-1])
        bobs_assets = await bob.graphql("{ assets { totalCount } }")
        bobs_upload = await bob.upload(models.box_stl(), "not-allowed.stl")
    assert still_valid.status_code == 200
    assert bobs_assets["assets"]["totalCount"] == 0
    assert [e["code"] for e in bobs_upload["errors"]] == ["FORBIDDEN"]
