"""Apply a list of operations to a scene graph, all or nothing.

Pure and synchronous. The graph given is never modified, and the first bad operation raises
(its `field` naming the operation) before anything is returned. The caller checks asset access
and passes the glTF documents of the assets whose meshes are attached, by source key (the
asset id for its current version, app.geometry.scene_graph.source_key for a pinned one), and
the current version of each asset used as latest.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.errors import AtelierError, InvalidInput, LimitExceeded, NotFound
from app.geometry.scene_graph import (
    Camera,
    LatestVersion,
    Light,
    Material,
    MeshInfo,
    MeshRef,
    Node,
    SceneGraph,
)
from app.geometry.scene_import import material_from_gltf, mesh_info, shared_material
from app.geometry.scene_transforms import node_trs, world_bounds
from app.models.common import Bounds
from app.models.scene import SceneChange
from app.models.scene import SceneChangeKind as Kind
from app.services.scenes.checks import transform_fields, validated
from app.services.scenes.follow import follow_latest
from app.services.scenes.graph import NodeTree
from app.services.scenes.operations import (
    AddCamera,
    AddLight,
    AddMaterial,
    AddNode,
    AttachMesh,
    DetachMesh,
    EditMaterial,
    MeshUse,
    Operation,
    RemoveNode,
    RenameNode,
    ReparentNode,
    SetMaterial,
    SetTransform,
)


@dataclass(frozen=True)
class EditResult:
    graph: SceneGraph
    changes: list[SceneChange]
    bounds: Bounds | None = None


def apply_operations(graph: SceneGraph, operations: list[Operation], *, max_items: int,
                     documents: Mapping[str, dict[str, Any]],
                     versions: Mapping[str, int] | None = None) -> EditResult:
    """The graph after every operation, what changed, and its world bounds. Raises the first
    error with its field as [operation index, operation kind, field...]; LimitExceeded when
    the scene would have more than `max_items` nodes (or materials, cameras, lights).

    `versions` are the current versions of the assets used as latest: one the scene draws at
    an older version (its follow-up after that version became current never ran) is followed
    first, so all its latest references draw the same version."""
    versions = versions or {}
    followed: list[SceneChange] = []
    for asset_id, number in versions.items():
        if graph.latest_version(asset_id) not in (None, number) and asset_id in documents:
            graph, changes = follow_latest(graph, asset_id, number, documents[asset_id])
            followed += changes
    editor = _Editor(graph, documents, versions)
    editor.changes = followed
    for position, operation in enumerate(operations):
        try:
            editor.apply(operation)
        except AtelierError as error:
            error.field = [str(position), operation.kind, *(error.field or [])]
            raise
    return editor.result(max_items)


def graph_bounds(graph: SceneGraph) -> Bounds | None:
    box = world_bounds(graph)
    return None if box is None else Bounds(min=list(box[0]), max=list(box[1]))


class _Editor:
    def __init__(self, graph: SceneGraph, documents: Mapping[str, dict[str, Any]],
                 versions: Mapping[str, int]) -> None:
        self.tree = NodeTree(graph)
        self.materials = {m.id: m for m in graph.materials}
        self.cameras = {c.id: c for c in graph.cameras}
        self.lights = {light.id: light for light in graph.lights}
        self.meshes = graph.mesh_infos()
        self.next_id = graph.next_id
        self.documents = documents
        self.versions = versions
        self.latest = {entry.asset_id: entry.number for entry in graph.latest}
        self.changes: list[SceneChange] = []

    def apply(self, operation: Operation) -> None:
        handlers = {AddNode: self.add_node, RemoveNode: self.remove_node,
                    ReparentNode: self.reparent_node, SetTransform: self.set_transform,
                    AttachMesh: self.attach_mesh, DetachMesh: self.detach_mesh,
                    SetMaterial: self.set_material, RenameNode: self.rename_node,
                    AddMaterial: self.add_material, EditMaterial: self.edit_material,
                    AddCamera: self.add_camera, AddLight: self.add_light}
        handlers[type(operation)](operation)  # type: ignore[operator]

    def result(self, max_items: int) -> EditResult:
        for kind, items in (("nodes", self.tree.nodes), ("materials", self.materials),
                            ("cameras", self.cameras), ("lights", self.lights)):
            if len(items) > max_items:
                raise LimitExceeded(f"a scene may have at most {max_items} {kind}; this "
                                    f"update would make {len(items)}", field=[])
        used = {node.mesh for node in self.tree.nodes.values() if node.mesh is not None}
        graph = SceneGraph(
            nodes=list(self.tree.nodes.values()), roots=self.tree.roots,
            materials=list(self.materials.values()), cameras=list(self.cameras.values()),
            lights=list(self.lights.values()),
            meshes=[info for ref, info in self.meshes.items() if ref in used],
            next_id=self.next_id)
        graph.latest = self._latest(graph)
        return EditResult(graph, self.changes, graph_bounds(graph))

    def _latest(self, graph: SceneGraph) -> list[LatestVersion]:
        """The version drawn for each asset still used as latest: the one recorded, or the
        current one for an asset newly used so."""
        used = sorted({ref.asset_id for ref in graph.references() if ref.asset_version is None})
        drawn = {asset_id: self.latest.get(asset_id) or self.versions.get(asset_id)
                 for asset_id in used}
        return [LatestVersion(asset_id=asset_id, number=number)
                for asset_id, number in drawn.items() if number is not None]

    def add_node(self, op: AddNode) -> None:
        node_id = self._new_id("n", self.tree.nodes, op.id)
        node: Node = validated(Node, {"id": node_id, "name": op.name,
                                      **transform_fields(op.transform)})
        self.tree.add(node, op.parent_id, op.index)
        self._changed(Kind.NODE_ADDED, node_id)
        if op.mesh is not None:
            self._attach(node, op.mesh, op.material_id)
        elif op.material_id is not None:
            node.material = _known(self.materials, op.material_id, "material_id")
        if op.camera_id is not None:
            node.camera = _known(self.cameras, op.camera_id, "camera_id")
        if op.light_id is not None:
            node.light = _known(self.lights, op.light_id, "light_id")

    def remove_node(self, op: RemoveNode) -> None:
        for removed in self.tree.remove(op.node_id):
            self._changed(Kind.NODE_REMOVED, removed)

    def reparent_node(self, op: ReparentNode) -> None:
        self.tree.move(op.node_id, op.parent_id, op.index)
        self._changed(Kind.NODE_REPARENTED, op.node_id)

    def set_transform(self, op: SetTransform) -> None:
        given = transform_fields(op.transform)
        if not given:
            raise InvalidInput("give a translation, rotation, scale or matrix", field=[])
        node = self.tree.editable(op.node_id)
        if "matrix" in given:
            node.translation = node.rotation = node.scale = None
        elif node.matrix is not None:
            node.translation, node.rotation, node.scale = node_trs(node)
        node.matrix = None
        for key, value in given.items():
            setattr(node, key, value)
        self._changed(Kind.TRANSFORM_SET, op.node_id)

    def attach_mesh(self, op: AttachMesh) -> None:
        self._attach(self.tree.editable(op.node_id), op.mesh, op.material_id)

    def detach_mesh(self, op: DetachMesh) -> None:
        node = self.tree.editable(op.node_id)
        node.mesh = node.material = None
        self._changed(Kind.MESH_DETACHED, op.node_id)

    def set_material(self, op: SetMaterial) -> None:
        node = self.tree.editable(op.node_id)
        node.material = (None if op.material_id is None
                         else _known(self.materials, op.material_id, "material_id"))
        self._changed(Kind.MATERIAL_SET, op.node_id)

    def rename_node(self, op: RenameNode) -> None:
        node = self.tree.editable(op.node_id)
        node.name = validated(Node, {"id": node.id, "name": op.name}).name
        self._changed(Kind.NODE_RENAMED, op.node_id)

    def add_material(self, op: AddMaterial) -> None:
        material_id = self._new_id("m", self.materials, op.fields.get("id"))
        self.materials[material_id] = validated(
            Material, {**op.fields, "id": material_id, "source": None})
        self._changed(Kind.MATERIAL_ADDED, material_id)

    def edit_material(self, op: EditMaterial) -> None:
        current = self.materials[_known(self.materials, op.material_id, "material_id")]
        if "id" in op.fields or "source" in op.fields:
            raise InvalidInput("a material's id and source cannot change", field=["id"])
        merged = {**current.model_dump(), **op.fields}
        self.materials[op.material_id] = validated(Material, merged)
        self._changed(Kind.MATERIAL_EDITED, op.material_id)

    def add_camera(self, op: AddCamera) -> None:
        camera_id = self._new_id("c", self.cameras, op.fields.get("id"))
        self.cameras[camera_id] = validated(Camera, {**op.fields, "id": camera_id})
        if op.node_id is not None:
            self.tree.editable(op.node_id).camera = camera_id
        self._changed(Kind.CAMERA_ADDED, camera_id)

    def add_light(self, op: AddLight) -> None:
        light_id = self._new_id("l", self.lights, op.fields.get("id"))
        self.lights[light_id] = validated(Light, {**op.fields, "id": light_id})
        if op.node_id is not None:
            self.tree.editable(op.node_id).light = light_id
        self._changed(Kind.LIGHT_ADDED, light_id)

    def _attach(self, node: Node, mesh: MeshUse, material_id: str | None) -> None:
        ref = validated(MeshRef, {"asset_id": mesh.asset_id, "mesh_index": mesh.mesh_index,
                                  "asset_version": mesh.asset_version})
        info = self.meshes.get(ref) or self._import_mesh(ref)
        node.mesh = ref
        if material_id is not None:
            node.material = _known(self.materials, material_id, "material_id")
        else:
            shared = shared_material(info)
            node.material = None if shared is None else self._material_for(ref, shared)
        self._changed(Kind.MESH_ATTACHED, node.id)

    def _import_mesh(self, ref: MeshRef) -> MeshInfo:
        """Learn a newly used mesh, and bring in the asset materials its primitives use."""
        document = self.documents[ref.source]
        if ref.mesh_index >= len(document.get("meshes", [])):
            raise InvalidInput(f"asset {ref.asset_id} has no mesh {ref.mesh_index}",
                               field=["mesh", "mesh_index"])
        info = mesh_info(document, ref.asset_id, ref.mesh_index, ref.asset_version)
        for index in info.primitive_materials:
            if index is not None:
                self._material_for(ref, index)
        self.meshes[ref] = info
        return info

    def _material_for(self, mesh: MeshRef, index: int) -> str:
        """The scene material standing for a material of the mesh's asset (at the version it
        draws), brought in when missing."""
        for material in self.materials.values():
            source = material.source
            if source and (source.source, source.material_index) == (mesh.source, index):
                return material.id
        material_id = self._new_id("m", self.materials, None)
        self.materials[material_id] = material_from_gltf(
            self.documents[mesh.source], mesh.asset_id, index, material_id, mesh.asset_version)
        self._changed(Kind.MATERIAL_ADDED, material_id)
        return material_id

    def _new_id(self, prefix: str, taken: Mapping[str, Any], chosen: str | None) -> str:
        if chosen is not None:
            if chosen in taken:
                raise InvalidInput(f"the id {chosen} is taken", field=["id"])
            return chosen
        while f"{prefix}{self.next_id}" in taken:
            self.next_id += 1
        self.next_id += 1
        return f"{prefix}{self.next_id - 1}"

    def _changed(self, kind: Kind, target_id: str) -> None:
        self.changes.append(SceneChange(kind=kind, target_id=target_id))


def _known(items: Mapping[str, Any], item_id: str, field: str) -> str:
    if item_id not in items:
        raise NotFound(f"no {field.removesuffix('_id')} with id {item_id}", field=[field])
    return item_id
