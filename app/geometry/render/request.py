"""What one render job draws (`RenderRequest`: a camera or a turntable, the model at rest or
posed by one of its animations at a time or along a clip, and image options, renderer and
samples among them), and its JSON form, stored as a job's `params` and read back by the worker."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from app.errors import AtelierError, InvalidInput, LimitExceeded, UnsupportedOption
from app.geometry.render.animation import AnimationChoice, DeclaredAnimation, check_time
from app.geometry.render.cameras import (
    DEFAULT_CAMERA,
    Camera,
    LookAtCamera,
    OrbitCamera,
    SceneCamera,
    turntable_cameras,
    vec3,
)
from app.geometry.render.options import RenderLimits, RenderOptions, rgba
from app.geometry.render.video import FRAMES_PER_SECOND

DEFAULT_TURNTABLE_PITCH_DEG = 20.0
# A clip's frame times are computed, not stored: an end on a frame's time counts as reached.
_TIME_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Turntable:
    """`frames` views evenly spaced around the model; `pitch_deg` None keeps the orbit
    camera's pitch, or 20 degrees without one."""

    frames: int
    pitch_deg: float | None = None

    def __post_init__(self) -> None:
        if self.frames < 1:
            raise InvalidInput("a turntable needs at least one frame", field=["frames"])
        if self.pitch_deg is not None and not math.isfinite(self.pitch_deg):
            raise InvalidInput("turntable pitch must be finite", field=["pitch"])


@dataclass(frozen=True)
class Clip:
    """Frames `1 / fps` seconds apart from `start` to `end` (None: the animation's end), both
    included when the step lands on it."""

    start: float = 0.0
    end: float | None = None
    fps: float = float(FRAMES_PER_SECOND)

    def __post_init__(self) -> None:
        if not (math.isfinite(self.start) and self.start >= 0.0):
            raise InvalidInput("a clip's start must be 0 or more seconds", field=["start"])
        if self.end is not None and not (math.isfinite(self.end) and self.end > self.start):
            raise InvalidInput("a clip's end must be after its start", field=["end"])
        if not (math.isfinite(self.fps) and self.fps > 0.0):
            raise InvalidInput("a clip's fps must be a positive number", field=["fps"])

    def times(self, end: float, max_frames: int) -> list[float]:
        """The time of every frame of a clip that ends at `end`; raises LimitExceeded past
        `max_frames`."""
        count = math.floor((end - self.start) * self.fps + _TIME_TOLERANCE) + 1
        if count > max_frames:
            raise LimitExceeded(f"the clip has {count} frames; the limit is {max_frames} "
                                "frames", field=["fps"])
        return [self.start + number / self.fps for number in range(count)]


@dataclass(frozen=True)
class AnimationPose:
    """The model as its glTF animation `choice` (an index or a name) poses it: at `time`
    seconds (None: 0) in every frame, or along `clip`, one frame per step."""

    choice: AnimationChoice
    time: float | None = None
    clip: Clip | None = None

    def __post_init__(self) -> None:
        if isinstance(self.choice, int) and self.choice < 0:
            raise InvalidInput("an animation index is 0 or more", field=["index"])
        if self.time is not None:
            if self.clip is not None:
                raise InvalidInput("give a time or a clip, not both", field=["clip"])
            if not (math.isfinite(self.time) and self.time >= 0.0):
                raise InvalidInput("an animation time must be 0 or more seconds",
                                   field=["time"])

    def times(self, animation: DeclaredAnimation, max_frames: int) -> list[float]:
        """The time of each frame in `animation` (one time without a clip); raises
        InvalidInput for a time past its end, or a clip without an end in an animation that
        declares none, LimitExceeded for too many frames."""
        if self.clip is None:
            time = self.time or 0.0
            check_time(animation, time, ["animation", "time"])
            return [time]
        end = self.clip.end
        if end is None:
            if animation.duration is None:
                raise InvalidInput(f"animation {animation.index} declares no end: give the "
                                   "clip an end", field=["animation", "clip", "end"])
            end = animation.duration
            check_time(animation, self.clip.start, ["animation", "clip", "start"])
        check_time(animation, end, ["animation", "clip", "end"])
        try:
            return self.clip.times(end, max_frames)
        except AtelierError as error:
            error.field = ["animation", "clip", *(error.field or [])]
            raise


@dataclass(frozen=True)
class Frame:
    """One image of a render: its camera, and its time in the animation (None: at rest)."""

    camera: Camera | None
    time: float | None = None


@dataclass(frozen=True)
class RenderRequest:
    """One image from `camera` (None: framed automatically), or a turntable of images that
    orbits the model starting from `camera`, which must then be an orbit camera or None, or
    an animation's clip seen from `camera`. `animation` None renders the model at rest."""

    camera: Camera | None = None
    options: RenderOptions = field(default_factory=RenderOptions)
    turntable: Turntable | None = None
    animation: AnimationPose | None = None

    def __post_init__(self) -> None:
        if self.turntable is not None and not isinstance(self.camera, OrbitCamera | None):
            raise UnsupportedOption(
                "a turntable orbits the model: give an orbit camera or none", field=["turntable"]
            )
        if self.turntable is not None and self.clip is not None:
            raise UnsupportedOption("a turntable and an animation clip both make the frames: "
                                    "give one", field=["animation", "clip"])
        if self.options.is_video and self.turntable is None and self.clip is None:
            raise UnsupportedOption(
                f"{self.options.format} holds many frames: give a turntable or an animation "
                "clip, or use PNG, JPEG or WEBP", field=["format"]
            )

    @property
    def clip(self) -> Clip | None:
        return self.animation.clip if self.animation else None

    @property
    def is_one_image(self) -> bool:
        return self.clip is None and (self.turntable is None or self.turntable.frames == 1)

    @property
    def frames_per_second(self) -> float:
        """How fast a video plays the frames: a clip's fps, or 24 for a turntable."""
        return self.clip.fps if self.clip else float(FRAMES_PER_SECOND)

    def check(self, limits: RenderLimits) -> None:
        """Raise LimitExceeded for an image, turntable or clip (its fps, and its frames when
        its end is given) past the deployment's limits."""
        limits.check_options(self.options)
        self.cameras(limits)  # building the turntable checks its frame count
        clip = self.clip
        if clip is not None and clip.fps > limits.max_fps:
            raise LimitExceeded(f"fps {clip.fps:g} exceeds the limit of {limits.max_fps} "
                                "frames per second", field=["animation", "clip", "fps"])
        if clip is not None and clip.end is not None:
            try:
                clip.times(clip.end, limits.max_frames)
            except AtelierError as error:
                error.field = ["animation", "clip", *(error.field or [])]
                raise

    def frames(self, limits: RenderLimits, animation: DeclaredAnimation | None
               ) -> list[Frame]:
        """Every frame, in order; `animation` is the model's animation this request chose
        (None when it chose none)."""
        cameras = self.cameras(limits)
        if self.animation is None or animation is None:
            return [Frame(camera) for camera in cameras]
        times = self.animation.times(animation, limits.max_frames)
        if self.clip is not None:
            return [Frame(cameras[0], time) for time in times]
        return [Frame(camera, times[0]) for camera in cameras]

    def cameras(self, limits: RenderLimits) -> list[Camera]:
        """The camera of every frame, in order."""
        if self.turntable is None:
            return [self.camera or DEFAULT_CAMERA]
        orbit = self.camera if isinstance(self.camera, OrbitCamera) else None
        pitch = self.turntable.pitch_deg
        if pitch is None:
            pitch = orbit.pitch_deg if orbit else DEFAULT_TURNTABLE_PITCH_DEG
        try:
            return list(turntable_cameras(
                self.turntable.frames, pitch,
                fov_y_deg=orbit.fov_y_deg if orbit else DEFAULT_CAMERA.fov_y_deg,
                distance=orbit.distance if orbit else None, max_frames=limits.max_frames,
                start_yaw_deg=orbit.yaw_deg if orbit else 0.0,
            ))
        except AtelierError as error:
            error.field = ["turntable", *(error.field or [])]
            raise

    def to_params(self) -> dict[str, Any]:
        """Plain JSON, named like the GraphQL input it came from."""
        options = self.options
        return {
            "camera": None if self.camera is None else _camera_params(self.camera),
            "width": options.width,
            "height": options.height,
            "format": options.format,
            "background": None if options.background is None else list(options.background),
            "renderer": options.renderer,
            "samples": options.samples,
            "quality": options.quality,
            "turntable": None if self.turntable is None else {
                "frames": self.turntable.frames, "pitch": self.turntable.pitch_deg},
            "animation": None if self.animation is None else _animation_params(self.animation),
        }

    @classmethod
    def from_params(cls, params: dict[str, Any]) -> RenderRequest:
        """The request `to_params` wrote; raises InvalidInput when a value is not valid."""
        background = params["background"]
        options = RenderOptions(
            width=int(params["width"]), height=int(params["height"]), format=params["format"],
            background=None if background is None else rgba(background),
            samples=int(params["samples"]), quality=int(params["quality"]),
            # Jobs queued before renderers existed drew with the rasteriser.
            renderer=params.get("renderer", "RASTER"),
        )
        turntable = params["turntable"]
        return cls(
            camera=None if params["camera"] is None else _camera_from_params(params["camera"]),
            options=options,
            turntable=None if turntable is None else Turntable(
                frames=int(turntable["frames"]), pitch_deg=turntable["pitch"]),
            # Jobs queued before animations existed rendered the model at rest.
            animation=_animation_from_params(params.get("animation")),
        )


def _animation_params(animation: AnimationPose) -> dict[str, Any]:
    choice = animation.choice
    clip = animation.clip
    return {"index" if isinstance(choice, int) else "name": choice, "time": animation.time,
            "clip": None if clip is None else {"start": clip.start, "end": clip.end,
                                               "fps": clip.fps}}


def _animation_from_params(params: dict[str, Any] | None) -> AnimationPose | None:
    if params is None:
        return None
    clip = params["clip"]
    return AnimationPose(
        choice=int(params["index"]) if "index" in params else str(params["name"]),
        time=params["time"],
        clip=None if clip is None else Clip(start=float(clip["start"]), end=clip["end"],
                                            fps=float(clip["fps"])))


def _camera_params(camera: Camera) -> dict[str, Any]:
    if isinstance(camera, LookAtCamera):
        return {"lookAt": {"position": list(camera.position), "target": list(camera.target),
                           "up": list(camera.up), "fovY": camera.fov_y_deg}}
    if isinstance(camera, OrbitCamera):
        return {"orbit": {"yaw": camera.yaw_deg, "pitch": camera.pitch_deg,
                          "distance": camera.distance, "fovY": camera.fov_y_deg}}
    return {"sceneCamera": camera.name_or_index}


def _camera_from_params(params: dict[str, Any]) -> Camera:
    if "lookAt" in params:
        look = params["lookAt"]
        return LookAtCamera(position=vec3(look["position"], "position"),
                            target=vec3(look["target"], "target"), up=vec3(look["up"], "up"),
                            fov_y_deg=float(look["fovY"]))
    if "orbit" in params:
        orbit = params["orbit"]
        distance = orbit["distance"]
        return OrbitCamera(yaw_deg=float(orbit["yaw"]), pitch_deg=float(orbit["pitch"]),
                           distance=None if distance is None else float(distance),
                           fov_y_deg=float(orbit["fovY"]))
    return SceneCamera(params["sceneCamera"])

