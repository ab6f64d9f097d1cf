"""Cameras a render can ask for, and how each becomes view and projection matrices.

Our own cameras take near and far planes from the scene bounds, so nothing is clipped. Angles
are in degrees. An orbit at yaw 0, pitch 0 looks from +Z (glTF's front) at the bounds centre;
positive yaw swings the camera towards +X, positive pitch raises it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.errors import InvalidInput, LimitExceeded
from app.geometry.render.scene_data import Bounds, CameraPlacement
from app.geometry.render.transforms import Matrix, look_at, orthographic, perspective

Vec3 = tuple[float, float, float]


def vec3(values: Sequence[float], name: str) -> Vec3:
    """Three numbers as a vector; raises InvalidInput naming `name` for any other count."""
    if len(values) != 3:
        raise InvalidInput(f"camera {name} must be three numbers", field=[name])
    x, y, z = (float(value) for value in values)
    return (x, y, z)


def _check_fov(fov_y_deg: float) -> None:
    if not 0.0 < fov_y_deg < 180.0:
        raise InvalidInput("fov_y_deg must be between 0 and 180 degrees", field=["fov_y_deg"])


@dataclass(frozen=True)
class LookAtCamera:
    position: Vec3
    target: Vec3
    up: Vec3 = (0.0, 1.0, 0.0)
    fov_y_deg: float = 45.0

    def __post_init__(self) -> None:
        _check_fov(self.fov_y_deg)
        for name in ("position", "target", "up"):
            value = getattr(self, name)
            if len(value) != 3 or not all(map(math.isfinite, value)):
                raise InvalidInput(f"camera {name} must be three finite numbers", field=[name])
        if np.allclose(self.position, self.target):
            raise InvalidInput("camera position and target must differ", field=["target"])
        if not np.any(self.up):
            raise InvalidInput("camera up must not be the zero vector", field=["up"])


@dataclass(frozen=True)
class OrbitCamera:
    """Orbits the bounds centre; `distance` None frames the whole model."""

    yaw_deg: float
    pitch_deg: float
    distance: float | None = None
    fov_y_deg: float = 45.0

    def __post_init__(self) -> None:
        _check_fov(self.fov_y_deg)
        if not (math.isfinite(self.yaw_deg) and math.isfinite(self.pitch_deg)):
            raise InvalidInput("orbit yaw and pitch must be finite", field=["yaw_deg"])
        if self.distance is not None and not (math.isfinite(self.distance) and self.distance > 0):
            raise InvalidInput("orbit distance must be a positive number", field=["distance"])


@dataclass(frozen=True)
class SceneCamera:
    """A camera of the glTF, by name or by index in its `cameras` array."""

    name_or_index: str | int


Camera = LookAtCamera | OrbitCamera | SceneCamera
DEFAULT_CAMERA = OrbitCamera(yaw_deg=30.0, pitch_deg=20.0)
FRAMING_MARGIN = 1.06  # leaves a little background around an auto-framed model


@dataclass(frozen=True)
class View:
    view: Matrix
    projection: Matrix
    eye: np.ndarray


def turntable_cameras(
    frames: int,
    pitch_deg: float = 20.0,
    fov_y_deg: float = 45.0,
    distance: float | None = None,
    max_frames: int = 720,
    start_yaw_deg: float = 0.0,
) -> list[OrbitCamera]:
    """`frames` orbit cameras evenly spaced around a full turn, starting at `start_yaw_deg`
    (the front by default)."""
    if frames < 1:
        raise InvalidInput("a turntable needs at least one frame", field=["frames"])
    if frames > max_frames:
        raise LimitExceeded(
            f"frames {frames} exceeds the limit of {max_frames} frames", field=["frames"]
        )
    return [OrbitCamera(start_yaw_deg + 360.0 * i / frames, pitch_deg, distance, fov_y_deg)
            for i in range(frames)]


def resolve_view(
    camera: Camera,
    bounds: Bounds,
    aspect: float,
    camera_names: Sequence[str],
    placements: dict[int, CameraPlacement],
) -> View:
    """The view and projection of `camera` for an image of the given aspect (width / height)."""
    if isinstance(camera, SceneCamera):
        return _scene_view(camera, bounds, aspect, camera_names, placements)
    if isinstance(camera, LookAtCamera):
        eye = np.asarray(camera.position, dtype=np.float64)
        view = look_at(eye, np.asarray(camera.target, dtype=np.float64), np.asarray(camera.up))
        return View(view, _bounded_perspective(camera.fov_y_deg, aspect, eye, bounds), eye)
    return _orbit_view(camera, bounds, aspect)


def _orbit_view(camera: OrbitCamera, bounds: Bounds, aspect: float) -> View:
    yaw, pitch = math.radians(camera.yaw_deg), math.radians(camera.pitch_deg)
    back = np.array([math.cos(pitch) * math.sin(yaw), math.sin(pitch),
                     math.cos(pitch) * math.cos(yaw)])
    # The tangent towards increasing pitch stays perpendicular even looking straight down.
    up = np.array([-math.sin(pitch) * math.sin(yaw), math.cos(pitch),
                   -math.sin(pitch) * math.cos(yaw)])
    distance = camera.distance or framing_distance(
        bounds, np.cross(up, back), up, back, camera.fov_y_deg, aspect)
    eye = bounds.center + distance * back
    view = look_at(eye, bounds.center, up)
    return View(view, _bounded_perspective(camera.fov_y_deg, aspect, eye, bounds), eye)


def framing_distance(bounds: Bounds, right: np.ndarray, up: np.ndarray, back: np.ndarray,
                     fov_y_deg: float, aspect: float) -> float:
    """How far back along `back` from the bounds centre every corner of the box is in view."""
    tan_y = math.tan(math.radians(fov_y_deg) / 2.0)
    corners = bounds.corners() - bounds.center
    across = np.maximum(np.abs(corners @ right) / (tan_y * aspect), np.abs(corners @ up) / tan_y)
    needed = float(np.max(corners @ back + across))
    return max(needed, bounds.radius) * FRAMING_MARGIN


def _bounded_perspective(fov_y_deg: float, aspect: float, eye: np.ndarray,
                         bounds: Bounds) -> Matrix:
    near, far = _clip_planes(eye, bounds)
    return perspective(math.radians(fov_y_deg), aspect, near, far)


def _clip_planes(eye: np.ndarray, bounds: Bounds) -> tuple[float, float]:
    """Near and far planes that just enclose the bounding sphere, as tight as depth allows."""
    distance = float(np.linalg.norm(eye - bounds.center))
    far = (distance + bounds.radius) * 1.01
    # Inside the sphere, a near plane at a thousandth of far keeps 24-bit depth usable.
    near = max((distance - bounds.radius) * 0.99, far / 1000.0)
    return near, far


def _scene_view(
    camera: SceneCamera,
    bounds: Bounds,
    aspect: float,
    camera_names: Sequence[str],
    placements: dict[int, CameraPlacement],
) -> View:
    key = camera.name_or_index
    index = key if isinstance(key, int) else next(
        (i for i, name in enumerate(camera_names) if name == key), None)
    if index is None or not 0 <= index < len(camera_names):
        raise InvalidInput(f"the scene has no camera {key!r}", field=["camera"])
    if index not in placements:
        raise InvalidInput(f"camera {key!r} is not placed on any node", field=["camera"])
    placement = placements[index]
    rigid = placement.world.copy()
    # A camera looks along its node's -Z; scale on the node must not skew the view.
    scales = np.linalg.norm(rigid[:3, :3], axis=0)
    rigid[:3, :3] /= np.where(scales > 0, scales, 1.0)
    eye = rigid[:3, 3].copy()
    view = np.linalg.inv(rigid)
    settings = placement.projection
    near, far = _clip_planes(eye, bounds)
    near = float(settings.get("znear", near))
    far = max(float(settings.get("zfar", far)), near * 1.001)
    if placement.orthographic:
        half_height = float(settings.get("ymag", 1.0))
        return View(view, orthographic(half_height * aspect, half_height, near, far), eye)
    return View(view, perspective(float(settings.get("yfov", 0.8)), aspect, near, far), eye)
