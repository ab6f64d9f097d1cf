"""Turntable videos: frames piped to imageio-ffmpeg's ffmpeg, judged by reading the file back
with imageio-ffmpeg (frame count, size, colour); and the requests a video cannot serve."""

from __future__ import annotations

from pathlib import Path

import imageio_ffmpeg
import numpy as np
import pytest

from app.errors import AtelierError, ErrorCode
from app.geometry.render import OrbitCamera, RenderOptions, RenderRequest, Turntable
from app.geometry.render.video import VideoEncoder, crf


def read_back(path: Path) -> tuple[dict, list[np.ndarray]]:
    reader = imageio_ffmpeg.read_frames(str(path))
    meta = reader.__next__()
    width, height = meta["size"]
    frames = [np.frombuffer(frame, dtype=np.uint8).reshape(height, width, 3) for frame in reader]
    return meta, frames


def solid(width: int, height: int, rgb: tuple[int, int, int]) -> np.ndarray:
    pixels = np.zeros((height, width, 4), dtype=np.uint8)
    pixels[..., :3] = rgb
    pixels[..., 3] = 255
    return pixels


@pytest.mark.parametrize(("video_format", "width", "height"), [
    ("MP4", 64, 48), ("WEBM", 63, 47)])
def test_every_frame_lands_in_one_video_of_the_asked_size(tmp_path: Path, video_format: str,
                                                          width: int, height: int):
    # Given frames that go red, green, blue, red, green
    options = RenderOptions(width=width, height=height, format=video_format)
    colours = [(220, 20, 20), (20, 220, 20), (20, 20, 220)] * 2
    # When they are encoded
    with VideoEncoder(tmp_path / "turntable", options, timeout_seconds=60) as video:
        for colour in colours[:5]:
            video.write(solid(width, height, colour))
        path = video.finish()
    # Then ffmpeg reads back five frames of that size at 24 fps, each its colour
    meta, frames = read_back(path)
    assert (tuple(meta["size"]), meta["fps"], len(frames)) == ((width, height), 24.0, 5)
    for frame, colour in zip(frames, colours, strict=False):
        assert np.all(np.abs(frame[height // 2, width // 2].astype(int) - colour) < 24)


def test_a_frame_of_another_size_is_refused(tmp_path: Path):
    options = RenderOptions(width=32, height=32, format="MP4")

    with VideoEncoder(tmp_path / "turntable", options, 60) as video, pytest.raises(ValueError):
        video.write(solid(16, 32, (0, 0, 0)))
    assert not (tmp_path / "turntable").exists()


def test_higher_quality_means_a_lower_rate_factor():
    assert crf(RenderOptions(format="MP4", quality=100)) == 14
    assert crf(RenderOptions(format="MP4", quality=1)) == 51
    assert crf(RenderOptions(format="WEBM", quality=90)) < crf(RenderOptions(format="WEBM",
                                                                             quality=50))


@pytest.mark.parametrize(("build", "code", "field"), [
    (lambda: RenderRequest(options=RenderOptions(format="MP4")),
     ErrorCode.UNSUPPORTED_OPTION, ["format"]),
    (lambda: RenderOptions(format="WEBM", background=None), ErrorCode.UNSUPPORTED_OPTION,
     ["background"]),
    (lambda: RenderOptions(format="MP4", width=33), ErrorCode.UNSUPPORTED_OPTION, ["width"]),
])
def test_what_a_video_cannot_hold_is_refused(build, code: ErrorCode, field: list[str]):
    with pytest.raises(AtelierError) as raised:
        build()

    assert (raised.value.code, raised.value.field) == (code, field)


def test_a_video_turntable_survives_the_params_round_trip():
    request = RenderRequest(OrbitCamera(0.0, 10.0), RenderOptions(
        format="WEBM", renderer="PATH_TRACED", samples=32), Turntable(8))

    params = request.to_params()

    assert (params["format"], params["renderer"], params["samples"]) == ("WEBM", "PATH_TRACED",
                                                                        32)
    assert RenderRequest.from_params(params) == request


def test_params_written_before_renderers_existed_read_as_raster():
    params = RenderRequest().to_params()
    del params["renderer"]

    assert RenderRequest.from_params(params).options.renderer == "RASTER"
