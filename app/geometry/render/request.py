"""What one render job draws (`RenderRequest`: a camera or a turntable, and image options),
and its JSON form, stored as a job's `params` and read back by the worker."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from app.errors import AtelierError, InvalidInput, UnsupportedOption
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

DEFAULT_TURNTABLE_PITCH_DEG = 20.0


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
class RenderRequest:
    """One image from `camera` (None: framed automatically), or a turntable of images that
    orbits the model starting from `camera`, which must then be an orbit camera or None."""

    camera: Camera | None = None
    options: RenderOptions = field(default_factory=RenderOptions)
    turntable: Turntable | None = None

    def __post_init__(self) -> None:
        if self.turntable is not None and not isinstance(self.camera, OrbitCamera | None):
            raise UnsupportedOption(
                "a turntable orbits the model: give an orbit camera or none", field=["turntable"]
            )

    @property
    def frame_count(self) -> int:
        return self.turntable.frames if self.turntable else 1

    def check(self, limits: RenderLimits) -> None:
        """Raise LimitExceeded for an image or a turntable past the deployment's limits."""
        limits.check_options(self.options)
        self.cameras(limits)  # building the turntable checks its frame count

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
            "samples": options.samples,
            "quality": options.quality,
            "turntable": None if self.turntable is None else {
                "frames": self.turntable.frames, "pitch": self.turntable.pitch_deg},
        }

    @classmethod
    def from_params(cls, params: dict[str, Any]) -> RenderRequest:
        """The request `to_params` wrote; raises InvalidInput when a value is not valid."""
        background = params["background"]
        options = RenderOptions(
            width=int(params["width"]), height=int(params["height"]), format=params["format"],
            background=None if background is None else rgba(background),
            samples=int(params["samples"]), quality=int(params["quality"]),
        )
        turntable = params["turntable"]
        return cls(
            camera=None if params["camera"] is None else _camera_from_params(params["camera"]),
            options=options,
            turntable=None if turntable is None else Turntable(
                frames=int(turntable["frames"]), pitch_deg=turntable["pitch"]),
        )


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

