"""The render child posing each frame, called in this process: a clip's images move the model
with either renderer, and the worker reads an animated GLB's JSON without its buffers."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from app.errors import CorruptFile, LimitExceeded
from app.geometry.render import RenderLimits, RenderOptions
from app.workers.render import glb_document
from app.workers.render_child import Motion, frame_path, render_to_files
from tests.geometry.render.test_render_animation import FRONT, red_centre_x, sliding_cube_glb


@pytest.fixture
def glb(tmp_path: Path) -> Path:
    path = tmp_path / "sliding.glb"
    path.write_bytes(sliding_cube_glb())
    return path


@pytest.mark.parametrize("renderer", ["RASTER", "PATH_TRACED"])
def test_each_frame_of_a_clip_is_posed_at_its_time(glb: Path, tmp_path: Path, renderer: str):
    options = RenderOptions(width=48, height=24, renderer=renderer, samples=2,
                            background=(0.0, 0.0, 0.0, 1.0))
    folder = tmp_path / "frames"
    folder.mkdir()

    render_to_files(glb, [FRONT] * 3, options, RenderLimits(), folder, 60.0,
                    Motion(choice="slide", times=(0.0, 0.5, 1.0)),
                    report=lambda _stage, _fraction: None)

    centres = [red_centre_x(np.asarray(Image.open(io.BytesIO(
        frame_path(folder, n).read_bytes())).convert("RGB"))) for n in (1, 2, 3)]
    assert centres[0] < 0.4 < centres[1] < 0.6 < centres[2]


def test_the_worker_reads_the_json_chunk_alone(glb: Path, tmp_path: Path):
    assert [animation["name"] for animation in glb_document(glb, 1 << 20)["animations"]] == [
        "slide", "spin"]
    with pytest.raises(LimitExceeded):
        glb_document(glb, 64)
    (tmp_path / "short.glb").write_bytes(b"glTF")
    with pytest.raises(CorruptFile):
        glb_document(tmp_path / "short.glb", 1 << 20)
