"""GraphQL inputs of renders: what to draw (asset or scene), from which camera, at what size."""

from __future__ import annotations

from enum import Enum

import strawberry

from app.geometry.render import RenderOptions
from app.schema.enums import described

DEFAULT_BACKGROUND = RenderOptions().background


@described(description="Encoding of rendered images.", values={
    "PNG": "Lossless, with alpha.",
    "JPEG": "Lossy by `quality`, no alpha.",
    "WEBP": "Lossy by `quality`, with alpha; a turntable or a clip gives one file per frame.",
    "MP4": "A turntable's or an animation clip's frames as one H.264 video (a clip at its "
           "fps, a turntable at 24 frames a second), lossy by `quality`, no alpha; width and "
           "height must be even.",
    "WEBM": "A turntable's or an animation clip's frames as one VP9 video (a clip at its fps, "
            "a turntable at 24 frames a second), lossy by `quality`, no alpha.",
    "ANIMATED_WEBP": "A turntable's or an animation clip's frames as one looping animated "
                     "WebP (a clip at its fps, a turntable at 24 frames a second), lossy by "
                     "`quality`, with alpha.",
})
class RenderImageFormat(Enum):
    PNG = "PNG"
    JPEG = "JPEG"
    WEBP = "WEBP"
    MP4 = "MP4"
    WEBM = "WEBM"
    ANIMATED_WEBP = "ANIMATED_WEBP"


@described(description="How an image is drawn.", values={
    "RASTER": "OpenGL rasterisation: fast, direct lighting with an ambient term.",
    "PATH_TRACED": "Mitsuba 3 path tracing on the CPU: shadows and interreflections, the "
                   "same camera and materials (principled BSDF); slower, traced in passes.",
})
class Renderer(Enum):
    RASTER = "RASTER"
    PATH_TRACED = "PATH_TRACED"


@strawberry.input(description="A camera at `position` looking at `target`; angles in degrees.")
class LookAtCameraInput:
    position: list[float] = strawberry.field(description="Where the camera is: x, y, z")
    target: list[float] = strawberry.field(description="The point it looks at: x, y, z")
    up: list[float] = strawberry.field(default_factory=lambda: [0.0, 1.0, 0.0],
                                       description="Which way is up in the image: x, y, z")
    fov_y: float = strawberry.field(default=45.0, description="Vertical field of view, in degrees")


@strawberry.input(description="A camera circling the model's centre; angles in degrees. Yaw 0 "
                  "looks from the front (+Z), positive yaw swings towards +X, positive pitch "
                  "looks down from above.")
class OrbitCameraInput:
    yaw: float = strawberry.field(description="Degrees around the vertical axis")
    pitch: float = strawberry.field(description="Degrees above the horizon")
    distance: float | None = strawberry.field(
        default=None, description="From the centre; null frames the whole model")
    fov_y: float = strawberry.field(default=45.0, description="Vertical field of view, in degrees")


@strawberry.input(one_of=True, description="Exactly one way to place the camera.")
class RenderCameraInput:
    look_at: LookAtCameraInput | None = strawberry.field(
        default=strawberry.UNSET, description="A camera at a point looking at another")
    orbit: OrbitCameraInput | None = strawberry.field(
        default=strawberry.UNSET, description="A camera circling the model's centre")
    scene_camera: str | None = strawberry.field(
        default=strawberry.UNSET, description="Name of a camera of the glTF")


@strawberry.input(description="Frames evenly spaced around the model, starting at the orbit "
                  "camera's yaw (or the front).")
class TurntableInput:
    frames: int = strawberry.field(description="How many images, one per equal step of yaw")
    pitch: float | None = strawberry.field(
        default=None, description="Degrees; null keeps the orbit camera's, or 20")


@strawberry.input(description="Frames `1 / fps` seconds apart through an animation, from "
                  "`start` to `end`, both included when a step lands on them.")
class RenderClipInput:
    start: float = strawberry.field(default=0.0, description="Seconds into the animation of "
                                    "the first frame")
    end: float | None = strawberry.field(
        default=None, description="Seconds into the animation of the last frame, at most its "
        "end; null: the animation's end")
    fps: float = strawberry.field(default=24.0, description="Frames per second, drawn and "
                                  "played (viewer.renderLimits.maxFps at most)")


@strawberry.input(description="The model posed by one of its glTF animations (give index or "
                  "name): at `time` in every frame, or along `clip`, one frame per step. "
                  "Nodes move (translation, rotation, scale); skins and morph targets are "
                  "drawn at rest.")
class RenderAnimationInput:
    index: int | None = strawberry.field(
        default=None, description="The animation's position in the glTF's animations, from 0")
    name: str | None = strawberry.field(default=None, description="The animation's name")
    time: float | None = strawberry.field(
        default=None, description="Seconds into the animation of every frame (null: 0, or "
        "the clip's); within its end")
    clip: RenderClipInput | None = strawberry.field(
        default=None, description="Frames through the animation instead of one time; with "
        "MP4, WEBM or ANIMATED_WEBP one file, otherwise one image per frame")


@strawberry.input(description="What to render (assetId or sceneId) and how.")
class RenderSubmitInput:
    asset_id: strawberry.ID | None = strawberry.field(
        default=None, description="A READY asset; give this or sceneId")
    scene_id: strawberry.ID | None = strawberry.field(
        default=None, description="A scene of the viewer's; give this or assetId")
    camera: RenderCameraInput | None = strawberry.field(
        default=None, description="Null frames the whole model from the front right")
    width: int = strawberry.field(default=512, description="Image width, in pixels")
    height: int = strawberry.field(default=512, description="Image height, in pixels")
    format: RenderImageFormat = strawberry.field(default=RenderImageFormat.PNG,
                                                 description="How the images are encoded")
    background: list[float] | None = strawberry.field(
        default=strawberry.UNSET,
        description="sRGB red, green, blue, alpha in 0..1; null is transparent (PNG, WEBP); "
        f"left out: {list(DEFAULT_BACKGROUND or [])}")
    renderer: Renderer = strawberry.field(default=Renderer.RASTER,
                                          description="Rasterised, or path traced")
    samples: int | None = strawberry.field(
        default=None, description="Per pixel: MSAA samples for RASTER (null: 4), paths "
        "traced for PATH_TRACED (null: 64)")
    quality: int = strawberry.field(default=90, description="1..100, for JPEG, WEBP, MP4, "
                                    "WEBM and ANIMATED_WEBP")
    turntable: TurntableInput | None = strawberry.field(
        default=None, description="Render a turn around the model instead of one image")
    animation: RenderAnimationInput | None = strawberry.field(
        default=None, description="Pose the model by one of its animations (assets only: "
        "scenes render at rest); null: at rest")
