"""GraphQL inputs of renders: what to draw (asset or scene), from which camera, at what size."""

from __future__ import annotations

from enum import Enum

import strawberry

from app.geometry.render import (
    Camera,
    LookAtCamera,
    OrbitCamera,
    RenderOptions,
    RenderRequest,
    SceneCamera,
    Turntable,
)
from app.geometry.render.cameras import vec3
from app.geometry.render.options import rgba
from app.services.renders import errors_under

DEFAULT_BACKGROUND = RenderOptions().background
CAMERA_FIELDS = {"fov_y_deg": "fovY", "yaw_deg": "yaw", "pitch_deg": "pitch"}


@strawberry.enum(description="Encoding of rendered images.")
class RenderImageFormat(Enum):
    PNG = "PNG"
    JPEG = "JPEG"
    WEBP = "WEBP"


@strawberry.input(description="A camera at `position` looking at `target`; angles in degrees.")
class LookAtCameraInput:
    position: list[float]
    target: list[float]
    up: list[float] = strawberry.field(default_factory=lambda: [0.0, 1.0, 0.0])
    fov_y: float = strawberry.field(default=45.0, description="Vertical field of view, in degrees")

    def to_camera(self) -> LookAtCamera:
        return LookAtCamera(position=vec3(self.position, "position"),
                            target=vec3(self.target, "target"), up=vec3(self.up, "up"),
                            fov_y_deg=self.fov_y)


@strawberry.input(description="A camera circling the model's centre; angles in degrees. Yaw 0 "
                  "looks from the front (+Z), positive yaw swings towards +X, positive pitch "
                  "looks down from above.")
class OrbitCameraInput:
    yaw: float
    pitch: float
    distance: float | None = strawberry.field(
        default=None, description="From the centre; null frames the whole model")
    fov_y: float = strawberry.field(default=45.0, description="Vertical field of view, in degrees")

    def to_camera(self) -> OrbitCamera:
        return OrbitCamera(yaw_deg=self.yaw, pitch_deg=self.pitch, distance=self.distance,
                           fov_y_deg=self.fov_y)


@strawberry.input(one_of=True, description="Exactly one way to place the camera.")
class RenderCameraInput:
    look_at: LookAtCameraInput | None = strawberry.UNSET
    orbit: OrbitCameraInput | None = strawberry.UNSET
    scene_camera: str | None = strawberry.field(
        default=strawberry.UNSET, description="Name of a camera of the glTF")

    def to_camera(self) -> Camera:
        if self.look_at:
            with errors_under("input", "camera", "lookAt", names=CAMERA_FIELDS):
                return self.look_at.to_camera()
        if self.orbit:
            with errors_under("input", "camera", "orbit", names=CAMERA_FIELDS):
                return self.orbit.to_camera()
        return SceneCamera(str(self.scene_camera))


@strawberry.input(description="Frames evenly spaced around the model, starting at the orbit "
                  "camera's yaw (or the front).")
class TurntableInput:
    frames: int
    pitch: float | None = strawberry.field(
        default=None, description="Degrees; null keeps the orbit camera's, or 20")


@strawberry.input(description="What to render (assetId or sceneId) and how.")
class RenderSubmitInput:
    asset_id: strawberry.ID | None = strawberry.field(
        default=None, description="A READY asset; give this or sceneId")
    scene_id: strawberry.ID | None = None
    camera: RenderCameraInput | None = strawberry.field(
        default=None, description="Null frames the whole model from the front right")
    width: int = 512
    height: int = 512
    format: RenderImageFormat = RenderImageFormat.PNG
    background: list[float] | None = strawberry.field(
        default=strawberry.UNSET,
        description="sRGB red, green, blue, alpha in 0..1; null is transparent (PNG, WEBP); "
        f"left out: {list(DEFAULT_BACKGROUND or [])}")
    samples: int = strawberry.field(default=4, description="MSAA samples per pixel")
    quality: int = strawberry.field(default=90, description="1..100, for JPEG and WEBP")
    turntable: TurntableInput | None = strawberry.field(
        default=None, description="Render a turn around the model instead of one image")

    def to_request(self) -> RenderRequest:
        """The render this input asks for; raises InvalidInput or UnsupportedOption."""
        camera = self.camera.to_camera() if self.camera else None
        with errors_under("input"):
            background = DEFAULT_BACKGROUND if self.background is strawberry.UNSET else (
                None if self.background is None else rgba(self.background))
            options = RenderOptions(width=self.width, height=self.height,
                                    format=self.format.value, background=background,
                                    samples=self.samples, quality=self.quality)
            with errors_under("turntable"):
                turntable = Turntable(self.turntable.frames, self.turntable.pitch) if (
                    self.turntable) else None
            return RenderRequest(camera=camera, options=options, turntable=turntable)
