"""The render child's work, called in this process: path-traced images report each pass, and a
turntable video is one file holding every frame."""

from __future__ import annotations

from pathlib import Path

import imageio_ffmpeg
import pytest
from PIL import Image

from app.geometry.render import OrbitCamera, RenderLimits, RenderOptions, turntable_cameras
from app.workers.render_child import fits_render_thread, frame_path, render_to_files, video_path
from tests.geometry.render.conftest import cube_glb


@pytest.fixture
def glb(tmp_path: Path) -> Path:
    path = tmp_path / "cube.glb"
    path.write_bytes(cube_glb())
    return path


def test_a_path_traced_turntable_reports_passes_within_each_frame(glb: Path, tmp_path: Path):
    reports: list[tuple[str, float]] = []
    options = RenderOptions(width=24, height=24, renderer="PATH_TRACED", samples=4)

    render_to_files(glb, turntable_cameras(2), options, RenderLimits(), tmp_path, 60.0,
                    report=lambda stage, fraction: reports.append((stage, fraction)))

    assert reports == [*[(f"frame 1/2, pass {n}/4", n / 8) for n in range(1, 5)], ("frame", 0.5),
                       *[(f"frame 2/2, pass {n}/4", 0.5 + n / 8) for n in range(1, 5)],
                       ("frame", 1.0)]
    assert [Image.open(frame_path(tmp_path, n)).size for n in (1, 2)] == [(24, 24)] * 2


def test_a_single_path_traced_image_names_its_passes_alone(glb: Path, tmp_path: Path):
    reports: list[str] = []
    options = RenderOptions(width=16, height=16, renderer="PATH_TRACED", samples=2)

    render_to_files(glb, [OrbitCamera(0.0, 0.0)], options, RenderLimits(), tmp_path, 60.0,
                    report=lambda stage, _fraction: reports.append(stage))

    assert reports == ["pass 1/2", "pass 2/2", "frame"]


def test_a_video_turntable_writes_one_file_and_no_frames(glb: Path, tmp_path: Path):
    options = RenderOptions(width=32, height=24, format="MP4")

    render_to_files(glb, turntable_cameras(6), options, RenderLimits(), tmp_path, 60.0,
                    report=lambda _stage, _fraction: None)

    reader = imageio_ffmpeg.read_frames(str(video_path(tmp_path)))
    assert reader.__next__()["size"] == (32, 24)
    assert sum(1 for _ in reader) == 6
    assert not frame_path(tmp_path, 1).exists()


@pytest.mark.parametrize(("options", "inline"), [
    (RenderOptions(width=64, height=64), True),
    (RenderOptions(width=64, height=64, renderer="PATH_TRACED"), False),
    (RenderOptions(width=64, height=64, format="WEBM"), False),
])
def test_only_small_raster_images_draw_on_the_render_thread(options: RenderOptions,
                                                            inline: bool):
    assert fits_render_thread(options, 1000, inline_max_mb=256) is inline
