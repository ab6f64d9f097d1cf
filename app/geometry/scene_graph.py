"""The typed scene graph: nodes with transforms and mesh references, materials, cameras, lights.

Plain value objects (pydantic, so they validate and embed in documents). Meshes and textures
are referenced, never copied: a `MeshRef` names a mesh of an asset's normalised GLB, and
`MeshInfo` keeps what the scene needs to know about it without reading that GLB again.

A reference names a version of its asset (`asset_version`, pinned) or none ("latest"): the
scene's latest references to an asset draw the version its `latest` list records, which a new
current version of the asset moves on (app/services/scenes/follow.py), so a scene version
always draws the same files.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    FiniteFloat,
    JsonValue,
    StringConstraints,
    model_validator,
)

LocalId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:-]{1,64}$")]
Name = Annotated[str, StringConstraints(max_length=200)]
Unit = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)]
Positive = Annotated[float, Field(gt=0.0, allow_inf_nan=False)]
NonNegative = Annotated[float, Field(ge=0.0, allow_inf_nan=False)]
Vec3 = tuple[FiniteFloat, FiniteFloat, FiniteFloat]
Vec4 = tuple[FiniteFloat, FiniteFloat, FiniteFloat, FiniteFloat]
Matrix16 = Annotated[tuple[FiniteFloat, ...], Field(min_length=16, max_length=16)]


class Value(BaseModel):
    model_config = ConfigDict(extra="forbid")


AssetVersionNumber = Annotated[int, Field(ge=1, description=(
    "A pinned version of the asset; null: the latest (its current version)"))]


def source_key(asset_id: str, asset_version: int | None) -> str:
    """The key naming the GLB a reference draws from: the asset's id for its latest version,
    `<id>@v<n>` for a pinned one."""
    return asset_id if asset_version is None else f"{asset_id}@v{asset_version}"


class MeshRef(Value):
    model_config = ConfigDict(extra="forbid", frozen=True)

    asset_id: str
    mesh_index: int = Field(default=0, ge=0)
    asset_version: AssetVersionNumber | None = None

    @property
    def source(self) -> str:
        return source_key(self.asset_id, self.asset_version)


class TextureRef(Value):
    model_config = ConfigDict(extra="forbid", frozen=True)

    asset_id: str
    texture_index: int = Field(ge=0)
    tex_coord: int = Field(default=0, ge=0)
    scale: FiniteFloat = Field(default=1.0, description="A normal map's scale, an occlusion "
                               "map's strength; other slots ignore it")
    asset_version: AssetVersionNumber | None = None

    @property
    def source(self) -> str:
        return source_key(self.asset_id, self.asset_version)


class MaterialSource(Value):
    """The asset material a scene material stands for: its meshes' primitives draw with it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    asset_id: str
    material_index: int = Field(ge=0)
    asset_version: AssetVersionNumber | None = None

    @property
    def source(self) -> str:
        return source_key(self.asset_id, self.asset_version)


class AlphaMode(StrEnum):
    OPAQUE = "OPAQUE"
    MASK = "MASK"
    BLEND = "BLEND"


class Material(Value):
    """A glTF PBR metallic-roughness material."""

    id: LocalId
    name: Name = ""
    base_color_factor: tuple[Unit, Unit, Unit, Unit] = (1.0, 1.0, 1.0, 1.0)
    base_color_texture: TextureRef | None = None
    metallic_factor: Unit = 1.0
    roughness_factor: Unit = 1.0
    metallic_roughness_texture: TextureRef | None = None
    normal_texture: TextureRef | None = None
    occlusion_texture: TextureRef | None = None
    emissive_factor: tuple[Unit, Unit, Unit] = (0.0, 0.0, 0.0)
    emissive_texture: TextureRef | None = None
    alpha_mode: AlphaMode = AlphaMode.OPAQUE
    alpha_cutoff: NonNegative = 0.5
    double_sided: bool = False
    source: MaterialSource | None = None

    def textures(self) -> list[TextureRef]:
        slots = (self.base_color_texture, self.metallic_roughness_texture, self.normal_texture,
                 self.occlusion_texture, self.emissive_texture)
        return [slot for slot in slots if slot is not None]


class CameraType(StrEnum):
    PERSPECTIVE = "PERSPECTIVE"
    ORTHOGRAPHIC = "ORTHOGRAPHIC"


class Camera(Value):
    """A glTF camera; `yfov`/`aspect_ratio` are perspective's, `xmag`/`ymag` orthographic's."""

    id: LocalId
    name: Name = ""
    type: CameraType = CameraType.PERSPECTIVE
    yfov: Annotated[float, Field(gt=0.0, lt=math.pi)] | None = None
    aspect_ratio: Positive | None = None
    xmag: FiniteFloat | None = None
    ymag: FiniteFloat | None = None
    znear: NonNegative = 0.01
    zfar: Positive | None = None

    @model_validator(mode="after")
    def _projection_is_complete(self) -> Camera:
        if self.type is CameraType.PERSPECTIVE:
            if self.yfov is None or self.znear <= 0:
                raise ValueError("a perspective camera needs yfov and a znear above 0")
        elif not self.xmag or not self.ymag or self.zfar is None:
            raise ValueError("an orthographic camera needs non-zero xmag and ymag, and zfar")
        if self.zfar is not None and self.zfar <= self.znear:
            raise ValueError("zfar must be greater than znear")
        return self


class LightType(StrEnum):
    DIRECTIONAL = "DIRECTIONAL"
    POINT = "POINT"
    SPOT = "SPOT"


class Light(Value):
    """A KHR_lights_punctual light; cone angles (radians) are a spot light's."""

    id: LocalId
    name: Name = ""
    type: LightType = LightType.POINT
    color: tuple[Unit, Unit, Unit] = (1.0, 1.0, 1.0)
    intensity: NonNegative = 1.0
    range: Positive | None = None
    inner_cone_angle: Annotated[float, Field(ge=0.0, le=math.pi / 2)] = 0.0
    outer_cone_angle: Annotated[float, Field(gt=0.0, le=math.pi / 2)] = math.pi / 4

    @model_validator(mode="after")
    def _fits_its_type(self) -> Light:
        if self.type is LightType.DIRECTIONAL and self.range is not None:
            raise ValueError("a directional light has no range")
        if self.inner_cone_angle >= self.outer_cone_angle:
            raise ValueError("innerConeAngle must be less than outerConeAngle")
        return self


class Node(Value):
    """A node: local transform (TRS, or a column-major matrix), children by id, attachments."""

    id: LocalId
    name: Name = ""
    translation: Vec3 | None = None
    rotation: Vec4 | None = None
    scale: Vec3 | None = None
    matrix: Matrix16 | None = None
    children: list[str] = Field(default_factory=list)
    mesh: MeshRef | None = None
    material: str | None = None
    camera: str | None = None
    light: str | None = None
    properties: dict[str, JsonValue] = Field(default_factory=dict, description=(
        "What the source said about the node (its glTF extras): an IFC element's class, "
        "GlobalId, name and property sets"))


class MeshInfo(Value):
    """What a scene keeps about a referenced mesh: its local box and primitives' materials."""

    asset_id: str
    mesh_index: int
    asset_version: AssetVersionNumber | None = None
    box_min: Vec3 | None = None
    box_max: Vec3 | None = None
    primitive_materials: list[int | None] = Field(default_factory=list)

    @property
    def ref(self) -> MeshRef:
        return MeshRef(asset_id=self.asset_id, mesh_index=self.mesh_index,
                       asset_version=self.asset_version)


class LatestVersion(Value):
    """The version of an asset a scene's latest references to it draw."""

    asset_id: str
    number: int = Field(ge=1)


class SceneGraph(Value):
    """Nodes in scene order with `roots` naming the top level; ids are unique per kind."""

    nodes: list[Node] = Field(default_factory=list)
    roots: list[str] = Field(default_factory=list)
    materials: list[Material] = Field(default_factory=list)
    cameras: list[Camera] = Field(default_factory=list)
    lights: list[Light] = Field(default_factory=list)
    meshes: list[MeshInfo] = Field(default_factory=list)
    latest: list[LatestVersion] = Field(default_factory=list)
    next_id: int = Field(default=1, ge=1, description="Numbers the ids the scene generates")

    def mesh_infos(self) -> dict[MeshRef, MeshInfo]:
        return {info.ref: info for info in self.meshes}

    def asset_ids(self) -> set[str]:
        """Every asset the graph references, through meshes or material textures."""
        ids = {node.mesh.asset_id for node in self.nodes if node.mesh is not None}
        ids.update(t.asset_id for material in self.materials for t in material.textures())
        return ids

    def latest_version(self, asset_id: str) -> int | None:
        """The version the latest references to the asset draw (None: none recorded)."""
        return next((e.number for e in self.latest if e.asset_id == asset_id), None)

    def references(self) -> list[MeshRef | TextureRef | MaterialSource]:
        """Every reference to an asset: node meshes, material textures and sources."""
        refs: list[MeshRef | TextureRef | MaterialSource] = [
            node.mesh for node in self.nodes if node.mesh is not None]
        refs += [t for material in self.materials for t in material.textures()]
        refs += [m.source for m in self.materials if m.source is not None]
        return refs

    def sources(self) -> dict[str, tuple[str, int | None]]:
        """Every GLB the graph draws from, by source key: (asset id, version to read; None
        for the asset's current one, where the scene recorded no latest version)."""
        return {ref.source: (ref.asset_id, self.drawn_version(ref)) for ref in self.references()}

    def drawn_version(self, ref: MeshRef | TextureRef | MaterialSource) -> int | None:
        """The version a reference draws: its pinned one, or the latest one recorded."""
        return ref.asset_version or self.latest_version(ref.asset_id)
