"""A render's memory stays out of the worker process: a render within every limit but with huge
framebuffers (4096², 16 samples), and a scene of many nodes and materials, are drawn and
composed in the sandboxed child, so the worker's peak RSS barely moves and it lives on; frames
drawn in the child are stored as they come and a cancel stops it between frames."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.embedded.process import ChildProcess
from tests.conftest import ADMIN_TOKEN, new_owner_api
from tests.e2e.test_ingest import upload_and_wait
from tests.e2e.test_render import JOB, RENDER_SUBMIT, red_cube_glb
from tests.support.client import JOB_PROGRESS, Api
from tests.support.stack import start_api, start_worker

# The worker may grow by bookkeeping, never by a render's framebuffers (4096² x 16 samples
# of half-float colour and depth is gigabytes).
MAX_WORKER_GROWTH_MB = 150
SCENE_NODES = 400
SCENE_CREATE = """mutation($input: SceneCreateInput!) {
  sceneCreate(input: $input) { scene { id } errors { code message } } }"""

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def contained(env: dict[str, str], tmp_path_factory: pytest.TempPathFactory
              ) -> Iterator[tuple[str, ChildProcess]]:
    logs = tmp_path_factory.mktemp("contained")
    own = {**env, "ATELIER_DATABASE_NAME": "atelier_contained",
           "ATELIER_QUEUE_NAME": "atelier:queue:contained"}
    api, url = start_api(own, logs / "api.log")
    worker = start_worker(own, logs / "worker.log")
    yield url, worker
    worker.stop()
    api.stop()


def peak_rss_mb(worker: ChildProcess) -> float:
    assert worker.process is not None
    status = Path(f"/proc/{worker.process.pid}/status").read_text()
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


async def render_job(api: Api, **fields: object) -> dict:
    submitted = (await api.graphql(RENDER_SUBMIT, {"input": fields}))["renderSubmit"]
    assert submitted["errors"] == []
    async with api.websocket() as subscriptions:
        events = await subscriptions.collect(
            await subscriptions.start(JOB_PROGRESS, {"id": submitted["job"]["id"]}), within=240)
    return events[-1]["jobProgress"]["job"]


async def test_a_huge_render_grows_the_child_not_the_worker(
    contained: tuple[str, ChildProcess],
) -> None:
    url, worker = contained
    api = await new_owner_api(Api(url, ADMIN_TOKEN))
    cube = await upload_and_wait(api, red_cube_glb(), "cube.glb")
    before = peak_rss_mb(worker)

    job = await render_job(api, assetId=cube["id"], width=4096, height=4096, samples=16)

    assert job["status"] == "SUCCEEDED" or job["error"]["code"] in {
        "RESOURCE_EXHAUSTED", "RENDER_FAILED"}, job
    assert peak_rss_mb(worker) - before < MAX_WORKER_GROWTH_MB
    assert worker.alive()
    small = await render_job(api, assetId=cube["id"], width=64, height=64)
    assert small["status"] == "SUCCEEDED", small


async def test_a_scene_of_many_nodes_and_materials_is_composed_and_drawn_in_the_child(
    contained: tuple[str, ChildProcess],
) -> None:
    url, worker = contained
    api = await new_owner_api(Api(url, ADMIN_TOKEN))
    cube = await upload_and_wait(api, red_cube_glb(), "cube.glb")
    operations = []
    for n in range(SCENE_NODES):
        operations.append({"addMaterial": {"id": f"paint-{n}", "baseColorFactor": [
            n / SCENE_NODES, 0.5, 1 - n / SCENE_NODES, 1]}})
        operations.append({"addNode": {"id": f"cube-{n}", "translation": [n % 20, n // 20, 0],
                                       "mesh": {"assetId": cube["id"], "meshIndex": 0},
                                       "materialId": f"paint-{n}"}})
    created = (await api.graphql(SCENE_CREATE, {"input": {"name": "crowd",
                                                          "operations": operations}}))
    assert created["sceneCreate"]["errors"] == []
    before = peak_rss_mb(worker)

    job = await render_job(api, sceneId=created["sceneCreate"]["scene"]["id"], width=2048,
                           height=2048, samples=16)

    assert job["status"] == "SUCCEEDED" or job["error"]["code"] in {
        "RESOURCE_EXHAUSTED", "RENDER_FAILED"}, job
    assert peak_rss_mb(worker) - before < MAX_WORKER_GROWTH_MB
    assert worker.alive()


async def test_a_large_turntable_in_the_child_stores_each_frame_and_stops_when_cancelled(
    contained: tuple[str, ChildProcess],
) -> None:
    url, worker = contained
    api = await new_owner_api(Api(url, ADMIN_TOKEN))
    cube = await upload_and_wait(api, red_cube_glb(), "cube.glb")
    frames = 200
    submitted = (await api.graphql(RENDER_SUBMIT, {"input": {
        "assetId": cube["id"], "width": 2048, "height": 2048, "samples": 16,
        "turntable": {"frames": frames}}}))["renderSubmit"]
    job_id = submitted["job"]["id"]
    async with api.websocket() as subscriptions:
        op = await subscriptions.start(JOB_PROGRESS, {"id": job_id, "after": 0})
        seen: list[dict] = []
        while not any(e["jobProgress"]["job"]["stage"] == f"frame 3/{frames}" for e in seen):
            seen += await subscriptions.collect(op, count=1, within=120)
        cancel = await api.graphql(
            "mutation($id: ID!) { jobCancel(id: $id) { errors { code } } }", {"id": job_id})
        assert cancel["jobCancel"]["errors"] == []
        await subscriptions.collect(op, within=60)

    job = (await api.graphql(JOB, {"id": job_id}))["job"]
    assert (job["status"], job["error"]["code"]) == ("CANCELLED", "CANCELLED")
    assert 2 <= len(job["outputs"]) < frames
    assert [o["filename"] for o in job["outputs"][:2]] == ["frame-0001.png", "frame-0002.png"]
    assert worker.alive()
