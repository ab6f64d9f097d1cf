"""renderSubmit with `renderer: PATH_TRACED` and turntables as MP4/WebM videos, over real HTTP
and websockets against the real stack (API and worker processes, the sandboxed child)."""

from __future__ import annotations

import io
from pathlib import Path

import imageio_ffmpeg
import numpy as np
import pytest
from PIL import Image

from tests.conftest import ADMIN_TOKEN, new_owner_api
from tests.e2e.test_ingest import upload_and_wait
from tests.e2e.test_render import FRONT, JOB, RENDER_JOBS, finished, red_cube_glb, submit
from tests.support.client import JOB_PROGRESS, Api

pytestmark = pytest.mark.slow
BLUE = [0.0, 0.0, 1.0, 1.0]


@pytest.fixture(scope="module")
async def owner(api_url: str, worker: None) -> Api:
    return await new_owner_api(Api(api_url, ADMIN_TOKEN))


@pytest.fixture(scope="module")
async def cube(owner: Api) -> dict:
    asset = await upload_and_wait(owner, red_cube_glb(), "red-cube.glb")
    assert asset["status"] == "READY", asset["error"]
    return asset


async def finished_job(api: Api, **fields: object) -> tuple[dict, list[dict]]:
    submitted = await submit(api, **fields)
    assert submitted["errors"] == []
    events = await finished(api, submitted["job"]["id"])
    job = (await api.graphql(JOB, {"id": submitted["job"]["id"]}))["job"]
    return job, [event["job"] for event in events]


async def test_a_path_traced_render_succeeds_with_a_stage_per_pass(owner: Api,
                                                                   cube: dict) -> None:
    # Given the red cube seen face-on
    # When it is path traced at 64x48 with 8 samples on a blue background
    job, events = await finished_job(owner, assetId=cube["id"], camera=FRONT, width=64,
                                     height=48, background=BLUE, renderer="PATH_TRACED",
                                     samples=8)
    # Then the job went through one stage per pass and made one PNG, red in the middle and
    # blue at the corners
    assert job["status"] == "SUCCEEDED", job["error"]
    stages = [event["stage"] for event in events]
    assert [s for s in stages if s.startswith("pass")] == [f"pass {n}/4" for n in range(1, 5)]
    assert [(o["role"], o["format"], o["contentType"]) for o in job["outputs"]] == [
        ("RENDER", "PNG", "image/png")]
    response = await owner.download(job["outputs"][0]["url"])
    pixels = np.asarray(Image.open(io.BytesIO(response.content)).convert("RGB"))
    assert pixels.shape == (48, 64, 3)
    red, green, blue = (int(c) for c in pixels[24, 32])
    assert red > 100 and green < red / 2 and blue < red / 2
    assert tuple(pixels[0, 0]) == (0, 0, 255)
    params = (await submit(owner, assetId=cube["id"], renderer="PATH_TRACED", width=16,
                           height=16))["job"]["params"]
    assert (params["renderer"], params["samples"]) == ("PATH_TRACED", 64)


@pytest.mark.parametrize(("video_format", "content_type"), [
    ("MP4", "video/mp4"), ("WEBM", "video/webm")])
async def test_a_video_turntable_is_one_downloadable_file_of_every_frame(
        owner: Api, cube: dict, tmp_path: Path, video_format: str, content_type: str) -> None:
    job, events = await finished_job(owner, assetId=cube["id"], width=48, height=32,
                                     format=video_format, turntable={"frames": 6})

    assert job["status"] == "SUCCEEDED", job["error"]
    assert [(o["role"], o["format"], o["contentType"], o["filename"]) for o in job["outputs"]
            ] == [("RENDER", video_format, content_type, f"turntable.{video_format.lower()}")]
    assert "6 frames rendered into one" in job["message"]
    assert [e["stage"] for e in events if e["stage"].startswith("frame")] == [
        f"frame {n}/6" for n in range(1, 7)]
    response = await owner.download(job["outputs"][0]["url"])
    assert response.status_code == 200
    video = tmp_path / f"turntable.{video_format.lower()}"
    video.write_bytes(response.content)
    reader = imageio_ffmpeg.read_frames(str(video))
    assert reader.__next__()["size"] == (48, 32)
    assert sum(1 for _ in reader) == 6


@pytest.mark.parametrize(("fields", "code", "field"), [
    ({"renderer": "PATH_TRACED", "samples": 5000}, "LIMIT_EXCEEDED", ["input", "samples"]),
    ({"renderer": "PATH_TRACED", "samples": 0}, "INVALID_INPUT", ["input", "samples"]),
    ({"format": "MP4"}, "UNSUPPORTED_OPTION", ["input", "format"]),
    ({"format": "MP4", "width": 33, "turntable": {"frames": 4}}, "UNSUPPORTED_OPTION",
     ["input", "width"]),
    ({"format": "WEBM", "background": None, "turntable": {"frames": 4}}, "UNSUPPORTED_OPTION",
     ["input", "background"]),
])
async def test_bad_path_traced_and_video_requests_are_refused_before_queueing(
        owner: Api, cube: dict, fields: dict, code: str, field: list[str]) -> None:
    jobs_before = (await owner.graphql(RENDER_JOBS))["jobs"]["totalCount"]

    payload = await submit(owner, assetId=cube["id"], **fields)

    assert payload["job"] is None
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [(code, field)]
    assert (await owner.graphql(RENDER_JOBS))["jobs"]["totalCount"] == jobs_before


async def test_cancelling_a_path_traced_render_stops_between_passes(owner: Api,
                                                                    cube: dict) -> None:
    # Given a long path-traced render that has finished its second pass
    submitted = await submit(owner, assetId=cube["id"], width=512, height=512,
                             renderer="PATH_TRACED", samples=1024)
    job_id = submitted["job"]["id"]
    async with owner.websocket() as subscriptions:
        op = await subscriptions.start(JOB_PROGRESS, {"id": job_id, "after": 0})
        seen: list[dict] = []
        while not any(e["jobProgress"]["job"]["stage"].startswith("pass 2/") for e in seen):
            seen += await subscriptions.collect(op, count=1)
        # When the user cancels it
        cancel = await owner.graphql(
            "mutation($id: ID!) { jobCancel(id: $id) { errors { code } } }", {"id": job_id})
        assert cancel["jobCancel"]["errors"] == []
        seen += await subscriptions.collect(op, within=60)
    # Then it ends CANCELLED with no image, before its last pass
    job = (await owner.graphql(JOB, {"id": job_id}))["job"]
    assert (job["status"], job["error"]["code"]) == ("CANCELLED", "CANCELLED")
    assert job["outputs"] == []
    passes = [e["jobProgress"]["job"]["stage"] for e in seen
              if e["jobProgress"]["job"]["stage"].startswith("pass")]
    total = passes[0].split("/")[1]
    assert f"pass {total}/{total}" not in passes
