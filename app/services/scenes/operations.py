"""The edits a scene update is made of: one small value per operation, applied in order.

Ids name nodes, materials, cameras and lights of the scene. A new node, material, camera or
light may choose its id (letters, digits, `_.:-`), so later operations of the same update can
name it; otherwise the scene numbers one. `fields` mappings use the snake_case names of
`app.geometry.scene_graph.Material`, `Camera` and `Light`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

Numbers = tuple[float, ...]


@dataclass(frozen=True)
class Transform:
    """Translation, rotation (unit quaternion x, y, z, w) and scale, or a column-major matrix."""

    translation: Numbers | None = None
    rotation: Numbers | None = None
    scale: Numbers | None = None
    matrix: Numbers | None = None


@dataclass(frozen=True)
class MeshUse:
    """A mesh of an asset's `asset_version` (None: the latest, following its current one)."""

    asset_id: str
    mesh_index: int = 0
    asset_version: int | None = None


@dataclass(frozen=True)
class AddNode:
    kind: ClassVar[str] = "add_node"
    id: str | None = None
    name: str = ""
    parent_id: str | None = None
    index: int | None = None
    transform: Transform = field(default_factory=Transform)
    mesh: MeshUse | None = None
    material_id: str | None = None
    camera_id: str | None = None
    light_id: str | None = None


@dataclass(frozen=True)
class RemoveNode:
    """Removes the node and everything under it."""

    kind: ClassVar[str] = "remove_node"
    node_id: str


@dataclass(frozen=True)
class ReparentNode:
    """Moves a node under `parent_id` (None: to the top level) at `index` (None: last)."""

    kind: ClassVar[str] = "reparent_node"
    node_id: str
    parent_id: str | None = None
    index: int | None = None


@dataclass(frozen=True)
class SetTransform:
    """Sets the given parts; a matrix replaces the whole transform."""

    kind: ClassVar[str] = "set_transform"
    node_id: str
    transform: Transform


@dataclass(frozen=True)
class AttachMesh:
    """Draws an asset's mesh at the node, with `material_id` or the mesh's own material."""

    kind: ClassVar[str] = "attach_mesh"
    node_id: str
    mesh: MeshUse
    material_id: str | None = None


@dataclass(frozen=True)
class DetachMesh:
    kind: ClassVar[str] = "detach_mesh"
    node_id: str


@dataclass(frozen=True)
class SetMaterial:
    """Draws every primitive of the node's mesh with `material_id` (None: their own)."""

    kind: ClassVar[str] = "set_material"
    node_id: str
    material_id: str | None


@dataclass(frozen=True)
class RenameNode:
    kind: ClassVar[str] = "rename_node"
    node_id: str
    name: str


@dataclass(frozen=True)
class AddMaterial:
    kind: ClassVar[str] = "add_material"
    fields: Mapping[str, Any]


@dataclass(frozen=True)
class EditMaterial:
    """Changes the given fields of a material; a null texture removes it."""

    kind: ClassVar[str] = "edit_material"
    material_id: str
    fields: Mapping[str, Any]


@dataclass(frozen=True)
class AddCamera:
    """A camera, placed at `node_id` when given."""

    kind: ClassVar[str] = "add_camera"
    fields: Mapping[str, Any]
    node_id: str | None = None


@dataclass(frozen=True)
class AddLight:
    """A light, placed at `node_id` when given."""

    kind: ClassVar[str] = "add_light"
    fields: Mapping[str, Any]
    node_id: str | None = None


Operation = (AddNode | RemoveNode | ReparentNode | SetTransform | AttachMesh | DetachMesh
             | SetMaterial | RenameNode | AddMaterial | EditMaterial | AddCamera | AddLight)

TEXTURE_FIELDS = ("base_color_texture", "metallic_roughness_texture", "normal_texture",
                  "occlusion_texture", "emissive_texture")


def mesh_uses(operation: Operation) -> list[MeshUse]:
    mesh = getattr(operation, "mesh", None)
    return [mesh] if mesh is not None else []


def texture_uses(operation: Operation) -> list[tuple[str, Mapping[str, Any]]]:
    """(field, texture reference) for each texture an operation sets on a material."""
    if not isinstance(operation, AddMaterial | EditMaterial):
        return []
    return [(name, operation.fields[name]) for name in TEXTURE_FIELDS
            if isinstance(operation.fields.get(name), Mapping)]
