"""Read a GLB into the renderer's `SceneData`: world transforms, primitives, cameras, lights;
at rest, or with some nodes posed (an animation at a time, `SceneReader.read(pose)`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import reduce
from typing import Any

import numpy as np

from app.errors import AtelierError, CorruptFile, ErrorCode, UnsupportedFormat
from app.geometry.gltf_io import GltfAsset, load_asset
from app.geometry.render.animation import Pose
from app.geometry.render.materials import read_materials
from app.geometry.render.options import RenderLimits
from app.geometry.render.primitives import build_primitive, primitive_triangle_count
from app.geometry.render.scene_data import (
    Bounds,
    CameraPlacement,
    DrawItem,
    Light,
    Material,
    Primitive,
    SceneData,
    Texture,
    xyz,
)
from app.geometry.render.transforms import Matrix, node_matrix

# Extensions whose geometry this renderer cannot decode; ingest is expected to unpack them.
_UNREADABLE_EXTENSIONS = ("KHR_draco_mesh_compression", "EXT_meshopt_compression")
_LIGHTS = "KHR_lights_punctual"


def read_scene(glb: bytes, limits: RenderLimits) -> SceneData:
    """The default scene of a GLB (all root nodes when it names none), ready to upload.

    Raises CorruptFile, UnsupportedFormat, LimitExceeded, or NO_GEOMETRY when nothing in the
    scene is made of triangles.
    """
    return SceneReader(glb, limits).read()


@dataclass
class _Decoded:
    """What every pose of a scene shares: primitives (by mesh and primitive index, None where
    nothing draws), materials and textures."""

    materials: list[Material]
    textures: dict[int, Texture]
    primitives: list[Primitive] = field(default_factory=list)
    slots: dict[tuple[int, int], int | None] = field(default_factory=dict)


class SceneReader:
    """A GLB parsed once and read as `read_scene` does, at rest or posed: the primitives,
    materials and textures are decoded by the first `read` and shared by every later one, so
    the scenes of an animation's frames differ only in where things are."""

    def __init__(self, glb: bytes, limits: RenderLimits) -> None:
        with _malformed_is_corrupt():
            self.asset = load_asset(glb)
        self.limits = limits
        self._decoded: _Decoded | None = None

    def read(self, pose: Pose | None = None) -> SceneData:
        """The scene with each node of `pose` at its local matrix there instead of its own."""
        with _malformed_is_corrupt():
            return _read_scene(self.asset, pose or {}, self._decode)

    def _decode(self, instances: list[tuple[int, Matrix]]) -> _Decoded:
        if self._decoded is None:
            self.limits.check_triangles(sum(
                primitive_triangle_count(self.asset, primitive)
                for mesh_index, _ in instances
                for primitive in self.asset.section("meshes")[mesh_index].get("primitives", [])
            ))
            self._decoded = _Decoded(*read_materials(self.asset, self.limits))
        return self._decoded


@contextmanager
def _malformed_is_corrupt() -> Iterator[None]:
    try:
        yield
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        # The document is untrusted: a field of the wrong type or shape is a corrupt file.
        raise CorruptFile(f"the glTF document is malformed: {exc!r}") from exc


def _read_scene(asset: GltfAsset, pose: Pose,
                decode: Callable[[list[tuple[int, Matrix]]], _Decoded]) -> SceneData:
    for extension in asset.document.get("extensionsRequired", []):
        if extension in _UNREADABLE_EXTENSIONS:
            raise UnsupportedFormat(f"meshes compressed with {extension} cannot be rendered")
    placed = list(_walk_nodes(asset, pose))
    meshes = asset.section("meshes")
    instances = [(node["mesh"], world) for node, world in placed if "mesh" in node]
    for mesh_index, _ in instances:
        if not 0 <= mesh_index < len(meshes):
            raise CorruptFile(f"a node uses mesh {mesh_index}, which does not exist")
    decoded = decode(instances)
    draws = _build_draws(asset, instances, decoded)
    if not draws:
        raise AtelierError("the scene has no triangles to render", code=ErrorCode.NO_GEOMETRY)
    return SceneData(
        primitives=decoded.primitives,
        draws=draws,
        materials=decoded.materials,
        textures=decoded.textures,
        bounds=reduce(_union, (draw.bounds for draw in draws)),
        camera_names=tuple(camera.get("name", "") for camera in asset.section("cameras")),
        cameras=_cameras(asset, placed),
        lights=_lights(asset, placed),
    )


def _walk_nodes(asset: GltfAsset, pose: Pose) -> Iterator[tuple[dict[str, Any], Matrix]]:
    """Every node of the scene, depth first, with its world matrix (posed ones moved)."""
    nodes = asset.section("nodes")
    scenes = asset.section("scenes")
    scene_index = asset.document.get("scene", 0)
    if 0 <= scene_index < len(scenes):
        roots = scenes[scene_index].get("nodes", [])
    else:
        children = {child for node in nodes for child in node.get("children", [])}
        roots = [index for index in range(len(nodes)) if index not in children]
    stack = [(index, np.eye(4)) for index in reversed(roots)]
    visited: set[int] = set()
    while stack:
        index, parent_world = stack.pop()
        if not 0 <= index < len(nodes) or index in visited:
            raise CorruptFile(f"node {index} is missing or has more than one parent")
        visited.add(index)
        node = nodes[index]
        world = parent_world @ (pose[index] if index in pose else node_matrix(node))
        yield node, world
        stack.extend((child, world) for child in reversed(node.get("children", [])))


def _build_draws(asset: GltfAsset, instances: list[tuple[int, Matrix]], decoded: _Decoded
                 ) -> list[DrawItem]:
    """Decode each (mesh, primitive) once and place one draw per node that uses it."""
    primitives, slots = decoded.primitives, decoded.slots
    draws: list[DrawItem] = []
    for mesh_index, world in instances:
        for primitive_index, primitive in enumerate(asset.section("meshes")[mesh_index].get(
                "primitives", [])):
            key = (mesh_index, primitive_index)
            if key not in slots:
                built = build_primitive(asset, primitive, _uv_set(primitive, decoded.materials))
                slots[key] = len(primitives) if built is not None else None
                if built is not None:
                    primitives.append(built)
            slot = slots[key]
            if slot is not None:
                placed = primitives[slot]
                draws.append(DrawItem(slot, world, placed.bounds.transformed(world),
                                      placed.material))
    return draws


def _uv_set(primitive: dict[str, Any], materials: list[Material]) -> int:
    material = primitive.get("material")
    if material is None:
        return 0
    if not 0 <= material < len(materials):
        raise CorruptFile(f"a primitive uses material {material}, which does not exist")
    chosen: Material = materials[material]
    return chosen.uv_set


def _union(first: Bounds, second: Bounds) -> Bounds:
    return Bounds(
        min=xyz(map(min, first.min, second.min)), max=xyz(map(max, first.max, second.max))
    )


def _cameras(asset: GltfAsset,
             placed: list[tuple[dict[str, Any], Matrix]]) -> dict[int, CameraPlacement]:
    cameras = asset.section("cameras")
    placements: dict[int, CameraPlacement] = {}
    for node, world in placed:
        index = node.get("camera")
        if index is None or index in placements:
            continue
        if not 0 <= index < len(cameras):
            raise CorruptFile(f"a node uses camera {index}, which does not exist")
        orthographic = cameras[index].get("type") == "orthographic"
        projection = cameras[index].get("orthographic" if orthographic else "perspective", {})
        placements[index] = CameraPlacement(projection, orthographic, world)
    return placements


def _lights(asset: GltfAsset, placed: list[tuple[dict[str, Any], Matrix]]) -> list[Light]:
    definitions = asset.document.get("extensions", {}).get(_LIGHTS, {}).get("lights", [])
    lights: list[Light] = []
    for node, world in placed:
        index = node.get("extensions", {}).get(_LIGHTS, {}).get("light")
        if index is None:
            continue
        if not 0 <= index < len(definitions):
            raise CorruptFile(f"a node uses light {index}, which does not exist")
        definition = definitions[index]
        if definition.get("type") not in ("directional", "point", "spot"):
            raise CorruptFile(f"light {index} has an unknown type {definition.get('type')!r}")
        direction = world[:3, :3] @ np.array([0.0, 0.0, -1.0])
        spot = definition.get("spot", {})
        lights.append(Light(
            kind=definition["type"],
            color=tuple(np.asarray(definition.get("color", (1.0, 1.0, 1.0)))
                        * float(definition.get("intensity", 1.0))),
            position=tuple(world[:3, 3]),
            direction=tuple(direction / (np.linalg.norm(direction) or 1.0)),
            range=float(definition.get("range", 0.0)),
            inner_cone=float(spot.get("innerConeAngle", 0.0)),
            outer_cone=float(spot.get("outerConeAngle", np.pi / 4.0)),
        ))
    return lights
