"""`VideoEncoder`: a turntable's or a clip's frames piped as raw RGB(A) into the ffmpeg binary
that the imageio-ffmpeg wheel ships, encoded as one MP4 (H.264), WebM (VP9) or animated WebP
(libwebp, alpha kept, looping) file.

Frames go to ffmpeg as they are rendered, so a turntable never holds more than one frame; the
encoder runs as its own process beside the renderer.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from types import TracebackType
from typing import NoReturn

import imageio_ffmpeg
import numpy as np

from app.errors import AtelierError, ErrorCode
from app.geometry.render.options import RenderOptions

FRAMES_PER_SECOND = 24
# Constant-quality settings from `quality` (1..100): x264's CRF runs 0..51, VP9's 0..63.
_CODECS = {
    "MP4": (["-c:v", "libx264", "-preset", "medium", "-movflags", "+faststart", "-f", "mp4"],
            14, 0.37),
    "WEBM": (["-c:v", "libvpx-vp9", "-b:v", "0", "-row-mt", "1", "-f", "webm"], 15, 0.48),
}


def crf(options: RenderOptions) -> int:
    """The encoder's constant rate factor for `options.quality`: lower is better."""
    _, best, step = _CODECS[options.format]
    return round(best + (100 - options.quality) * step)


def _encoding(options: RenderOptions) -> tuple[str, list[str]]:
    """The pixel format piped in, and the encoder's arguments."""
    if options.format == "ANIMATED_WEBP":
        # libwebp takes `quality` as it is; loop 0 plays the animation forever.
        return "rgba", ["-c:v", "libwebp_anim", "-lossless", "0", "-quality",
                        str(options.quality), "-pix_fmt", "yuva420p", "-loop", "0", "-f", "webp"]
    codec, _, _ = _CODECS[options.format]
    return "rgb24", [*codec, "-crf", str(crf(options)), "-pix_fmt", "yuv420p"]


class VideoEncoder:
    """Write (height, width, 4) uint8 frames with `write`, then `finish` the file at `path`,
    which plays `frames_per_second` of them a second.

    MP4 and WebM drop alpha, as JPEG drops it. Used as a context manager, a block that raises
    stops ffmpeg and leaves no half-written file behind as a result.
    """

    def __init__(self, path: Path, options: RenderOptions, timeout_seconds: float,
                 frames_per_second: float = FRAMES_PER_SECOND) -> None:
        self.path = path
        self.size = (options.width, options.height)
        self.timeout_seconds = timeout_seconds
        self.frames = 0
        pixel_format, encoder = _encoding(options)
        self._channels = 4 if pixel_format == "rgba" else 3
        self._log = path.with_suffix(".ffmpeg.log")
        with self._log.open("wb") as log:
            self._process = subprocess.Popen(
                [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel",
                 "error", "-f", "rawvideo", "-pix_fmt", pixel_format,
                 "-s", f"{options.width}x{options.height}",
                 "-framerate", f"{frames_per_second:g}", "-i", "pipe:0", *encoder,
                 "-y", str(path)],
                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=log)

    def write(self, pixels: np.ndarray) -> None:
        width, height = self.size
        if pixels.shape[:2] != (height, width):
            raise ValueError(f"a frame of {pixels.shape[1]}x{pixels.shape[0]} pixels in a "
                             f"{width}x{height} video")
        stdin = self._process.stdin
        assert stdin is not None  # opened with stdin=PIPE
        try:
            stdin.write(np.ascontiguousarray(pixels[..., :self._channels]).tobytes())
        except BrokenPipeError:
            self._fail("stopped while receiving frames")
        self.frames += 1

    def finish(self) -> Path:
        """Close the input and wait for ffmpeg to write the file; raises RENDER_FAILED when it
        fails or takes longer than `timeout_seconds`."""
        stdin = self._process.stdin
        assert stdin is not None
        try:
            stdin.close()
        except BrokenPipeError:
            self._fail("stopped while receiving frames")
        try:
            code = self._process.wait(self.timeout_seconds)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._fail(f"took longer than {self.timeout_seconds:g}s to finish the video")
        if code != 0:
            self._fail(f"exited with code {code}")
        return self.path

    def _fail(self, what: str) -> NoReturn:
        self._process.kill()
        self._process.wait()
        detail = self._log.read_text(errors="replace").strip()[-500:]
        raise AtelierError(f"ffmpeg {what}" + (f": {detail}" if detail else ""),
                           code=ErrorCode.RENDER_FAILED)

    def __enter__(self) -> VideoEncoder:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
            self.path.unlink(missing_ok=True)
