"""renderSubmit's animation checks on the real database and storage: the asset's glTF JSON
(read without its buffers) decides whether the animation exists and a time or clip fits in it,
each refusal with its code and field, and no job queued."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.errors import AtelierError, ErrorCode
from app.geometry.render import RenderRequest
from app.geometry.render.request import AnimationPose, Clip
from app.models.job import Job
from app.resolvers.renders import render_request
from app.schema.render import (
    RenderAnimationInput,
    RenderClipInput,
    RenderImageFormat,
    RenderSubmitInput,
    TurntableInput,
)
from app.services.container import Services, opened_services
from tests.geometry.render.conftest import cube_glb
from tests.geometry.render.test_render_animation import sliding_cube_glb
from tests.services.test_scenes import principal, stored_asset


@pytest.fixture(scope="module")
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="render_animation_checks_test", secret_key="test",
                        queue_name="render-animation-test:" + uuid.uuid4().hex,
                        storage_dir=tmp_path_factory.mktemp("render-animation"),
                        render_max_frames=30, render_max_fps=30)
    async with opened_services(settings) as opened:
        yield opened


def posed(choice: int | str, time: float | None = None, clip: Clip | None = None
          ) -> RenderRequest:
    return RenderRequest(animation=AnimationPose(choice, time=time, clip=clip))


@pytest.mark.parametrize(("glb", "request_", "code", "field"), [
    (sliding_cube_glb, posed(2), ErrorCode.NOT_FOUND, ["animation", "index"]),
    (sliding_cube_glb, posed("walk"), ErrorCode.NOT_FOUND, ["animation", "name"]),
    (cube_glb, posed(0), ErrorCode.INVALID_INPUT, ["animation"]),
    (sliding_cube_glb, posed("slide", time=1.5), ErrorCode.INVALID_INPUT, ["animation", "time"]),
    (sliding_cube_glb, posed(1, clip=Clip(start=2.5)), ErrorCode.INVALID_INPUT,
     ["animation", "clip", "start"]),
    # "spin" lasts 2 s: 61 frames at 30 fps, past the limit of 30 frames.
    (sliding_cube_glb, posed("spin", clip=Clip(fps=30.0)), ErrorCode.LIMIT_EXCEEDED,
     ["animation", "clip", "fps"]),
    (sliding_cube_glb, posed(0, clip=Clip(fps=31.0)), ErrorCode.LIMIT_EXCEEDED,
     ["animation", "clip", "fps"]),
], ids=["index", "name", "no-animations", "time", "start", "frames", "fps"])
async def test_a_bad_animation_is_refused_at_its_field_and_queues_nothing(
        services: Services, glb, request_: RenderRequest, code: ErrorCode,
        field: list[str]) -> None:
    owner = f"animator-{uuid.uuid4().hex[:8]}"
    asset = await stored_asset(services, owner, glb())

    with pytest.raises(AtelierError) as raised:
        await services.renders.submit(principal(owner), asset_id=asset.id, scene_id=None,
                                      request=request_)

    assert (raised.value.code, raised.value.field) == (code, ["request", *field])
    assert await Job.find({"owner": owner}).count() == 0


async def test_a_scene_render_refuses_an_animation(services: Services) -> None:
    with pytest.raises(AtelierError) as raised:
        await services.renders.submit(principal("scener"), asset_id=None, scene_id="any",
                                      request=posed(0))

    assert (raised.value.code, raised.value.field) == (ErrorCode.UNSUPPORTED_OPTION,
                                                       ["animation"])


async def test_a_clip_within_the_animation_queues_its_request(services: Services) -> None:
    asset = await stored_asset(services, "animator", sliding_cube_glb())

    job = await services.renders.submit(principal("animator"), asset_id=asset.id,
                                        scene_id=None, request=posed("slide", clip=Clip(fps=8)))

    assert job.params["animation"] == {"name": "slide", "time": None,
                                       "clip": {"start": 0.0, "end": None, "fps": 8.0}}
    assert RenderRequest.from_params(job.params) == posed("slide", clip=Clip(fps=8))


@pytest.mark.parametrize(("fields", "code", "field"), [
    ({"animation": RenderAnimationInput()}, ErrorCode.INVALID_INPUT, ["animation"]),
    ({"animation": RenderAnimationInput(index=0, name="slide")}, ErrorCode.INVALID_INPUT,
     ["animation"]),
    ({"animation": RenderAnimationInput(index=-1)}, ErrorCode.INVALID_INPUT,
     ["animation", "index"]),
    ({"animation": RenderAnimationInput(index=0, time=-1.0)}, ErrorCode.INVALID_INPUT,
     ["animation", "time"]),
    ({"animation": RenderAnimationInput(index=0, time=0.5, clip=RenderClipInput())},
     ErrorCode.INVALID_INPUT, ["animation", "clip"]),
    ({"animation": RenderAnimationInput(index=0, clip=RenderClipInput(fps=0.0))},
     ErrorCode.INVALID_INPUT, ["animation", "clip", "fps"]),
    ({"animation": RenderAnimationInput(index=0, clip=RenderClipInput(start=2.0, end=1.0))},
     ErrorCode.INVALID_INPUT, ["animation", "clip", "end"]),
    ({"animation": RenderAnimationInput(index=0, clip=RenderClipInput()),
      "turntable": TurntableInput(frames=4)}, ErrorCode.UNSUPPORTED_OPTION,
     ["animation", "clip"]),
    ({"animation": RenderAnimationInput(index=0, time=0.5),
      "format": RenderImageFormat.ANIMATED_WEBP}, ErrorCode.UNSUPPORTED_OPTION, ["format"]),
], ids=["neither", "both", "negative", "negative-time", "time-and-clip", "fps", "end",
        "turntable", "one-frame-video"])
def test_a_malformed_animation_input_is_refused_at_its_field(
        fields: dict, code: ErrorCode, field: list[str]) -> None:
    with pytest.raises(AtelierError) as raised:
        render_request(RenderSubmitInput(asset_id="a", **fields))

    assert (raised.value.code, raised.value.field) == (code, ["input", *field])
