"""GraphQL inputs of scenes: sceneCreate and sceneUpdate take a list of operations, each a oneOf
input naming exactly one edit, turned here into the service's operation dataclasses."""

from __future__ import annotations

import dataclasses
from typing import Any

import strawberry

from app.schema.scene import AlphaMode, CameraType, LightType
from app.services import scene_operations as ops


def given(value: Any) -> Any:
    """An input as plain data: the fields that were given, nested inputs and enums unwrapped."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: given(getattr(value, f.name)) for f in dataclasses.fields(value)
                if getattr(value, f.name) is not strawberry.UNSET}
    if isinstance(value, list):
        return [given(item) for item in value]
    return value


def _transform(value: Any) -> ops.Transform:
    return ops.Transform(**{key: None if getattr(value, key) is None else
                            tuple(getattr(value, key))
                            for key in ("translation", "rotation", "scale", "matrix")})


def _mesh(value: MeshReferenceInput) -> ops.MeshUse:
    return ops.MeshUse(asset_id=str(value.asset_id), mesh_index=value.mesh_index)


TRANSFORM_HELP = ("Translation, rotation (unit quaternion x, y, z, w) and scale, or a matrix "
                  "(16 numbers, column-major) instead of those")


@strawberry.input(description="A mesh of a READY asset's normalised GLB.")
class MeshReferenceInput:
    asset_id: strawberry.ID
    mesh_index: int = 0


@strawberry.input(description="A texture of a READY asset's normalised GLB.")
class TextureReferenceInput:
    asset_id: strawberry.ID
    texture_index: int
    tex_coord: int = 0
    scale: float = strawberry.field(default=1.0, description="Normal scale, occlusion strength")


@strawberry.input(description=f"A new node. {TRANSFORM_HELP}. `id` is yours to choose (so "
                  "later operations can name it) or the scene's.")
class SceneNodeAddInput:
    id: strawberry.ID | None = None
    name: str = ""
    parent_id: strawberry.ID | None = strawberry.field(default=None, description="Null: top")
    index: int | None = strawberry.field(default=None, description="Among siblings; null: last")
    translation: list[float] | None = None
    rotation: list[float] | None = None
    scale: list[float] | None = None
    matrix: list[float] | None = None
    mesh: MeshReferenceInput | None = None
    material_id: strawberry.ID | None = None
    camera_id: strawberry.ID | None = None
    light_id: strawberry.ID | None = None

    def operation(self) -> ops.AddNode:
        return ops.AddNode(
            id=self.id, name=self.name, parent_id=self.parent_id, index=self.index,
            transform=_transform(self), mesh=_mesh(self.mesh) if self.mesh else None,
            material_id=self.material_id, camera_id=self.camera_id, light_id=self.light_id)


@strawberry.input(description="Remove a node and everything under it.")
class SceneNodeRemoveInput:
    node_id: strawberry.ID

    def operation(self) -> ops.RemoveNode:
        return ops.RemoveNode(node_id=self.node_id)


@strawberry.input(description="Move a node under parentId (null: top level) at index (null: "
                  "last); a node cannot move under itself or its descendants.")
class SceneNodeReparentInput:
    node_id: strawberry.ID
    parent_id: strawberry.ID | None = None
    index: int | None = None

    def operation(self) -> ops.ReparentNode:
        return ops.ReparentNode(node_id=self.node_id, parent_id=self.parent_id,
                                index=self.index)


@strawberry.input(description=f"{TRANSFORM_HELP}. Sets the parts given; a matrix replaces all.")
class SceneTransformSetInput:
    node_id: strawberry.ID
    translation: list[float] | None = None
    rotation: list[float] | None = None
    scale: list[float] | None = None
    matrix: list[float] | None = None

    def operation(self) -> ops.SetTransform:
        return ops.SetTransform(node_id=self.node_id, transform=_transform(self))


@strawberry.input(description="Draw an asset's mesh at a node, with materialId or the mesh's "
                  "own materials (brought into the scene).")
class SceneMeshAttachInput:
    node_id: strawberry.ID
    mesh: MeshReferenceInput
    material_id: strawberry.ID | None = None

    def operation(self) -> ops.AttachMesh:
        return ops.AttachMesh(node_id=self.node_id, mesh=_mesh(self.mesh),
                              material_id=self.material_id)


@strawberry.input(description="Stop drawing a mesh at a node.")
class SceneMeshDetachInput:
    node_id: strawberry.ID

    def operation(self) -> ops.DetachMesh:
        return ops.DetachMesh(node_id=self.node_id)


@strawberry.input(description="Draw every primitive of the node's mesh with a material (null: "
                  "with each primitive's own).")
class SceneMaterialSetInput:
    node_id: strawberry.ID
    material_id: strawberry.ID | None

    def operation(self) -> ops.SetMaterial:
        return ops.SetMaterial(node_id=self.node_id, material_id=self.material_id)


@strawberry.input
class SceneNodeRenameInput:
    node_id: strawberry.ID
    name: str

    def operation(self) -> ops.RenameNode:
        return ops.RenameNode(node_id=self.node_id, name=self.name)


@strawberry.input(description="Material fields; those left out keep their value (on a new "
                  "material, glTF's default). A null texture removes it.")
class SceneMaterialInput:
    id: strawberry.ID | None = strawberry.UNSET
    name: str | None = strawberry.UNSET
    base_color_factor: list[float] | None = strawberry.UNSET
    base_color_texture: TextureReferenceInput | None = strawberry.UNSET
    metallic_factor: float | None = strawberry.UNSET
    roughness_factor: float | None = strawberry.UNSET
    metallic_roughness_texture: TextureReferenceInput | None = strawberry.UNSET
    normal_texture: TextureReferenceInput | None = strawberry.UNSET
    occlusion_texture: TextureReferenceInput | None = strawberry.UNSET
    emissive_factor: list[float] | None = strawberry.UNSET
    emissive_texture: TextureReferenceInput | None = strawberry.UNSET
    alpha_mode: AlphaMode | None = strawberry.UNSET
    alpha_cutoff: float | None = strawberry.UNSET
    double_sided: bool | None = strawberry.UNSET

    def operation(self) -> ops.AddMaterial:
        return ops.AddMaterial(fields=given(self))


@strawberry.input(description="Change the given fields of a material.")
class SceneMaterialEditInput:
    material_id: strawberry.ID
    set: SceneMaterialInput

    def operation(self) -> ops.EditMaterial:
        return ops.EditMaterial(material_id=self.material_id, fields=given(self.set))


@strawberry.input(description="A camera, placed at nodeId when given. Angles in radians.")
class SceneCameraInput:
    id: strawberry.ID | None = strawberry.UNSET
    name: str | None = strawberry.UNSET
    node_id: strawberry.ID | None = strawberry.UNSET
    type: CameraType | None = strawberry.UNSET
    yfov: float | None = strawberry.UNSET
    aspect_ratio: float | None = strawberry.UNSET
    xmag: float | None = strawberry.UNSET
    ymag: float | None = strawberry.UNSET
    znear: float | None = strawberry.UNSET
    zfar: float | None = strawberry.UNSET

    def operation(self) -> ops.AddCamera:
        fields = given(self)
        return ops.AddCamera(node_id=fields.pop("node_id", None), fields=fields)


@strawberry.input(description="A light, placed at nodeId when given. Angles in radians.")
class SceneLightInput:
    id: strawberry.ID | None = strawberry.UNSET
    name: str | None = strawberry.UNSET
    node_id: strawberry.ID | None = strawberry.UNSET
    type: LightType | None = strawberry.UNSET
    color: list[float] | None = strawberry.UNSET
    intensity: float | None = strawberry.UNSET
    range: float | None = strawberry.UNSET
    inner_cone_angle: float | None = strawberry.UNSET
    outer_cone_angle: float | None = strawberry.UNSET

    def operation(self) -> ops.AddLight:
        fields = given(self)
        return ops.AddLight(node_id=fields.pop("node_id", None), fields=fields)


@strawberry.input(one_of=True, description="Exactly one edit.")
class SceneOperationInput:
    add_node: SceneNodeAddInput | None = strawberry.UNSET
    remove_node: SceneNodeRemoveInput | None = strawberry.UNSET
    reparent_node: SceneNodeReparentInput | None = strawberry.UNSET
    set_transform: SceneTransformSetInput | None = strawberry.UNSET
    attach_mesh: SceneMeshAttachInput | None = strawberry.UNSET
    detach_mesh: SceneMeshDetachInput | None = strawberry.UNSET
    set_material: SceneMaterialSetInput | None = strawberry.UNSET
    rename_node: SceneNodeRenameInput | None = strawberry.UNSET
    add_material: SceneMaterialInput | None = strawberry.UNSET
    edit_material: SceneMaterialEditInput | None = strawberry.UNSET
    add_camera: SceneCameraInput | None = strawberry.UNSET
    add_light: SceneLightInput | None = strawberry.UNSET

    def operation(self) -> ops.Operation:
        # oneOf: GraphQL has checked that exactly one field is given.
        chosen = next(value for value in vars(self).values() if value)
        return chosen.operation()  # type: ignore[no-any-return]


@strawberry.input
class SceneCreateInput:
    name: str
    operations: list[SceneOperationInput] = strawberry.field(
        default_factory=list, description="Applied to the empty scene, in order")


@strawberry.input
class SceneUpdateInput:
    name: str | None = strawberry.field(default=None, description="Renames the scene")
    operations: list[SceneOperationInput] = strawberry.field(
        default_factory=list, description="Applied in order, all or nothing")
