"""renderSubmit → RENDER job → images, over real HTTP and websockets against the real stack;
thumbnails and the job time limit run the worker code in this process on the same stores."""

from __future__ import annotations

import contextlib
import io
from collections.abc import AsyncIterator
from pathlib import Path

import numpy as np
import pytest
import trimesh
from PIL import Image

from app.config import Settings
from app.geometry.render import LookAtCamera, RenderRequest
from app.models.asset import Asset
from app.models.common import new_id
from app.models.job import Job
from app.models.token import Scope
from app.services.auth import Principal
from app.services.container import Services, opened_services
from app.workers.render import render
from app.workers.thumbnail import render_thumbnail, thumbnail_ahead
from tests.conftest import ADMIN_TOKEN, new_owner_api
from tests.e2e.test_ingest import upload_and_wait
from tests.support.client import JOB_PROGRESS, Api

RENDER_SUBMIT = """
mutation Render($input: RenderSubmitInput!) {
  renderSubmit(input: $input) {
    job { id kind status params asset { id } outputs { role format sizeBytes url } }
    errors { field message code }
  }
}"""
JOB = """
query Job($id: ID!) {
  job(id: $id) { id status priority stage message error { code message }
                 outputs { role format contentType filename url } }
}"""
RENDER_JOBS = "{ jobs(filter: {kind: [RENDER]}) { totalCount } }"
ASSET_FILES = "query($id: ID!) { asset(id: $id) { files { role format filename } } }"
SCENE_FROM_ASSET = """
mutation($id: ID!) { sceneCreateFromAsset(assetId: $id) {
  scene { id nodes { edges { node { id mesh { meshIndex } } } } } errors { code message } } }"""
SCENE_UPDATE = """
mutation($id: ID!, $ops: [SceneOperationInput!]!) {
  sceneUpdate(id: $id, input: {operations: $ops}) { scene { version } errors { code message } } }"""
FRONT = {"lookAt": {"position": [0, 0, 3], "target": [0, 0, 0], "fovY": 45}}
BLUE = [0.0, 0.0, 1.0, 1.0]


def red_cube_glb() -> bytes:
    cube = trimesh.creation.box(extents=(1.0, 1.0, 1.0))
    cube.visual = trimesh.visual.TextureVisuals(material=trimesh.visual.material.PBRMaterial(
        baseColorFactor=(204, 13, 13, 255), metallicFactor=0.0, roughnessFactor=0.7))
    return bytes(trimesh.Scene(cube).export(file_type="glb"))


@pytest.fixture(scope="module")
async def owner(api_url: str, worker: None) -> Api:
    return await new_owner_api(Api(api_url, ADMIN_TOKEN))


@pytest.fixture(scope="module")
async def cube(owner: Api) -> dict:
    asset = await upload_and_wait(owner, red_cube_glb(), "red-cube.glb")
    assert asset["status"] == "READY", asset["error"]
    return asset


async def submit(api: Api, **fields: object) -> dict:
    data = await api.graphql(RENDER_SUBMIT, {"input": fields})
    return data["renderSubmit"]


async def finished(api: Api, job_id: str) -> list[dict]:
    """Every event of the job over jobProgress, from its first, until it ends."""
    async with api.websocket() as subscriptions:
        op = await subscriptions.start(JOB_PROGRESS.replace(
            "error { code message }", "error { code message } outputs { url }"),
            {"id": job_id, "after": 0})
        events = await subscriptions.collect(op, within=120)
    return [event["jobProgress"] for event in events]


async def render_images(api: Api, **fields: object) -> tuple[dict, list[Image.Image]]:
    submitted = await submit(api, **fields)
    assert submitted["errors"] == []
    await finished(api, submitted["job"]["id"])
    job = (await api.graphql(JOB, {"id": submitted["job"]["id"]}))["job"]
    images = []
    for output in job["outputs"]:
        response = await api.download(output["url"])
        assert response.status_code == 200
        images.append(Image.open(io.BytesIO(response.content)))
    return job, images


async def test_cube_renders_its_colour_on_the_background(owner: Api, cube: dict) -> None:
    # Given a READY red unit cube seen face-on from a known camera
    # When it is rendered as a PNG on a blue background
    job, images = await render_images(owner, assetId=cube["id"], camera=FRONT, width=128,
                                      height=96, background=BLUE)
    # Then the job (interactive: one image) succeeded with one PNG whose centre is red and
    # whose corners are blue
    assert job["status"] == "SUCCEEDED", job["error"]
    assert job["priority"] == "INTERACTIVE"
    assert [(o["role"], o["format"], o["contentType"]) for o in job["outputs"]] == [
        ("RENDER", "PNG", "image/png")]
    pixels = np.asarray(images[0].convert("RGB"))
    assert pixels.shape == (96, 128, 3)
    red, green, blue = (int(c) for c in pixels[48, 64])
    assert red > 100 and green < red / 2 and blue < red / 2
    for corner in (pixels[0, 0], pixels[0, -1], pixels[-1, 0], pixels[-1, -1]):
        assert tuple(corner) == (0, 0, 255)


async def test_transparent_background_has_zero_alpha_at_the_corners(owner: Api,
                                                                    cube: dict) -> None:
    job, images = await render_images(owner, assetId=cube["id"], camera=FRONT, width=64,
                                      height=64, background=None)

    assert job["status"] == "SUCCEEDED", job["error"]
    pixels = np.asarray(images[0])
    assert pixels.shape == (64, 64, 4)
    assert [int(pixels[y, x, 3]) for y, x in ((0, 0), (0, -1), (-1, 0), (-1, -1))] == [0] * 4
    assert pixels[32, 32, 3] == 255


@pytest.mark.parametrize("image_format", ["JPEG", "WEBP"])
async def test_lossy_formats_decode_at_the_asked_size(owner: Api, cube: dict,
                                                      image_format: str) -> None:
    job, images = await render_images(owner, assetId=cube["id"], width=80, height=48,
                                      format=image_format, quality=80)

    assert job["status"] == "SUCCEEDED", job["error"]
    assert job["outputs"][0]["format"] == image_format
    assert (images[0].format, images[0].size) == (image_format, (80, 48))


async def test_turntable_gives_one_output_per_frame_also_on_the_asset(owner: Api,
                                                                      cube: dict) -> None:
    before = (await owner.graphql(ASSET_FILES, {"id": cube["id"]}))["asset"]["files"]

    job, images = await render_images(owner, assetId=cube["id"], width=48, height=48,
                                      turntable={"frames": 3, "pitch": 30})

    assert job["status"] == "SUCCEEDED", job["error"]
    assert job["priority"] == "STANDARD"
    assert [o["filename"] for o in job["outputs"]] == [
        "frame-0001.png", "frame-0002.png", "frame-0003.png"]
    assert all(image.size == (48, 48) for image in images)
    after = (await owner.graphql(ASSET_FILES, {"id": cube["id"]}))["asset"]["files"]
    assert after[:len(before)] == before
    assert [f["role"] for f in after[len(before):]] == ["RENDER"] * 3
    assert job["message"].startswith("3 images rendered in ")


async def test_progress_is_gapless_with_a_stage_per_frame(owner: Api, cube: dict) -> None:
    submitted = await submit(owner, assetId=cube["id"], width=32, height=32,
                             turntable={"frames": 4})

    events = await finished(owner, submitted["job"]["id"])

    assert [e["sequence"] for e in events] == list(range(1, len(events) + 1))
    jobs = [e["job"] for e in events]
    assert (jobs[0]["status"], jobs[-1]["status"]) == ("QUEUED", "SUCCEEDED")
    stages = [job["stage"] for job in jobs]
    assert [s for s in stages if s.startswith("frame")] == [f"frame {n}/4" for n in range(1, 5)]
    assert stages[:2] == ["queued", "load"]
    assert [len(job["outputs"]) for job in jobs if job["stage"].startswith("frame")] == [
        0, 1, 2, 3]
    progress = [job["progress"] for job in jobs]
    assert progress == sorted(progress) and progress[-1] == 1.0


@pytest.mark.parametrize(("fields", "code", "field"), [
    ({"width": 5000}, "LIMIT_EXCEEDED", ["input", "width"]),
    ({"samples": 64}, "LIMIT_EXCEEDED", ["input", "samples"]),
    ({"turntable": {"frames": 100_000}}, "LIMIT_EXCEEDED", ["input", "turntable", "frames"]),
    ({"height": 0}, "INVALID_INPUT", ["input", "height"]),
    ({"turntable": {"frames": 0}}, "INVALID_INPUT", ["input", "turntable", "frames"]),
    ({"background": [1, 0, 0]}, "INVALID_INPUT", ["input", "background"]),
    ({"quality": 101}, "INVALID_INPUT", ["input", "quality"]),
    ({"camera": {"lookAt": {"position": [0, 0, 1], "target": [0, 0, 1]}}}, "INVALID_INPUT",
     ["input", "camera", "lookAt", "target"]),
    ({"camera": {"lookAt": {"position": [0, 0], "target": [0, 0, 0]}}}, "INVALID_INPUT",
     ["input", "camera", "lookAt", "position"]),
    ({"camera": {"orbit": {"yaw": 0, "pitch": 0, "fovY": 180}}}, "INVALID_INPUT",
     ["input", "camera", "orbit", "fovY"]),
    ({"format": "JPEG", "background": None}, "UNSUPPORTED_OPTION", ["input", "background"]),
    ({"camera": FRONT, "turntable": {"frames": 8}}, "UNSUPPORTED_OPTION",
     ["input", "turntable"]),
    ({"sceneId": "scn_0"}, "INVALID_INPUT", ["input"]),
])
async def test_bad_requests_are_refused_before_queueing(owner: Api, cube: dict, fields: dict,
                                                        code: str, field: list[str]) -> None:
    jobs_before = (await owner.graphql(RENDER_JOBS))["jobs"]["totalCount"]

    payload = await submit(owner, assetId=cube["id"], **fields)

    assert payload["job"] is None
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [(code, field)]
    assert (await owner.graphql(RENDER_JOBS))["jobs"]["totalCount"] == jobs_before


async def test_nothing_to_render_is_invalid_input(owner: Api) -> None:
    payload = await submit(owner)

    assert [(e["code"], e["field"]) for e in payload["errors"]] == [("INVALID_INPUT", ["input"])]


async def test_two_cameras_at_once_break_the_one_of_rule(owner: Api, cube: dict) -> None:
    response = await owner.post(RENDER_SUBMIT, {"input": {"assetId": cube["id"], "camera": {
        **FRONT, "orbit": {"yaw": 0, "pitch": 0}}}})

    assert response.json()["data"] is None
    assert "exactly one" in response.json()["errors"][0]["message"]


async def test_another_owners_asset_is_not_found(admin: Api, cube: dict) -> None:
    stranger = await new_owner_api(admin)

    payload = await submit(stranger, assetId=cube["id"])

    assert [(e["code"], e["field"]) for e in payload["errors"]] == [
        ("NOT_FOUND", ["input", "assetId"])]


async def test_an_unknown_scene_is_not_found(owner: Api) -> None:
    payload = await submit(owner, sceneId="scn_missing")

    assert [(e["code"], e["field"]) for e in payload["errors"]] == [
        ("NOT_FOUND", ["input", "sceneId"])]


async def test_a_scene_renders_as_edited_not_as_its_asset(owner: Api, cube: dict) -> None:
    # Given a scene made from the cube, whose node is then moved to the right
    created = (await owner.graphql(SCENE_FROM_ASSET, {"id": cube["id"]}))["sceneCreateFromAsset"]
    scene = created["scene"]
    node = next(n for n in scene["nodes"]["edges"] if n["node"]["mesh"])["node"]["id"]
    moved = await owner.graphql(SCENE_UPDATE, {"id": scene["id"], "ops": [
        {"setTransform": {"nodeId": node, "translation": [0.6, 0, 0]}}]})
    assert moved["sceneUpdate"]["errors"] == []
    # When the scene is rendered face-on
    job, images = await render_images(owner, sceneId=scene["id"], camera=FRONT, width=128,
                                      height=96, background=BLUE)
    # Then the job names its scene, and the red cube appears right of centre, where the edit
    # put it
    assert job["status"] == "SUCCEEDED", job["error"]
    linked = await owner.graphql("query($id: ID!) { job(id: $id) { scene { id } asset { id } } }",
                                 {"id": job["id"]})
    assert linked["job"] == {"scene": {"id": scene["id"]}, "asset": None}
    red = np.asarray(images[0].convert("RGB"))[..., 0] > 100
    columns = np.nonzero(red.any(axis=0))[0]
    assert columns.min() > 64 - 8 and columns.max() > 100


async def test_an_asset_that_is_not_ready_cannot_render(owner: Api) -> None:
    failed = await upload_and_wait(owner, b"not a model at all\n" * 10, "words.glb")
    assert failed["status"] == "FAILED"

    payload = await submit(owner, assetId=failed["id"])

    assert [e["code"] for e in payload["errors"]] == ["INVALID_STATE"]


async def test_a_scene_camera_the_model_lacks_fails_the_job(owner: Api, cube: dict) -> None:
    job, images = await render_images(owner, assetId=cube["id"],
                                      camera={"sceneCamera": "Nowhere"})

    assert (job["status"], job["error"]["code"]) == ("FAILED", "INVALID_INPUT")
    assert "Nowhere" in job["error"]["message"]
    assert images == []


async def test_cancelling_a_running_turntable_stops_between_frames(owner: Api,
                                                                   cube: dict) -> None:
    # Given a long turntable that has started its second frame
    frames = 300
    submitted = await submit(owner, assetId=cube["id"], width=96, height=96, samples=16,
                             turntable={"frames": frames})
    job_id = submitted["job"]["id"]
    async with owner.websocket() as subscriptions:
        op = await subscriptions.start(JOB_PROGRESS, {"id": job_id, "after": 0})
        seen: list[dict] = []
        while not any(e["jobProgress"]["job"]["stage"] == f"frame 2/{frames}" for e in seen):
            seen += await subscriptions.collect(op, count=1)
        # When the user cancels it
        cancel = await owner.graphql(
            "mutation($id: ID!) { jobCancel(id: $id) { errors { code } } }", {"id": job_id})
        assert cancel["jobCancel"]["errors"] == []
        await subscriptions.collect(op, within=60)
    # Then it ends CANCELLED, keeping the images done before it stopped
    job = (await owner.graphql(JOB, {"id": job_id}))["job"]
    assert (job["status"], job["error"]["code"]) == ("CANCELLED", "CANCELLED")
    assert 1 <= len(job["outputs"]) < frames
    still_there = await owner.download(job["outputs"][0]["url"])
    assert still_there.status_code == 200


@contextlib.asynccontextmanager
async def idle_queue_services(env: dict[str, str], job_timeout_seconds: float
                              ) -> AsyncIterator[Services]:
    """Services of this process on the stack's stores, on a queue no worker reads."""
    settings = Settings(mongodb_url=env["ATELIER_MONGODB_URL"],
                        redis_url=env["ATELIER_REDIS_URL"],
                        database_name=env["ATELIER_DATABASE_NAME"],
                        storage_dir=Path(env["ATELIER_STORAGE_DIR"]),
                        secret_key=env["ATELIER_SECRET_KEY"], queue_name="atelier:queue:idle",
                        job_timeout_seconds=job_timeout_seconds, thumbnail_size=96)
    async with opened_services(settings) as opened:
        yield opened


@pytest.fixture
async def services(env: dict[str, str]) -> AsyncIterator[Services]:
    """Services whose jobs run out of time before they draw."""
    async with idle_queue_services(env, job_timeout_seconds=1e-6) as opened:
        yield opened


@pytest.fixture
async def unhurried_services(env: dict[str, str]) -> AsyncIterator[Services]:
    async with idle_queue_services(env, job_timeout_seconds=60) as opened:
        yield opened


async def test_a_render_past_the_time_limit_fails_with_timeout(services: Services,
                                                               cube: dict) -> None:
    # Given a render job queued where only this test runs it, with a tiny time limit
    viewer = Principal(owner="admin", scopes=frozenset(Scope))
    job = await services.renders.submit(viewer, asset_id=cube["id"], scene_id=None,
                                        request=RenderRequest(LookAtCamera((0, 0, 3), (0, 0, 0))))
    # When the worker's job function runs it
    await render({"services": services, "job_try": 1, "max_tries": 1}, job.id)
    # Then it stops before drawing, FAILED with TIMEOUT
    ended = await services.jobs.get_visible(viewer, job.id)
    assert (ended.status.value, ended.error and ended.error.code) == ("FAILED", "TIMEOUT")
    assert ended.outputs == []


async def test_a_render_whose_claim_is_refused_stores_nothing_it_drew_ahead(
        unhurried_services: Services, cube: dict) -> None:
    # Given a render job sent back to the queue after its user asked it to stop (a passing
    # fault requeued it), so its claim is refused while its image is drawn ahead
    services = unhurried_services
    viewer = Principal(owner="admin", scopes=frozenset(Scope))
    job = await services.renders.submit(viewer, asset_id=cube["id"], scene_id=None,
                                        request=RenderRequest(LookAtCamera((0, 0, 3), (0, 0, 0))))
    await Job.get_pymongo_collection().update_one({"_id": job.id},
                                                  {"$set": {"cancel_requested": True}})
    # When the worker's job function runs it
    await render({"services": services, "job_try": 1, "max_tries": 1}, job.id)
    # Then it ends CANCELLED with no image stored, on the job or its asset
    ended = await services.jobs.get_visible(viewer, job.id)
    assert (ended.status.value, ended.attempts, ended.outputs) == ("CANCELLED", 0, [])
    assert [o async for o in services.storage.list_objects(f"renders/{job.id}/")] == []
    asset = await Asset.get(cube["id"])
    assert asset is not None and all(f.job_id != job.id for f in asset.files)


async def test_thumbnail_is_a_transparent_square_png(services: Services, cube: dict,
                                                     tmp_path: Path) -> None:
    stored_cube = await Asset.get(cube["id"])
    assert stored_cube is not None
    # Under another id, so the cube's own thumbnail (which the backup tests copy) stays as it is.
    asset = stored_cube.model_copy(update={"id": new_id("ast")})
    glb_path = tmp_path / "model.glb"
    glb_path.write_bytes(red_cube_glb())

    stored = await render_thumbnail(services, glb_path, asset)

    assert stored is not None and (stored.role, stored.format) == ("THUMBNAIL", "PNG")
    assert stored.filename == "red-cube-thumbnail.png"
    image = Image.open(io.BytesIO(b"".join(
        [chunk async for chunk in services.storage.get_stream(stored.key)])))
    pixels = np.asarray(image)
    assert pixels.shape == (96, 96, 4)
    assert pixels[0, 0, 3] == 0 and pixels[48, 48, 3] == 255


async def test_a_thumbnail_failure_returns_none_instead_of_raising(services: Services,
                                                                   cube: dict,
                                                                   tmp_path: Path) -> None:
    asset = await Asset.get(cube["id"])
    assert asset is not None
    broken = tmp_path / "broken.glb"
    broken.write_bytes(b"glTF" + bytes(40))

    assert await render_thumbnail(services, broken, asset) is None


async def test_a_thumbnail_rendered_ahead_is_the_one_stored(services: Services, cube: dict,
                                                            tmp_path: Path) -> None:
    # Given the cube's GLB, small enough for the worker's render thread
    stored_cube = await Asset.get(cube["id"])
    assert stored_cube is not None
    asset = stored_cube.model_copy(update={"id": new_id("ast")})
    glb_path = tmp_path / "model.glb"
    glb_path.write_bytes(red_cube_glb())

    # When its thumbnail is rendered ahead (as while the ingest's child computes the quality
    # report) and then handed to render_thumbnail
    image = await thumbnail_ahead(services, glb_path)
    assert image is not None
    stored = await render_thumbnail(services, glb_path, asset, image=image)

    # Then those very bytes are the stored 96-pixel PNG
    assert stored is not None and stored.role == "THUMBNAIL"
    assert b"".join([chunk async for chunk in services.storage.get_stream(stored.key)]) == image
    assert Image.open(io.BytesIO(image)).size == (96, 96)


async def test_no_thumbnail_ahead_for_a_model_needing_a_child_or_a_broken_one(
        services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "broken.glb"
    broken.write_bytes(b"glTF" + bytes(40))
    assert await thumbnail_ahead(services, broken) is None
    # A model too big for the render thread waits for the ingest's own child to end
    glb_path = tmp_path / "model.glb"
    glb_path.write_bytes(red_cube_glb())
    monkeypatch.setattr(services.settings, "render_inline_max_mb", 0)
    assert await thumbnail_ahead(services, glb_path) is None
