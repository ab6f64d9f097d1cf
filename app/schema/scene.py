"""GraphQL types of scenes: a scene's, node's and reference's own fields, cameras, lights and
changes, the payload and live event (inputs are in scene_inputs.py). Materials, nodes and the
fields reading the graph or the assets it names are completed in app/resolvers/scene_types.py.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.scalars import JSON

from app.geometry.scene_graph import AlphaMode, CameraType, LightType
from app.schema.common import Bounds, UserError
from app.schema.enums import described, described_enum
from app.schema.node import Node

if TYPE_CHECKING:
    from app.resolvers.scene_types import Scene

# The graph's own enums reach clients as they are.
described_enum(AlphaMode, description="How a material's alpha is used (glTF alphaMode).", values={
    "OPAQUE": "Alpha is ignored: the surface is fully opaque.",
    "MASK": "Drawn where alpha is at least alphaCutoff, not at all elsewhere.",
    "BLEND": "Blended over what is behind by its alpha.",
})
described_enum(CameraType, description="A camera's projection.", values={
    "PERSPECTIVE": "Perspective, by yfov (and aspectRatio).",
    "ORTHOGRAPHIC": "Orthographic, by xmag and ymag.",
})
described_enum(LightType, description="A KHR_lights_punctual light's kind.", values={
    "DIRECTIONAL": "Parallel rays along the node's -Z, like the sun; intensity in lux.",
    "POINT": "From the node's origin in every direction; intensity in candela.",
    "SPOT": "From the node's origin in a cone along its -Z; intensity in candela.",
})

# What the fields of materials, cameras and lights mean, read or written alike.
MATERIAL_FIELDS = {
    "id": "Its id within the scene",
    "name": "A label; may be empty",
    "base_color_factor": "Linear red, green, blue, alpha, each 0..1 (multiplies the texture)",
    "base_color_texture": "The base colour texture (sRGB); null: none",
    "metallic_factor": "0 (dielectric) to 1 (metal); multiplies the texture's blue channel",
    "roughness_factor": "0 (smooth) to 1 (rough); multiplies the texture's green channel",
    "metallic_roughness_texture": "Metalness in blue, roughness in green; null: none",
    "normal_texture": "A tangent-space normal map; null: none",
    "occlusion_texture": "Ambient occlusion in the red channel; null: none",
    "emissive_factor": "Linear red, green, blue light emitted, each 0..1",
    "emissive_texture": "The emitted colour texture (sRGB); null: none",
    "alpha_mode": "How alpha is used",
    "alpha_cutoff": "With MASK, the alpha below which nothing is drawn",
    "double_sided": "Whether back faces are drawn (and lit) too",
}
CAMERA_FIELDS = {
    "id": "Its id within the scene",
    "name": "A label; may be empty",
    "type": "Its projection",
    "yfov": "PERSPECTIVE: the vertical field of view, in radians",
    "aspect_ratio": "PERSPECTIVE: width over height; null: the viewport's",
    "xmag": "ORTHOGRAPHIC: half the view's width, in scene units",
    "ymag": "ORTHOGRAPHIC: half the view's height, in scene units",
    "znear": "The near clipping distance, in scene units",
    "zfar": "The far clipping distance, in scene units; null: infinite (PERSPECTIVE only)",
}
LIGHT_FIELDS = {
    "id": "Its id within the scene",
    "name": "A label; may be empty",
    "type": "Its kind",
    "color": "Linear red, green, blue, each 0..1",
    "intensity": "Brightness: candela for POINT and SPOT, lux for DIRECTIONAL",
    "range": "Distance past which it lights nothing, in scene units; null: unlimited",
    "inner_cone_angle": "SPOT: angle from the axis where the fall-off begins, in radians",
    "outer_cone_angle": "SPOT: angle from the axis where the light ends, in radians",
}
# The payload and event hold the full Scene, whose graph fields live in app/resolvers.
SceneRef = Annotated["Scene", strawberry.lazy("app.resolvers.scene_types")]


@described(description="What one part of a scene update did; targetId names the thing.", values={
    "SCENE_RENAMED": "The scene was renamed.",
    "NODE_ADDED": "A node was added.",
    "NODE_REMOVED": "A node was removed, with everything under it.",
    "NODE_REPARENTED": "A node moved under another parent or to another place among its siblings.",
    "NODE_RENAMED": "A node was renamed.",
    "TRANSFORM_SET": "A node's local transform changed.",
    "MESH_ATTACHED": "A node now draws an asset's mesh.",
    "MESH_DETACHED": "A node no longer draws a mesh.",
    "MATERIAL_SET": "A node's material override was set or cleared.",
    "MATERIAL_ADDED": "A material was added.",
    "MATERIAL_EDITED": "A material's fields changed.",
    "CAMERA_ADDED": "A camera was added.",
    "LIGHT_ADDED": "A light was added.",
    "ASSET_VERSION_CHANGED": "A node's mesh or a material's texture follows its asset as latest, "
                             "and the asset has a new current version: it draws that one now.",
})
class SceneChangeKind(Enum):
    SCENE_RENAMED = "SCENE_RENAMED"
    NODE_ADDED = "NODE_ADDED"
    NODE_REMOVED = "NODE_REMOVED"
    NODE_REPARENTED = "NODE_REPARENTED"
    NODE_RENAMED = "NODE_RENAMED"
    TRANSFORM_SET = "TRANSFORM_SET"
    MESH_ATTACHED = "MESH_ATTACHED"
    MESH_DETACHED = "MESH_DETACHED"
    MATERIAL_SET = "MATERIAL_SET"
    MATERIAL_ADDED = "MATERIAL_ADDED"
    MATERIAL_EDITED = "MATERIAL_EDITED"
    CAMERA_ADDED = "CAMERA_ADDED"
    LIGHT_ADDED = "LIGHT_ADDED"
    ASSET_VERSION_CHANGED = "ASSET_VERSION_CHANGED"


ASSET_VERSION_HELP = ("The version of the asset it is pinned to; null: the latest, following "
                      "the asset's current version")
DRAWN_VERSION_HELP = ("The version of the asset it draws at the scene's version: the pinned one, "
                      "or the current one it followed last; null for a scene stored before "
                      "versions, which draws the asset's current one")


@strawberry.type
class MeshReferenceFields:
    """A mesh reference's own fields; its `asset` is resolved in app/resolvers."""

    mesh_index: int = strawberry.field(description="The mesh's index in the asset's GLB.")
    asset_version: int | None = strawberry.field(description=ASSET_VERSION_HELP)
    drawn_version: int | None = strawberry.field(description=DRAWN_VERSION_HELP)
    asset_id: strawberry.Private[str]


@strawberry.type
class TextureReferenceFields:
    """A texture reference's own fields; its `asset` is resolved in app/resolvers."""

    texture_index: int = strawberry.field(description="The texture's index in the asset's GLB.")
    tex_coord: int = strawberry.field(description=(
        "Which UV set (TEXCOORD_n) of the mesh maps it."))
    scale: float = strawberry.field(description="A normal map's scale, an occlusion map's "
                                    "strength")
    asset_version: int | None = strawberry.field(description=ASSET_VERSION_HELP)
    drawn_version: int | None = strawberry.field(description=DRAWN_VERSION_HELP)
    asset_id: strawberry.Private[str]


@strawberry.type(description="A camera; yfov and aspectRatio are a perspective camera's, xmag "
                 "and ymag an orthographic one's. Angles in radians.")
class SceneCamera:
    id: strawberry.ID = strawberry.field(description=CAMERA_FIELDS["id"])
    name: str = strawberry.field(description=CAMERA_FIELDS["name"])
    type: CameraType = strawberry.field(description=CAMERA_FIELDS["type"])
    yfov: float | None = strawberry.field(description=CAMERA_FIELDS["yfov"])
    aspect_ratio: float | None = strawberry.field(description=CAMERA_FIELDS["aspect_ratio"])
    xmag: float | None = strawberry.field(description=CAMERA_FIELDS["xmag"])
    ymag: float | None = strawberry.field(description=CAMERA_FIELDS["ymag"])
    znear: float = strawberry.field(description=CAMERA_FIELDS["znear"])
    zfar: float | None = strawberry.field(description=CAMERA_FIELDS["zfar"])


@strawberry.type(description="A KHR_lights_punctual light; cone angles (radians) are a spot's.")
class SceneLight:
    id: strawberry.ID = strawberry.field(description=LIGHT_FIELDS["id"])
    name: str = strawberry.field(description=LIGHT_FIELDS["name"])
    type: LightType = strawberry.field(description=LIGHT_FIELDS["type"])
    color: list[float] = strawberry.field(description=LIGHT_FIELDS["color"])
    intensity: float = strawberry.field(description=LIGHT_FIELDS["intensity"])
    range: float | None = strawberry.field(description=LIGHT_FIELDS["range"])
    inner_cone_angle: float = strawberry.field(description=LIGHT_FIELDS["inner_cone_angle"])
    outer_cone_angle: float = strawberry.field(description=LIGHT_FIELDS["outer_cone_angle"])


@strawberry.type
class SceneNodeFields(Node):
    """A node's own transform fields; what it holds and its relatives are resolved in
    app/resolvers/scene_types.py."""

    local_id: strawberry.ID = strawberry.field(description=(
        "The node's id within its scene: what sceneUpdate operations, Scene.node(id:) and "
        "SceneChange.targetId name it by (they take its global id too)."))
    name: str = strawberry.field(description="A label; may be empty, need not be unique.")
    translation: list[float] = strawberry.field(description=(
        "x, y, z offset from the parent, in scene units."))
    rotation: list[float] = strawberry.field(description=(
        "Rotation relative to the parent, a unit quaternion x, y, z, w."))
    scale: list[float] = strawberry.field(description="x, y, z scale relative to the parent.")
    properties: JSON = strawberry.field(description=(
        "What the asset's file says about the node, as a JSON object: its glTF node's extras, "
        "such as an IFC element's {ifcClass, globalId, name, psets: {set: {property: value}}}; "
        "{} when none. Keys that are empty, start with '$' or hold '.' are left out. Kept "
        "through edits, and written back as extras by exports."))


@strawberry.type
class SceneFields(Node):
    """A scene's own fields; its graph (nodes, materials, cameras, lights) is resolved in
    app/resolvers/scene_types.py."""

    name: str = strawberry.field(description="Its display name.")
    version: int = strawberry.field(description="Rises by one with every accepted update")
    node_count: int = strawberry.field(description="How many nodes it has, at every depth.")
    bounds: Bounds | None = strawberry.field(description="World-space box of every mesh")
    created_at: datetime = strawberry.field(description="When it was created.")
    updated_at: datetime = strawberry.field(description="When it last changed.")


@strawberry.type(description="One thing an update changed.")
class SceneChange:
    kind: SceneChangeKind = strawberry.field(description="What changed.")
    target_id: strawberry.ID | None = strawberry.field(
        description="The id within the scene of the node, material, camera or light changed "
        "(a node's localId); null for SCENE_RENAMED")


@strawberry.type(description="An accepted update: its version, what it changed, and the scene "
                 "as read just after (at this version, or a later one under a burst of "
                 "updates). `changes` is empty when the update is too old to be listed.")
class SceneEvent:
    version: int = strawberry.field(description=(
        "The version the update made; give it as afterVersion to resume after it."))
    changes: list[SceneChange] = strawberry.field(description="What the update changed, in order.")
    scene: SceneRef = strawberry.field(description="The scene as read just after the update.")


@strawberry.type(description="The result of a scene mutation.")
class ScenePayload:
    scene: SceneRef | None = strawberry.field(default=None, description=(
        "The scene as the mutation left it; null on error."))
    errors: list[UserError] = strawberry.field(default_factory=list, description=(
        "Why nothing was changed; empty on success."))


@strawberry.type(description="The result of sceneDelete.")
class SceneDeletePayload:
    deleted_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "The id of the scene moved to the trash (sceneRestore brings it back); null on error."))
    errors: list[UserError] = strawberry.field(default_factory=list, description=(
        "Why nothing was deleted; empty on success."))
