"""Render fields: the renderSubmit mutation, and its input turned into a render request."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.context import Context
from app.errors import InvalidInput, errors_under
from app.geometry.render import (
    Camera,
    LookAtCamera,
    OrbitCamera,
    RenderOptions,
    RenderRequest,
    SceneCamera,
    Turntable,
)
from app.geometry.render.animation import AnimationChoice
from app.geometry.render.cameras import vec3
from app.geometry.render.options import DEFAULT_SAMPLES, rgba
from app.geometry.render.request import AnimationPose, Clip
from app.resolvers.errors import errors_as_data
from app.resolvers.idempotency import IdempotencyKey, once
from app.resolvers.job_types import Job
from app.schema.job import JobPayload
from app.schema.render import (
    DEFAULT_BACKGROUND,
    LookAtCameraInput,
    OrbitCameraInput,
    RenderAnimationInput,
    RenderCameraInput,
    RenderSubmitInput,
)
from app.services.idempotency import JOB_REPLAY

Info = strawberry.Info[Context, None]
CAMERA_FIELDS = {"fov_y_deg": "fov_y", "yaw_deg": "yaw", "pitch_deg": "pitch"}


def look_at_camera(given: LookAtCameraInput) -> LookAtCamera:
    return LookAtCamera(position=vec3(given.position, "position"),
                        target=vec3(given.target, "target"), up=vec3(given.up, "up"),
                        fov_y_deg=given.fov_y)


def orbit_camera(given: OrbitCameraInput) -> OrbitCamera:
    return OrbitCamera(yaw_deg=given.yaw, pitch_deg=given.pitch, distance=given.distance,
                       fov_y_deg=given.fov_y)


def camera(given: RenderCameraInput) -> Camera:
    if given.look_at:
        with errors_under("input", "camera", "look_at", renamed=CAMERA_FIELDS):
            return look_at_camera(given.look_at)
    if given.orbit:
        with errors_under("input", "camera", "orbit", renamed=CAMERA_FIELDS):
            return orbit_camera(given.orbit)
    return SceneCamera(str(given.scene_camera))


def animation_pose(given: RenderAnimationInput) -> AnimationPose:
    """The pose this input asks for; raises InvalidInput (fields under `animation`)."""
    if (given.index is None) == (given.name is None):
        raise InvalidInput("give an animation's index or its name", field=[])
    choice: AnimationChoice = given.index if given.index is not None else str(given.name)
    clip = None
    if given.clip is not None:
        with errors_under("clip"):
            clip = Clip(start=given.clip.start, end=given.clip.end, fps=given.clip.fps)
    return AnimationPose(choice=choice, time=given.time, clip=clip)


def render_request(given: RenderSubmitInput) -> RenderRequest:
    """The render this input asks for; raises InvalidInput or UnsupportedOption."""
    chosen = camera(given.camera) if given.camera else None
    with errors_under("input"):
        background = DEFAULT_BACKGROUND if given.background is strawberry.UNSET else (
            None if given.background is None else rgba(given.background))
        samples = given.samples
        options = RenderOptions(width=given.width, height=given.height,
                                format=given.format.value, background=background,
                                samples=DEFAULT_SAMPLES[given.renderer.value] if samples is None
                                else samples, quality=given.quality,
                                renderer=given.renderer.value)
        with errors_under("turntable"):
            turntable = Turntable(given.turntable.frames, given.turntable.pitch) if (
                given.turntable) else None
        with errors_under("animation"):
            animation = animation_pose(given.animation) if given.animation else None
        return RenderRequest(camera=chosen, options=options, turntable=turntable,
                             animation=animation)


@strawberry.type
class RenderMutation:
    @strawberry.mutation(description="Queue a RENDER job of a READY asset or of a scene; its "
                         "outputs are the images (role RENDER), listed as each one is done.")
    @errors_as_data(JobPayload, at=("input",), placed={"request": ("input",)})
    async def render_submit(self, info: Info, input: Annotated[
            RenderSubmitInput, strawberry.argument(description="What to draw, and how")],
                            idempotency_key: IdempotencyKey = None) -> JobPayload:
        request = {"operation": "renderSubmit", "input": strawberry.asdict(input)}
        job = await once(info, idempotency_key, request, lambda: (
            info.context.services.renders.submit(
                info.context.viewer,
                asset_id=input.asset_id,
                scene_id=input.scene_id,
                request=render_request(input),
            )), JOB_REPLAY)
        return JobPayload(job=Job.from_model(job))
