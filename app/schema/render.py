"""GraphQL inputs of renders: what to draw (asset or scene), from which camera, at what size."""

from __future__ import annotations

from enum import Enum

import strawberry

from app.geometry.render import RenderOptions

DEFAULT_BACKGROUND = RenderOptions().background


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


@strawberry.input(description="A camera circling the model's centre; angles in degrees. Yaw 0 "
                  "looks from the front (+Z), positive yaw swings towards +X, positive pitch "
                  "looks down from above.")
class OrbitCameraInput:
    yaw: float
    pitch: float
    distance: float | None = strawberry.field(
        default=None, description="From the centre; null frames the whole model")
    fov_y: float = strawberry.field(default=45.0, description="Vertical field of view, in degrees")


@strawberry.input(one_of=True, description="Exactly one way to place the camera.")
class RenderCameraInput:
    look_at: LookAtCameraInput | None = strawberry.UNSET
    orbit: OrbitCameraInput | None = strawberry.UNSET
    scene_camera: str | None = strawberry.field(
        default=strawberry.UNSET, description="Name of a camera of the glTF")


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
