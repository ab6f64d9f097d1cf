"""GraphQL inputs of scenes: sceneCreate and sceneUpdate take a list of operations, each a oneOf
input naming exactly one edit (app/resolvers/scene_inputs.py turns them into the service's
operations)."""

from __future__ import annotations

import strawberry

from app.geometry.scene_graph import AlphaMode, CameraType, LightType

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


@strawberry.input(description="Remove a node and everything under it.")
class SceneNodeRemoveInput:
    node_id: strawberry.ID


@strawberry.input(description="Move a node under parentId (null: top level) at index (null: "
                  "last); a node cannot move under itself or its descendants.")
class SceneNodeReparentInput:
    node_id: strawberry.ID
    parent_id: strawberry.ID | None = None
    index: int | None = None


@strawberry.input(description=f"{TRANSFORM_HELP}. Sets the parts given; a matrix replaces all.")
class SceneTransformSetInput:
    node_id: strawberry.ID
    translation: list[float] | None = None
    rotation: list[float] | None = None
    scale: list[float] | None = None
    matrix: list[float] | None = None


@strawberry.input(description="Draw an asset's mesh at a node, with materialId or the mesh's "
                  "own materials (brought into the scene).")
class SceneMeshAttachInput:
    node_id: strawberry.ID
    mesh: MeshReferenceInput
    material_id: strawberry.ID | None = None


@strawberry.input(description="Stop drawing a mesh at a node.")
class SceneMeshDetachInput:
    node_id: strawberry.ID


@strawberry.input(description="Draw every primitive of the node's mesh with a material (null: "
                  "with each primitive's own).")
class SceneMaterialSetInput:
    node_id: strawberry.ID
    material_id: strawberry.ID | None


@strawberry.input
class SceneNodeRenameInput:
    node_id: strawberry.ID
    name: str


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


@strawberry.input(description="Change the given fields of a material.")
class SceneMaterialEditInput:
    material_id: strawberry.ID
    set: SceneMaterialInput


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
