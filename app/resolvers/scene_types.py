"""The Scene type and everything under it: nodes, materials, mesh and texture references.

A Scene's nodes live in its document, so everything below `Scene` is resolved in memory from
one index of the graph per scene per request. A scene from a list has no graph yet: it loads
through the SceneByIdLoader on first use. When a query asks for the assets that meshes or
textures name, the scene loads them all at once (AssetByIdLoader, one batch per 100) before
its nodes resolve, so no node awaits alone.
"""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.scalars import JSON

from app.context import Context
from app.geometry import scene_graph as graph
from app.geometry.scene_graph import AlphaMode
from app.geometry.scene_transforms import column_major, local_matrix, node_trs
from app.models import scene as models
from app.resolvers import mapping
from app.resolvers.asset_types import Asset
from app.resolvers.pages import After, Before, First, Last
from app.resolvers.scene_node_ids import global_node_id, local_node_id
from app.resolvers.selections import selects
from app.schema.common import Connection, Edge, PageInfo
from app.schema.scene import (
    MATERIAL_FIELDS,
    MeshReferenceFields,
    SceneCamera,
    SceneEvent,
    SceneFields,
    SceneLight,
    SceneNodeFields,
    TextureReferenceFields,
)
from app.services.pagination import encode_cursor, key_window

Info = strawberry.Info[Context, None]


class AssetsSeen:
    """The assets a scene names, as the viewer may see them; filled before nodes resolve."""

    def __init__(self) -> None:
        self.loaded: dict[str, Asset | None] = {}

    async def load(self, info: Info, asset_ids: set[str]) -> None:
        wanted = sorted(asset_ids - self.loaded.keys())
        found = await info.context.loaders.asset_by_id.load_many(wanted)
        viewer = info.context.viewer
        self.loaded.update((asset_id, Asset.from_model(asset) if asset is not None and
                            viewer.projects.can_read(asset.project_id) else None)
                           for asset_id, asset in zip(wanted, found, strict=True))


@strawberry.type(description="A mesh of an asset's normalised GLB.")
class MeshReference(MeshReferenceFields):
    assets: strawberry.Private[AssetsSeen]

    @strawberry.field(description="Null once the asset is deleted or out of the viewer's sight.")
    def asset(self) -> Asset | None:
        return self.assets.loaded.get(self.asset_id)


@strawberry.type(description="A texture of an asset's normalised GLB.")
class TextureReference(TextureReferenceFields):
    assets: strawberry.Private[AssetsSeen]

    @strawberry.field(description="Null once the asset is deleted or out of the viewer's sight.")
    def asset(self) -> Asset | None:
        return self.assets.loaded.get(self.asset_id)


def texture_reference(ref: graph.TextureRef | None, assets: AssetsSeen,
                      scene_graph: graph.SceneGraph) -> TextureReference | None:
    return None if ref is None else TextureReference(
        texture_index=ref.texture_index, tex_coord=ref.tex_coord, scale=ref.scale,
        asset_version=ref.asset_version, drawn_version=scene_graph.drawn_version(ref),
        asset_id=ref.asset_id, assets=assets)


@strawberry.type(description="A glTF PBR metallic-roughness material.")
class SceneMaterial:
    id: strawberry.ID = strawberry.field(description=MATERIAL_FIELDS["id"])
    name: str = strawberry.field(description=MATERIAL_FIELDS["name"])
    base_color_factor: list[float] = strawberry.field(
        description=MATERIAL_FIELDS["base_color_factor"])
    base_color_texture: TextureReference | None = strawberry.field(
        description=MATERIAL_FIELDS["base_color_texture"])
    metallic_factor: float = strawberry.field(description=MATERIAL_FIELDS["metallic_factor"])
    roughness_factor: float = strawberry.field(description=MATERIAL_FIELDS["roughness_factor"])
    metallic_roughness_texture: TextureReference | None = strawberry.field(
        description=MATERIAL_FIELDS["metallic_roughness_texture"])
    normal_texture: TextureReference | None = strawberry.field(
        description=MATERIAL_FIELDS["normal_texture"])
    occlusion_texture: TextureReference | None = strawberry.field(
        description=MATERIAL_FIELDS["occlusion_texture"])
    emissive_factor: list[float] = strawberry.field(
        description=MATERIAL_FIELDS["emissive_factor"])
    emissive_texture: TextureReference | None = strawberry.field(
        description=MATERIAL_FIELDS["emissive_texture"])
    alpha_mode: AlphaMode = strawberry.field(description=MATERIAL_FIELDS["alpha_mode"])
    alpha_cutoff: float = strawberry.field(description=MATERIAL_FIELDS["alpha_cutoff"])
    double_sided: bool = strawberry.field(description=MATERIAL_FIELDS["double_sided"])
    source_material_index: int | None = strawberry.field(
        description="The asset material this one stands for, when it came from an asset")


def scene_material(m: graph.Material, assets: AssetsSeen, scene_graph: graph.SceneGraph
                   ) -> SceneMaterial:
    def texture(ref: graph.TextureRef | None) -> TextureReference | None:
        return texture_reference(ref, assets, scene_graph)

    return SceneMaterial(
        id=strawberry.ID(m.id), name=m.name, base_color_factor=list(m.base_color_factor),
        base_color_texture=texture(m.base_color_texture),
        metallic_factor=m.metallic_factor, roughness_factor=m.roughness_factor,
        metallic_roughness_texture=texture(m.metallic_roughness_texture),
        normal_texture=texture(m.normal_texture),
        occlusion_texture=texture(m.occlusion_texture),
        emissive_factor=list(m.emissive_factor),
        emissive_texture=texture(m.emissive_texture), alpha_mode=m.alpha_mode,
        alpha_cutoff=m.alpha_cutoff, double_sided=m.double_sided,
        source_material_index=m.source.material_index if m.source else None)


class SceneView:
    """One scene's graph indexed for resolving: built once per scene per request."""

    def __init__(self, scene_id: str, scene_graph: graph.SceneGraph) -> None:
        self.scene_id = scene_id
        self.graph = scene_graph
        self.by_id = {node.id: node for node in scene_graph.nodes}
        self.parents = {child: node.id for node in scene_graph.nodes for child in node.children}
        self.assets = AssetsSeen()
        self.materials = {m.id: scene_material(m, self.assets, scene_graph)
                          for m in scene_graph.materials}
        self.cameras = {c.id: mapping.scene_camera(c) for c in scene_graph.cameras}
        self.lights = {light.id: mapping.scene_light(light) for light in scene_graph.lights}
        self._nodes: dict[str, SceneNode] = {}

    def node(self, node_id: str) -> SceneNode:
        found = self._nodes.get(node_id)
        if found is None:
            found = self._nodes[node_id] = scene_node(self.by_id[node_id], self)
        return found


@strawberry.type(description="A node: a local transform (translation, rotation as a unit "
                 "quaternion x, y, z, w, scale; or the same as a column-major matrix), its "
                 "children, and what it holds.")
class SceneNode(SceneNodeFields):
    mesh: MeshReference | None = strawberry.field(
        description="The asset mesh it draws; null: none")
    material: SceneMaterial | None = strawberry.field(
        description="Drawn on every primitive of the mesh; null: each primitive's own")
    camera: SceneCamera | None = strawberry.field(description="The camera it carries; null: none")
    light: SceneLight | None = strawberry.field(description="The light it carries; null: none")
    node: strawberry.Private[graph.Node]
    view: strawberry.Private[SceneView]

    @strawberry.field(description="The local transform as 16 numbers, column-major.")
    def matrix(self) -> list[float]:
        return list(self.node.matrix or column_major(local_matrix(self.node)))

    @strawberry.field(description="Its child nodes, in order.")
    def children(self) -> list[SceneNode]:
        return [self.view.node(child) for child in self.node.children]

    @strawberry.field(description="The node it hangs under; null at the top level.")
    def parent(self) -> SceneNode | None:
        parent = self.view.parents.get(self.node.id)
        return None if parent is None else self.view.node(parent)


def scene_node(node: graph.Node, view: SceneView) -> SceneNode:
    mesh = node.mesh
    translation, rotation, scale = node_trs(node)
    return SceneNode(
        id=strawberry.ID(global_node_id(view.scene_id, node.id)),
        local_id=strawberry.ID(node.id), name=node.name, translation=list(translation),
        rotation=list(rotation), scale=list(scale), properties=JSON(node.properties),
        mesh=MeshReference(mesh_index=mesh.mesh_index, asset_version=mesh.asset_version,
                           drawn_version=view.graph.drawn_version(mesh),
                           asset_id=mesh.asset_id, assets=view.assets) if mesh else None,
        material=view.materials.get(node.material) if node.material else None,
        camera=view.cameras.get(node.camera) if node.camera else None,
        light=view.lights.get(node.light) if node.light else None, node=node, view=view)


SceneNodeConnection = Connection[SceneNode]


@strawberry.type(description="A typed, versioned scene graph of an owner.")
class Scene(SceneFields):
    stored_graph: strawberry.Private[graph.SceneGraph | None]
    view: strawberry.Private[SceneView | None] = None

    @classmethod
    def from_model(cls, scene: models.Scene | models.SceneSummary) -> Scene:
        """A full scene carries its graph; a summary from a list loads it when asked."""
        return cls(id=strawberry.ID(scene.id), name=scene.name, version=scene.version,
                   node_count=scene.node_count, bounds=mapping.bounds(scene.bounds),
                   created_at=scene.created_at, updated_at=scene.updated_at,
                   stored_graph=scene.graph if isinstance(scene, models.Scene) else None)

    async def indexed(self, info: Info) -> SceneView:
        """The graph (loaded on first use when this scene came from a list), with every asset
        it names loaded when the field being resolved asks for assets."""
        if self.view is None:
            scene_graph = self.stored_graph
            if scene_graph is None:
                stored = await info.context.loaders.scene_by_id.load(str(self.id))
                scene_graph = stored.graph if stored else graph.SceneGraph()
            self.view = SceneView(str(self.id), scene_graph)
        if selects(info.selected_fields, "asset"):
            await self.view.assets.load(info, self.view.graph.asset_ids())
        return self.view

    @strawberry.field(description="The top-level nodes, in order.")
    async def root_nodes(self, info: Info) -> list[SceneNode]:
        view = await self.indexed(info)
        return [view.node(root) for root in view.graph.roots]

    @strawberry.field(description="Every node, in scene order; all of them when neither "
                      "`first` nor `last` is given (each at most ATELIER_MAX_SCENE_NODES).")
    async def nodes(self, info: Info, first: First = None, after: After = None,
                    last: Last = None, before: Before = None) -> SceneNodeConnection:
        view = await self.indexed(info)
        ids = list(view.by_id)
        window = key_window(ids, first=first, after=after, last=last, before=before,
                            cap=info.context.services.settings.max_scene_nodes)
        edges = [Edge(cursor=encode_cursor(i), node=view.node(i))
                 for i in ids[window.start:window.stop]]

        async def count() -> int:
            return len(ids)

        return Connection(edges=edges, count=count, page_info=PageInfo(
            has_next_page=window.has_next_page, has_previous_page=window.has_previous_page,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None))

    @strawberry.field(description="The node with this id (its localId or its global id), or "
                      "null when the scene has none.")
    async def node(self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(
            description="The node's localId, or its global id")]) -> SceneNode | None:
        view = await self.indexed(info)
        local_id = local_node_id(str(self.id), id)
        return view.node(local_id) if local_id in view.by_id else None

    @strawberry.field(description="Every material of the scene, nodes' or not, in order.")
    async def materials(self, info: Info) -> list[SceneMaterial]:
        return list((await self.indexed(info)).materials.values())

    @strawberry.field(description="Every camera of the scene, in order.")
    async def cameras(self, info: Info) -> list[SceneCamera]:
        return list((await self.indexed(info)).cameras.values())

    @strawberry.field(description="Every light of the scene, in order.")
    async def lights(self, info: Info) -> list[SceneLight]:
        return list((await self.indexed(info)).lights.values())


SceneConnection = Connection[Scene]


def scene_event(revision: models.SceneRevision, scene: models.Scene) -> SceneEvent:
    return SceneEvent(version=revision.version, scene=Scene.from_model(scene),
                      changes=mapping.scene_changes(revision))
