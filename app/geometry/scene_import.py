"""glTF → scene graph: an asset's default scene as typed nodes, materials, cameras and lights.

Reads only the JSON document (a mesh's box comes from its POSITION accessors' min/max, which
glTF requires), so a scene is built without touching the asset's binary data.
"""

from __future__ import annotations

import math
from typing import Any

from pydantic import ValidationError

from app.errors import CorruptFile, LimitExceeded
from app.geometry.scene_graph import (
    Camera,
    Light,
    Material,
    MaterialSource,
    MeshInfo,
    MeshRef,
    Node,
    SceneGraph,
    TextureRef,
)

LIGHTS_EXTENSION = "KHR_lights_punctual"
# A scene is one MongoDB document, which nests at most 100 levels; its nodes' properties sit
# 4 levels down. Deeper extras are the upload's oddity, not worth failing a scene for.
PROPERTY_DEPTH = 32


def node_id(index: int) -> str:
    return f"n{index}"


def material_id(index: int) -> str:
    return f"m{index}"


def graph_from_gltf(document: dict[str, Any], asset_id: str, *, max_nodes: int) -> SceneGraph:
    """The default scene (every parentless node when there is none) of an asset's glTF.

    Raises CorruptFile for a malformed document, LimitExceeded past `max_nodes` nodes.
    """
    try:
        return _graph(document, asset_id, max_nodes)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        if isinstance(exc, ValidationError):
            raise CorruptFile(f"the glTF has a value a scene cannot hold: {exc.errors()[0]['msg']}"
                              ) from exc
        raise CorruptFile(f"the glTF document is malformed: {exc!r}") from exc


def _graph(document: dict[str, Any], asset_id: str, max_nodes: int) -> SceneGraph:
    gltf_nodes: list[dict[str, Any]] = document.get("nodes", [])
    roots = _root_indices(document)
    order = _depth_first(gltf_nodes, roots)
    if len(order) > max_nodes:
        raise LimitExceeded(f"the asset's scene has {len(order)} nodes; the limit is {max_nodes}")
    used_meshes = sorted({gltf_nodes[i]["mesh"] for i in order if "mesh" in gltf_nodes[i]})
    meshes = [mesh_info(document, asset_id, index) for index in used_meshes]
    shared = {info.mesh_index: shared_material(info) for info in meshes}
    nodes = [_node(gltf_nodes[i], i, asset_id, shared) for i in order]
    materials = [material_from_gltf(document, asset_id, i, material_id(i))
                 for i in range(len(document.get("materials", [])))]
    cameras = [_camera(camera, f"c{i}") for i, camera in enumerate(document.get("cameras", []))]
    lights = [_light(light, f"l{i}") for i, light in enumerate(gltf_lights(document))]
    return SceneGraph(nodes=nodes, roots=[node_id(i) for i in roots], materials=materials,
                      cameras=cameras, lights=lights, meshes=meshes,
                      next_id=1 + max(len(gltf_nodes), len(materials), len(cameras), len(lights)))


def gltf_lights(document: dict[str, Any]) -> list[dict[str, Any]]:
    return list(document.get("extensions", {}).get(LIGHTS_EXTENSION, {}).get("lights", []))


def shared_material(info: MeshInfo) -> int | None:
    """The asset material every primitive of the mesh draws with, if they share one."""
    chosen = set(info.primitive_materials)
    return chosen.pop() if len(chosen) == 1 else None


def mesh_info(document: dict[str, Any], asset_id: str, mesh_index: int,
              asset_version: int | None = None) -> MeshInfo:
    """The mesh's box in its own space (from accessor min/max) and its primitives' materials;
    `asset_version` is the version the reference pins (None: latest)."""
    meshes = document.get("meshes", [])
    if not 0 <= mesh_index < len(meshes):
        raise CorruptFile(f"mesh {mesh_index} does not exist")
    primitives = meshes[mesh_index].get("primitives", [])
    accessors = document.get("accessors", [])
    lows, highs = [], []
    for primitive in primitives:
        position = primitive.get("attributes", {}).get("POSITION")
        accessor = accessors[position] if isinstance(position, int) else {}
        if _finite(accessor.get("min"), 3) and _finite(accessor.get("max"), 3):
            lows.append(accessor["min"])
            highs.append(accessor["max"])
    return MeshInfo(
        asset_id=asset_id, mesh_index=mesh_index, asset_version=asset_version,
        box_min=tuple(min(axis) for axis in zip(*lows, strict=True)) if lows else None,
        box_max=tuple(max(axis) for axis in zip(*highs, strict=True)) if highs else None,
        primitive_materials=[p.get("material") for p in primitives],
    )


def material_from_gltf(document: dict[str, Any], asset_id: str, index: int, new_id: str,
                       asset_version: int | None = None) -> Material:
    """Asset material `index` (of the pinned `asset_version`, None: latest) as a scene
    material that stands for it."""
    material = document["materials"][index]
    pbr = material.get("pbrMetallicRoughness", {})

    def texture(info: dict[str, Any] | None, scale_key: str | None = None) -> TextureRef | None:
        if info is None:
            return None
        return TextureRef(asset_id=asset_id, texture_index=info["index"],
                          tex_coord=info.get("texCoord", 0),
                          scale=info.get(scale_key, 1.0) if scale_key else 1.0,
                          asset_version=asset_version)

    return Material(
        id=new_id, name=material.get("name", "")[:200],
        base_color_factor=pbr.get("baseColorFactor", (1.0, 1.0, 1.0, 1.0)),
        base_color_texture=texture(pbr.get("baseColorTexture")),
        metallic_factor=pbr.get("metallicFactor", 1.0),
        roughness_factor=pbr.get("roughnessFactor", 1.0),
        metallic_roughness_texture=texture(pbr.get("metallicRoughnessTexture")),
        normal_texture=texture(material.get("normalTexture"), "scale"),
        occlusion_texture=texture(material.get("occlusionTexture"), "strength"),
        emissive_factor=material.get("emissiveFactor", (0.0, 0.0, 0.0)),
        emissive_texture=texture(material.get("emissiveTexture")),
        alpha_mode=material.get("alphaMode", "OPAQUE"),
        alpha_cutoff=material.get("alphaCutoff", 0.5),
        double_sided=material.get("doubleSided", False),
        source=MaterialSource(asset_id=asset_id, material_index=index,
                              asset_version=asset_version),
    )


def _root_indices(document: dict[str, Any]) -> list[int]:
    scenes, nodes = document.get("scenes", []), document.get("nodes", [])
    if scenes:
        return list(scenes[document.get("scene", 0)].get("nodes", []))
    children = {child for node in nodes for child in node.get("children", [])}
    return [i for i in range(len(nodes)) if i not in children]


def _depth_first(nodes: list[dict[str, Any]], roots: list[int]) -> list[int]:
    order: list[int] = []
    seen: set[int] = set()
    stack = list(reversed(roots))
    while stack:
        index = stack.pop()
        if index in seen:
            raise CorruptFile(f"node {index} has more than one parent")
        seen.add(index)
        order.append(index)
        stack.extend(reversed(nodes[index].get("children", [])))
    return order


def _node(node: dict[str, Any], index: int, asset_id: str, shared: dict[int, int | None]) -> Node:
    mesh = node.get("mesh")
    light = node.get("extensions", {}).get(LIGHTS_EXTENSION, {}).get("light")
    rotation = node.get("rotation")
    if rotation is not None:
        norm = math.sqrt(sum(v * v for v in rotation)) or 1.0
        rotation = tuple(v / norm for v in rotation)
    material = None if mesh is None else shared[mesh]
    return Node(
        id=node_id(index), name=node.get("name", "")[:200],
        translation=node.get("translation"), rotation=rotation, scale=node.get("scale"),
        matrix=node.get("matrix"), children=[node_id(c) for c in node.get("children", [])],
        mesh=None if mesh is None else MeshRef(asset_id=asset_id, mesh_index=mesh),
        material=None if material is None else material_id(material),
        camera=None if node.get("camera") is None else f"c{node['camera']}",
        light=None if light is None else f"l{light}",
        properties=node_properties(node.get("extras")),
    )


def node_properties(extras: object) -> dict[str, Any]:
    """A node's glTF extras as its properties, when they are a JSON object: without the keys
    MongoDB cannot store (empty, starting with '$', holding '.') and what is nested deeper
    than PROPERTY_DEPTH."""
    kept = _storable(extras, PROPERTY_DEPTH)
    return kept if isinstance(kept, dict) else {}


def _storable(value: object, depth_left: int) -> object:
    if isinstance(value, dict):
        return {key: _storable(item, depth_left - 1) for key, item in value.items()
                if depth_left > 0 and _storable_key(key)}
    if isinstance(value, list):
        return [_storable(item, depth_left - 1) for item in value] if depth_left > 0 else []
    return value


def _storable_key(key: str) -> bool:
    return bool(key) and not key.startswith("$") and "." not in key


def _camera(camera: dict[str, Any], new_id: str) -> Camera:
    kind = camera["type"]
    projection = camera.get(kind, {})
    return Camera(id=new_id, name=camera.get("name", "")[:200], type=kind.upper(),
                  yfov=projection.get("yfov"), aspect_ratio=projection.get("aspectRatio"),
                  xmag=projection.get("xmag"), ymag=projection.get("ymag"),
                  znear=projection.get("znear", 0.01), zfar=projection.get("zfar"))


def _light(light: dict[str, Any], new_id: str) -> Light:
    spot = light.get("spot", {})
    return Light(id=new_id, name=light.get("name", "")[:200], type=light["type"].upper(),
                 color=light.get("color", (1.0, 1.0, 1.0)), intensity=light.get("intensity", 1.0),
                 range=light.get("range"), inner_cone_angle=spot.get("innerConeAngle", 0.0),
                 outer_cone_angle=spot.get("outerConeAngle", math.pi / 4))


def _finite(value: object, length: int) -> bool:
    return isinstance(value, list) and len(value) == length and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
        for v in value)
