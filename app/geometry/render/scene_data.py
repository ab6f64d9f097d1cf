"""The CPU-side scene the renderer draws: vertices, instances, materials, cameras, lights."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from app.geometry.render.transforms import Matrix, transform_points

# One interleaved float32 vertex: position xyz, normal xyz, texture uv, colour rgba.
VERTEX_FLOATS = 12
VERTEX_LAYOUT = "3f 3f 2f 4f"
VERTEX_ATTRIBUTES = ("in_position", "in_normal", "in_uv", "in_color")

GL_REPEAT = 10497
GL_MIRRORED_REPEAT = 33648
GL_LINEAR = 9729
GL_LINEAR_MIPMAP_LINEAR = 9987


def xyz(values: Iterable[float]) -> tuple[float, float, float]:
    """Three numbers as a float triple."""
    x, y, z = values
    return (float(x), float(y), float(z))


@dataclass(frozen=True)
class Bounds:
    """An axis-aligned box in world space."""

    min: tuple[float, float, float]
    max: tuple[float, float, float]

    @classmethod
    def of_points(cls, points: np.ndarray) -> Bounds:
        low, high = points.min(axis=0), points.max(axis=0)
        return cls(min=xyz(low), max=xyz(high))

    @property
    def center(self) -> np.ndarray:
        low, high = np.asarray(self.min, dtype=np.float64), np.asarray(self.max, dtype=np.float64)
        return (low + high) / 2.0

    @property
    def radius(self) -> float:
        """Radius of the sphere around the box; never zero, so framing always has a scale."""
        half_diagonal = float(np.linalg.norm(np.asarray(self.max) - np.asarray(self.min))) / 2.0
        return max(half_diagonal, 1e-6)

    def corners(self) -> np.ndarray:
        low, high = np.asarray(self.min), np.asarray(self.max)
        pick = np.array([[i >> 2 & 1, i >> 1 & 1, i & 1] for i in range(8)], dtype=bool)
        return np.where(pick, high, low)

    def transformed(self, matrix: Matrix) -> Bounds:
        """The box around this box's corners after `matrix` (loose under rotation, never short)."""
        return Bounds.of_points(transform_points(matrix, self.corners()))


@dataclass
class Primitive:
    """One triangle list in its mesh's local space, ready to upload."""

    vertices: np.ndarray  # (n, VERTEX_FLOATS) float32
    indices: np.ndarray | None  # (3t,) uint32, or None to draw the vertices in order
    material: int | None
    bounds: Bounds

    @property
    def triangle_count(self) -> int:
        count = len(self.indices) if self.indices is not None else len(self.vertices)
        return count // 3


@dataclass(frozen=True)
class DrawItem:
    """An instance of a primitive placed in the world by its node."""

    primitive: int
    world: Matrix
    bounds: Bounds
    material: int | None


@dataclass(frozen=True)
class Texture:
    """Decoded sRGB RGBA pixels (top row first, as glTF UVs expect) and the glTF sampler."""

    pixels: np.ndarray  # (h, w, 4) uint8
    wrap_s: int = GL_REPEAT
    wrap_t: int = GL_REPEAT
    min_filter: int = GL_LINEAR_MIPMAP_LINEAR
    mag_filter: int = GL_LINEAR


AlphaMode = Literal["OPAQUE", "MASK", "BLEND"]


@dataclass(frozen=True)
class Material:
    """The metallic-roughness factors and maps the shader uses; colours are linear.

    Textures are glTF texture indices; all of a material's maps read the one `uv_set`
    (TEXCOORD_n of its base colour map, else of its first other map). `emissive` already
    includes KHR_materials_emissive_strength.
    """

    base_color: tuple[float, float, float, float] = (1.0, 1.0, 1.0, 1.0)
    base_color_texture: int | None = None
    uv_set: int = 0
    metallic: float = 1.0
    roughness: float = 1.0
    metallic_roughness_texture: int | None = None  # roughness in G, metalness in B
    normal_texture: int | None = None
    normal_scale: float = 1.0
    occlusion_texture: int | None = None  # in R
    occlusion_strength: float = 1.0
    emissive: tuple[float, float, float] = (0.0, 0.0, 0.0)
    emissive_texture: int | None = None
    alpha_mode: AlphaMode = "OPAQUE"
    alpha_cutoff: float = 0.5
    double_sided: bool = False

    @property
    def srgb_textures(self) -> set[int]:
        """Colour maps, sampled through an sRGB texture format."""
        return {index for index in (self.base_color_texture, self.emissive_texture)
                if index is not None}

    @property
    def linear_textures(self) -> set[int]:
        """Data maps, sampled as stored."""
        maps = (self.metallic_roughness_texture, self.normal_texture, self.occlusion_texture)
        return {index for index in maps if index is not None}


DEFAULT_MATERIAL = Material()


@dataclass(frozen=True)
class CameraPlacement:
    """A glTF camera at the world transform of the first node that carries it."""

    projection: dict[str, Any]  # the glTF camera's "perspective" or "orthographic" object
    orthographic: bool
    world: Matrix


LightKind = Literal["directional", "point", "spot"]


@dataclass(frozen=True)
class Light:
    """A punctual light in world space; `color` already includes the intensity."""

    kind: LightKind
    color: tuple[float, float, float]
    position: tuple[float, float, float] = (0.0, 0.0, 0.0)
    direction: tuple[float, float, float] = (0.0, 0.0, -1.0)  # where the light travels
    range: float = 0.0  # 0: unlimited
    inner_cone: float = 0.0
    outer_cone: float = np.pi / 4.0


@dataclass
class SceneData:
    primitives: list[Primitive]
    draws: list[DrawItem]
    materials: list[Material]
    textures: dict[int, Texture]
    bounds: Bounds
    camera_names: tuple[str, ...]
    cameras: dict[int, CameraPlacement] = field(default_factory=dict)
    lights: list[Light] = field(default_factory=list)
