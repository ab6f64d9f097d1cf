"""GraphQL inputs of scenes: sceneCreate and sceneUpdate take a list of operations, each a oneOf
input naming exactly one edit (app/resolvers/scene_inputs.py turns them into the service's
operations)."""

from __future__ import annotations

from typing import Any

import strawberry

from app.geometry.scene_graph import AlphaMode, CameraType, LightType
from app.schema.scene import CAMERA_FIELDS, LIGHT_FIELDS, MATERIAL_FIELDS


def _unset(fields: dict[str, str], name: str, more: str = "") -> Any:
    """A field left out unless given, described as its output twin is."""
    return strawberry.field(default=strawberry.UNSET, description=fields[name] + more)


def _edit(description: str) -> Any:
    return strawberry.field(default=strawberry.UNSET, description=description)


TRANSFORM_HELP = ("Translation, rotation (unit quaternion x, y, z, w) and scale, or a matrix "
                  "(16 numbers, column-major) instead of those")


VERSION_HELP = ("A READY version of the asset to pin (NOT_FOUND when it has none, INVALID_STATE "
                "when not READY); null: the latest, following the asset's current version")


@strawberry.input(description="A mesh of a READY asset's normalised GLB.")
class MeshReferenceInput:
    asset_id: strawberry.ID = strawberry.field(description="A READY asset of the viewer's")
    mesh_index: int = strawberry.field(default=0, description="The mesh's index in its GLB")
    asset_version: int | None = strawberry.field(default=None, description=VERSION_HELP)


@strawberry.input(description="A texture of a READY asset's normalised GLB.")
class TextureReferenceInput:
    asset_id: strawberry.ID = strawberry.field(description="A READY asset of the viewer's")
    texture_index: int = strawberry.field(description="The texture's index in its GLB")
    tex_coord: int = strawberry.field(default=0, description="The UV set (TEXCOORD_n) to map it")
    scale: float = strawberry.field(default=1.0, description="Normal scale, occlusion strength")
    asset_version: int | None = strawberry.field(default=None, description=VERSION_HELP)


@strawberry.input(description=f"A new node. {TRANSFORM_HELP}. `id` is yours to choose (so "
                  "later operations can name it) or the scene's.")
class SceneNodeAddInput:
    id: strawberry.ID | None = strawberry.field(default=None, description=(
        "Its id within the scene (letters, digits, _.:-, up to 64); null: the scene numbers one"))
    name: str = strawberry.field(default="", description="A label")
    parent_id: strawberry.ID | None = strawberry.field(default=None, description="Null: top")
    index: int | None = strawberry.field(default=None, description="Among siblings; null: last")
    translation: list[float] | None = strawberry.field(
        default=None, description="x, y, z from the parent; null: 0, 0, 0")
    rotation: list[float] | None = strawberry.field(
        default=None, description="Unit quaternion x, y, z, w; null: none")
    scale: list[float] | None = strawberry.field(
        default=None, description="x, y, z; null: 1, 1, 1")
    matrix: list[float] | None = strawberry.field(
        default=None, description="16 numbers, column-major, instead of translation, "
        "rotation and scale")
    mesh: MeshReferenceInput | None = strawberry.field(
        default=None, description="An asset's mesh for the node to draw")
    material_id: strawberry.ID | None = strawberry.field(
        default=None, description="A material of the scene drawn on the whole mesh; null: "
        "the mesh's own")
    camera_id: strawberry.ID | None = strawberry.field(
        default=None, description="A camera of the scene the node carries")
    light_id: strawberry.ID | None = strawberry.field(
        default=None, description="A light of the scene the node carries")


NODE_ID = "The node (its localId, or its global id on sceneUpdate)"


@strawberry.input(description="Remove a node and everything under it.")
class SceneNodeRemoveInput:
    node_id: strawberry.ID = strawberry.field(description=NODE_ID)


@strawberry.input(description="Move a node under parentId (null: top level) at index (null: "
                  "last); a node cannot move under itself or its descendants.")
class SceneNodeReparentInput:
    node_id: strawberry.ID = strawberry.field(description=NODE_ID)
    parent_id: strawberry.ID | None = strawberry.field(
        default=None, description="The new parent node; null: the top level")
    index: int | None = strawberry.field(
        default=None, description="Its place among the new siblings; null: last")


@strawberry.input(description=f"{TRANSFORM_HELP}. Sets the parts given; a matrix replaces all.")
class SceneTransformSetInput:
    node_id: strawberry.ID = strawberry.field(description=NODE_ID)
    translation: list[float] | None = strawberry.field(
        default=None, description="x, y, z from the parent; null: unchanged")
    rotation: list[float] | None = strawberry.field(
        default=None, description="Unit quaternion x, y, z, w; null: unchanged")
    scale: list[float] | None = strawberry.field(
        default=None, description="x, y, z; null: unchanged")
    matrix: list[float] | None = strawberry.field(
        default=None, description="16 numbers, column-major, replacing the whole transform")


@strawberry.input(description="Draw an asset's mesh at a node, with materialId or the mesh's "
                  "own materials (brought into the scene).")
class SceneMeshAttachInput:
    node_id: strawberry.ID = strawberry.field(description=NODE_ID)
    mesh: MeshReferenceInput = strawberry.field(description="The asset's mesh to draw")
    material_id: strawberry.ID | None = strawberry.field(
        default=None, description="A material of the scene for the whole mesh; null: the "
        "mesh's own")


@strawberry.input(description="Stop drawing a mesh at a node.")
class SceneMeshDetachInput:
    node_id: strawberry.ID = strawberry.field(description=NODE_ID)


@strawberry.input(description="Draw every primitive of the node's mesh with a material (null: "
                  "with each primitive's own).")
class SceneMaterialSetInput:
    node_id: strawberry.ID = strawberry.field(description=NODE_ID)
    material_id: strawberry.ID | None = strawberry.field(
        description="A material of the scene; null: each primitive's own")


@strawberry.input(description="Rename a node.")
class SceneNodeRenameInput:
    node_id: strawberry.ID = strawberry.field(description=NODE_ID)
    name: str = strawberry.field(description="The new name")


@strawberry.input(description="Material fields; those left out keep their value (on a new "
                  "material, glTF's default). A null texture removes it.")
class SceneMaterialInput:
    id: strawberry.ID | None = _unset(MATERIAL_FIELDS, "id", " (a new material's: null: numbered)")
    name: str | None = _unset(MATERIAL_FIELDS, "name")
    base_color_factor: list[float] | None = _unset(MATERIAL_FIELDS, "base_color_factor")
    base_color_texture: TextureReferenceInput | None = _unset(MATERIAL_FIELDS,
                                                              "base_color_texture")
    metallic_factor: float | None = _unset(MATERIAL_FIELDS, "metallic_factor")
    roughness_factor: float | None = _unset(MATERIAL_FIELDS, "roughness_factor")
    metallic_roughness_texture: TextureReferenceInput | None = _unset(
        MATERIAL_FIELDS, "metallic_roughness_texture")
    normal_texture: TextureReferenceInput | None = _unset(MATERIAL_FIELDS, "normal_texture")
    occlusion_texture: TextureReferenceInput | None = _unset(MATERIAL_FIELDS,
                                                             "occlusion_texture")
    emissive_factor: list[float] | None = _unset(MATERIAL_FIELDS, "emissive_factor")
    emissive_texture: TextureReferenceInput | None = _unset(MATERIAL_FIELDS, "emissive_texture")
    alpha_mode: AlphaMode | None = _unset(MATERIAL_FIELDS, "alpha_mode")
    alpha_cutoff: float | None = _unset(MATERIAL_FIELDS, "alpha_cutoff")
    double_sided: bool | None = _unset(MATERIAL_FIELDS, "double_sided")


@strawberry.input(description="Change the given fields of a material.")
class SceneMaterialEditInput:
    material_id: strawberry.ID = strawberry.field(description="The material's id in the scene")
    set: SceneMaterialInput = strawberry.field(description="The fields to change")


@strawberry.input(description="A camera, placed at nodeId when given. Angles in radians.")
class SceneCameraInput:
    id: strawberry.ID | None = _unset(CAMERA_FIELDS, "id", " (null: numbered)")
    name: str | None = _unset(CAMERA_FIELDS, "name")
    node_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="The node to carry it (its localId); left out: "
        "none yet")
    type: CameraType | None = _unset(CAMERA_FIELDS, "type", " (default PERSPECTIVE)")
    yfov: float | None = _unset(CAMERA_FIELDS, "yfov")
    aspect_ratio: float | None = _unset(CAMERA_FIELDS, "aspect_ratio")
    xmag: float | None = _unset(CAMERA_FIELDS, "xmag")
    ymag: float | None = _unset(CAMERA_FIELDS, "ymag")
    znear: float | None = _unset(CAMERA_FIELDS, "znear", " (default 0.01)")
    zfar: float | None = _unset(CAMERA_FIELDS, "zfar")


@strawberry.input(description="A light, placed at nodeId when given. Angles in radians.")
class SceneLightInput:
    id: strawberry.ID | None = _unset(LIGHT_FIELDS, "id", " (null: numbered)")
    name: str | None = _unset(LIGHT_FIELDS, "name")
    node_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="The node to carry it (its localId); left out: "
        "none yet")
    type: LightType | None = _unset(LIGHT_FIELDS, "type", " (default POINT)")
    color: list[float] | None = _unset(LIGHT_FIELDS, "color", " (default white)")
    intensity: float | None = _unset(LIGHT_FIELDS, "intensity", " (default 1)")
    range: float | None = _unset(LIGHT_FIELDS, "range")
    inner_cone_angle: float | None = _unset(LIGHT_FIELDS, "inner_cone_angle", " (default 0)")
    outer_cone_angle: float | None = _unset(LIGHT_FIELDS, "outer_cone_angle",
                                            " (default pi/4)")


@strawberry.input(one_of=True, description="Exactly one edit.")
class SceneOperationInput:
    add_node: SceneNodeAddInput | None = _edit("Add a node")
    remove_node: SceneNodeRemoveInput | None = _edit("Remove a node and its subtree")
    reparent_node: SceneNodeReparentInput | None = _edit("Move a node")
    set_transform: SceneTransformSetInput | None = _edit("Change a node's local transform")
    attach_mesh: SceneMeshAttachInput | None = _edit("Draw an asset's mesh at a node")
    detach_mesh: SceneMeshDetachInput | None = _edit("Stop drawing a node's mesh")
    set_material: SceneMaterialSetInput | None = _edit("Set or clear a node's material")
    rename_node: SceneNodeRenameInput | None = _edit("Rename a node")
    add_material: SceneMaterialInput | None = _edit("Add a material")
    edit_material: SceneMaterialEditInput | None = _edit("Change a material's fields")
    add_camera: SceneCameraInput | None = _edit("Add a camera")
    add_light: SceneLightInput | None = _edit("Add a light")


@strawberry.input(description="A new scene: its name and the operations that build it.")
class SceneCreateInput:
    name: str = strawberry.field(description="Its display name (1 to 200 characters)")
    operations: list[SceneOperationInput] = strawberry.field(
        default_factory=list, description="Applied to the empty scene, in order")


@strawberry.input(description="An update of a scene, applied all or nothing: a new name, "
                  "operations, or both.")
class SceneUpdateInput:
    name: str | None = strawberry.field(default=None, description="Renames the scene")
    operations: list[SceneOperationInput] = strawberry.field(
        default_factory=list, description="Applied in order, all or nothing")
