"""Animated renders in the geometry layer: an animation found by index or name and its declared
end read from the glTF JSON, a clip's frame times, posed frames that move the model, and a clip
encoded as one animated WebP."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from app.errors import ErrorCode, InvalidInput, LimitExceeded, NotFound
from app.geometry.gltf_io import split_glb
from app.geometry.render import Renderer, RenderLimits, RenderOptions, RenderRequest
from app.geometry.render.animation import declared_animation
from app.geometry.render.cameras import LookAtCamera
from app.geometry.render.posed import PosedScenes
from app.geometry.render.request import AnimationPose, Clip
from app.geometry.render.video import VideoEncoder
from tests.geometry.render.conftest import (
    RED,
    GlbWriter,
    box_arrays,
    cube_glb,
    mesh_node,
    plain_material,
)

FRONT = LookAtCamera(position=(0.0, 0.0, 8.0), target=(0.0, 0.0, 0.0))
SMALL = RenderOptions(width=64, height=32, background=(0.0, 0.0, 0.0, 1.0))


def sliding_cube_glb() -> bytes:
    """A red cube at the origin at rest; animation 0 "slide" moves it from x=-2 to x=2 over
    one second, animation 1 "spin" turns it half a turn in two seconds."""
    writer = GlbWriter()
    positions, normals, indices = box_arrays()
    node = mesh_node(writer, {"POSITION": positions, "NORMAL": normals}, indices,
                     plain_material(RED))
    one_second = writer.accessor(np.array([0.0, 1.0]), keyframes=True)
    two_seconds = writer.accessor(np.array([0.0, 2.0]), keyframes=True)
    moves = writer.accessor(np.array([[-2.0, 0.0, 0.0], [2.0, 0.0, 0.0]]), keyframes=True)
    turns = writer.accessor(np.array([[0.0, 0.0, 0.0, 1.0], [0.0, 1.0, 0.0, 0.0]]),
                            keyframes=True)
    writer.add("animations", {"name": "slide", "samplers": [{"input": one_second,
                                                              "output": moves}],
                              "channels": [{"sampler": 0, "target": {"node": node,
                                                                      "path": "translation"}}]})
    writer.add("animations", {"name": "spin", "samplers": [{"input": two_seconds,
                                                             "output": turns}],
                              "channels": [{"sampler": 0, "target": {"node": node,
                                                                      "path": "rotation"}}]})
    return writer.glb([node])


def red_centre_x(pixels: np.ndarray) -> float:
    """The mean column of the reddish pixels, from 0 (left) to 1 (right)."""
    red = (pixels[..., 0] > 60) & (pixels[..., 0] > 2 * pixels[..., 2].astype(int))
    columns = np.nonzero(red)[1]
    assert len(columns), "no red pixel"
    return float(columns.mean() / pixels.shape[1])


def test_an_animation_is_found_by_index_or_name_with_its_declared_end():
    document, _ = split_glb(sliding_cube_glb())

    assert declared_animation(document, 0).duration == 1.0
    assert declared_animation(document, "spin").index == 1
    assert declared_animation(document, "spin").duration == 2.0


@pytest.mark.parametrize(("choice", "error", "field"), [
    (2, NotFound, ["animation", "index"]),
    ("walk", NotFound, ["animation", "name"]),
])
def test_an_unknown_animation_is_not_found_at_its_field(choice: int | str, error: type,
                                                        field: list[str]):
    document, _ = split_glb(sliding_cube_glb())

    with pytest.raises(error) as raised:
        declared_animation(document, choice)

    assert raised.value.field == field


def test_a_model_without_animations_refuses_one_as_invalid_input():
    document, _ = split_glb(cube_glb())

    with pytest.raises(InvalidInput) as raised:
        declared_animation(document, 0)

    assert raised.value.field == ["animation"]


def test_a_clip_steps_to_the_declared_end_and_a_time_past_it_is_refused():
    document, _ = split_glb(sliding_cube_glb())
    slide = declared_animation(document, "slide")
    limits = RenderLimits()

    clip = RenderRequest(animation=AnimationPose("slide", clip=Clip(fps=4.0)))
    assert [frame.time for frame in clip.frames(limits, slide)] == [0.0, 0.25, 0.5, 0.75, 1.0]
    with pytest.raises(InvalidInput) as late:
        RenderRequest(animation=AnimationPose(0, time=1.5)).frames(limits, slide)
    assert late.value.field == ["animation", "time"]
    with pytest.raises(InvalidInput) as long_clip:
        RenderRequest(animation=AnimationPose(0, clip=Clip(end=3.0))).frames(limits, slide)
    assert long_clip.value.field == ["animation", "clip", "end"]


@pytest.mark.parametrize(("clip", "field"), [
    (Clip(fps=61.0), ["animation", "clip", "fps"]),
    (Clip(end=1.0, fps=60.0), ["animation", "clip", "fps"]),
])
def test_a_clip_past_the_fps_or_frame_limits_is_refused(clip: Clip, field: list[str]):
    request = RenderRequest(animation=AnimationPose(0, clip=clip))

    with pytest.raises(LimitExceeded) as raised:
        request.check(RenderLimits(max_frames=24, max_fps=60))

    assert raised.value.code is ErrorCode.LIMIT_EXCEEDED
    assert raised.value.field == field


def test_a_posed_frame_moves_the_model_from_its_rest_pose(renderer: Renderer):
    poses = PosedScenes(sliding_cube_glb(), renderer.limits, "slide", [None, 0.0, 1.0])

    with renderer.load(poses.first) as scene:
        centres = {}
        for time in (None, 0.0, 1.0):
            renderer.place(scene, poses.at(time))
            centres[time] = red_centre_x(renderer.render_pixels(scene, FRONT, SMALL))

    assert centres[0.0] < 0.4 < centres[None] < 0.6 < centres[1.0]


def test_a_clip_encodes_as_one_animated_webp_whose_frames_move(renderer: Renderer,
                                                               tmp_path: Path):
    times = [0.0, 0.5, 1.0]
    poses = PosedScenes(sliding_cube_glb(), renderer.limits, 0, times)
    options = RenderOptions(width=64, height=32, format="ANIMATED_WEBP", background=None)

    with renderer.load(poses.first) as scene, VideoEncoder(
            tmp_path / "clip.webp", options, 60.0, frames_per_second=4.0) as video:
        for time in times:
            renderer.place(scene, poses.at(time))
            video.write(renderer.render_pixels(scene, FRONT, options))
        video.finish()

    image = Image.open(io.BytesIO((tmp_path / "clip.webp").read_bytes()))
    assert (image.format, image.n_frames) == ("WEBP", 3)
    centres = []
    for number in range(3):
        image.seek(number)
        image.load()  # Pillow reads a frame's duration as it decodes it
        assert image.info["duration"] == 250
        frame = np.asarray(image.convert("RGBA"))
        assert frame[0, 0, 3] == 0  # the background stays transparent
        centres.append(red_centre_x(frame))
    assert centres[0] < centres[1] < centres[2]
