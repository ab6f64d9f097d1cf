"""An animated asset rendered as a clip over real HTTP and websockets against the real stack:
renderSubmit with `animation.clip` and ANIMATED_WEBP → one looping animated WebP whose frames
move, a stage per frame; an animation the model lacks answers its code and queues nothing."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from tests.conftest import ADMIN_TOKEN, new_owner_api
from tests.e2e.test_ingest import upload_and_wait
from tests.e2e.test_render import JOB, RENDER_JOBS, finished, submit
from tests.geometry.render.test_render_animation import red_centre_x, sliding_cube_glb
from tests.support.client import Api

FRONT = {"lookAt": {"position": [0, 0, 8], "target": [0, 0, 0], "fovY": 45}}


async def test_an_animation_clip_renders_as_one_animated_webp(api_url: str, worker: None
                                                              ) -> None:
    owner = await new_owner_api(Api(api_url, ADMIN_TOKEN))
    asset = await upload_and_wait(owner, sliding_cube_glb(), "sliding-cube.glb")
    assert asset["status"] == "READY", asset["error"]

    # An animation the model does not have is refused before anything is queued.
    refused = await submit(owner, assetId=asset["id"], format="ANIMATED_WEBP",
                           animation={"index": 7, "clip": {"fps": 4}})
    assert refused["job"] is None
    assert [(e["code"], e["field"]) for e in refused["errors"]] == [
        ("NOT_FOUND", ["input", "animation", "index"])]
    assert (await owner.graphql(RENDER_JOBS))["jobs"]["totalCount"] == 0

    # "slide" moves the cube from x=-2 to x=2 in one second: 5 frames at 4 a second.
    submitted = await submit(owner, assetId=asset["id"], camera=FRONT, width=64, height=32,
                             format="ANIMATED_WEBP", background=None,
                             animation={"name": "slide", "clip": {"fps": 4}})
    assert submitted["errors"] == []
    events = await finished(owner, submitted["job"]["id"])
    job = (await owner.graphql(JOB, {"id": submitted["job"]["id"]}))["job"]

    assert job["status"] == "SUCCEEDED", job["error"]
    stages = [event["job"]["stage"] for event in events]
    assert [stage for stage in stages if stage.startswith("frame")] == [
        f"frame {n}/5" for n in range(1, 6)]
    assert [(o["format"], o["contentType"], o["filename"]) for o in job["outputs"]] == [
        ("ANIMATED_WEBP", "image/webp", "clip.webp")]
    response = await owner.download(job["outputs"][0]["url"])
    image = Image.open(io.BytesIO(response.content))
    assert (image.format, image.n_frames, image.size) == ("WEBP", 5, (64, 32))
    centres = []
    for number in range(5):
        image.seek(number)
        image.load()  # Pillow reads a frame's duration as it decodes it
        assert image.info["duration"] == 250
        centres.append(red_centre_x(np.asarray(image.convert("RGBA"))))
    assert centres == sorted(centres) and centres[-1] - centres[0] > 0.3
