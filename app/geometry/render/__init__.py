"""Render GLBs to PNG/JPEG/WEBP images with moderngl on a headless EGL context.

    with Renderer() as renderer, renderer.load(glb_bytes) as scene:
        png = renderer.render(scene, OrbitCamera(yaw_deg=30, pitch_deg=20), RenderOptions())
        frames = [renderer.render(scene, camera) for camera in turntable_cameras(24)]

A render job's `RenderRequest` (camera or turntable, options) travels as JSON `params`.
A `Renderer` holds one GL context and must stay on the thread that created it. Each
`LoadedScene` keeps its geometry and textures on the GPU until `release()`.
"""

from app.geometry.render.cameras import (
    Camera,
    LookAtCamera,
    OrbitCamera,
    SceneCamera,
    turntable_cameras,
)
from app.geometry.render.encode import encode_image
from app.geometry.render.gpu_scene import LoadedScene
from app.geometry.render.options import IMAGE_FORMATS, ImageFormat, RenderLimits, RenderOptions
from app.geometry.render.renderer import Renderer
from app.geometry.render.request import RenderRequest, Turntable
from app.geometry.render.scene_data import Bounds

__all__ = [
    "IMAGE_FORMATS",
    "Bounds",
    "Camera",
    "ImageFormat",
    "LoadedScene",
    "LookAtCamera",
    "OrbitCamera",
    "RenderLimits",
    "RenderOptions",
    "RenderRequest",
    "Renderer",
    "SceneCamera",
    "Turntable",
    "encode_image",
    "turntable_cameras",
]
