"""GraphQL types of scenes: a scene's, node's and reference's own fields, cameras, lights and
changes, the payload and live event (inputs are in scene_inputs.py). Materials, nodes and the
fields reading the graph or the assets it names are completed in app/resolvers/scene_types.py.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from app.geometry.scene_graph import AlphaMode, CameraType, LightType
from app.schema.common import Bounds, UserError

if TYPE_CHECKING:
    from app.resolvers.scene_types import Scene

# The graph's own enums reach clients as they are.
for graph_enum in (AlphaMode, CameraType, LightType):
    strawberry.enum(graph_enum)
# The payload and event hold the full Scene, whose graph fields live in app/resolvers.
SceneRef = Annotated["Scene", strawberry.lazy("app.resolvers.scene_types")]


@strawberry.enum
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


@strawberry.type
class MeshReferenceFields:
    """A mesh reference's own fields; its `asset` is resolved in app/resolvers."""

    mesh_index: int
    asset_id: strawberry.Private[str]


@strawberry.type
class TextureReferenceFields:
    """A texture reference's own fields; its `asset` is resolved in app/resolvers."""

    texture_index: int
    tex_coord: int
    scale: float = strawberry.field(description="A normal map's scale, an occlusion map's "
                                    "strength")
    asset_id: strawberry.Private[str]


@strawberry.type(description="A camera; yfov and aspectRatio are a perspective camera's, xmag "
                 "and ymag an orthographic one's. Angles in radians.")
class SceneCamera:
    id: strawberry.ID
    name: str
    type: CameraType
    yfov: float | None
    aspect_ratio: float | None
    xmag: float | None
    ymag: float | None
    znear: float
    zfar: float | None


@strawberry.type(description="A KHR_lights_punctual light; cone angles (radians) are a spot's.")
class SceneLight:
    id: strawberry.ID
    name: str
    type: LightType
    color: list[float]
    intensity: float
    range: float | None
    inner_cone_angle: float
    outer_cone_angle: float


@strawberry.type
class SceneNodeFields:
    """A node's own transform fields; what it holds and its relatives are resolved in
    app/resolvers/scene_types.py."""

    id: strawberry.ID
    name: str
    translation: list[float]
    rotation: list[float]
    scale: list[float]


@strawberry.type
class SceneFields:
    """A scene's own fields; its graph (nodes, materials, cameras, lights) is resolved in
    app/resolvers/scene_types.py."""

    id: strawberry.ID
    name: str
    version: int = strawberry.field(description="Rises by one with every accepted update")
    node_count: int
    bounds: Bounds | None = strawberry.field(description="World-space box of every mesh")
    created_at: datetime
    updated_at: datetime


@strawberry.type(description="One thing an update changed.")
class SceneChange:
    kind: SceneChangeKind
    target_id: strawberry.ID | None = strawberry.field(
        description="The node, material, camera or light")


@strawberry.type(description="An accepted update: its version, what it changed, and the scene "
                 "as read just after (at this version, or a later one under a burst of "
                 "updates). `changes` is empty when the update is too old to be listed.")
class SceneEvent:
    version: int
    changes: list[SceneChange]
    scene: SceneRef


@strawberry.type
class ScenePayload:
    scene: SceneRef | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)
