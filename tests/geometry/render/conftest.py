"""Fixtures for renderer tests: one shared Renderer and small GLBs assembled from numpy arrays."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

import numpy as np
import pytest
import trimesh
from PIL import Image

from app.geometry.gltf_io import build_glb
from app.geometry.render import Renderer

RED = (0.8, 0.05, 0.05, 1.0)
BLUE = (0.05, 0.05, 0.8, 1.0)
ARRAY_BUFFER, ELEMENT_ARRAY_BUFFER = 34962, 34963
_TYPES = {1: "SCALAR", 2: "VEC2", 3: "VEC3", 4: "VEC4"}


class GlbWriter:
    """Collects accessors, images and glTF objects, then packs them into one GLB."""

    def __init__(self) -> None:
        self.document: dict = {"asset": {"version": "2.0"}, "scene": 0, "buffers": [],
                               "bufferViews": [], "accessors": []}
        self.binary = bytearray()

    def _view(self, data: bytes, target: int | None = None) -> int:
        self.binary += b"\x00" * (-len(self.binary) % 4)
        view = {"buffer": 0, "byteOffset": len(self.binary), "byteLength": len(data)}
        if target is not None:
            view["target"] = target
        self.binary += data
        self.document["bufferViews"].append(view)
        return len(self.document["bufferViews"]) - 1

    def accessor(self, values: np.ndarray, indices: bool = False, keyframes: bool = False
                 ) -> int:
        """An accessor of vertex attributes, of indices, or of animation keyframes
        (`keyframes`: its buffer view has no GPU target, as glTF requires)."""
        values = np.ascontiguousarray(values, dtype=np.uint32 if indices else np.float32)
        width = 1 if values.ndim == 1 else values.shape[1]
        target = None if keyframes else ELEMENT_ARRAY_BUFFER if indices else ARRAY_BUFFER
        accessor = {
            "bufferView": self._view(values.tobytes(), target),
            "componentType": 5125 if indices else 5126,
            "count": len(values),
            "type": _TYPES[width],
        }
        if not indices:
            accessor["min"] = values.reshape(len(values), -1).min(axis=0).tolist()
            accessor["max"] = values.reshape(len(values), -1).max(axis=0).tolist()
        self.document["accessors"].append(accessor)
        return len(self.document["accessors"]) - 1

    def image(self, pixels: np.ndarray) -> int:
        encoded = io.BytesIO()
        Image.fromarray(pixels).save(encoded, "PNG")
        self.document.setdefault("images", []).append(
            {"bufferView": self._view(encoded.getvalue()), "mimeType": "image/png"})
        return len(self.document["images"]) - 1

    def add(self, section: str, entry: dict) -> int:
        self.document.setdefault(section, []).append(entry)
        return len(self.document[section]) - 1

    def glb(self, root_nodes: list[int]) -> bytes:
        self.document["scenes"] = [{"nodes": root_nodes}]
        self.document["buffers"] = [{"byteLength": len(self.binary)}]
        return build_glb(self.document, bytes(self.binary))


def box_arrays(size: float = 1.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Positions and normals of a cube with one vertex per face corner, and its indices."""
    mesh = trimesh.creation.box(extents=(size, size, size))
    faces = mesh.faces
    positions = mesh.vertices[faces].reshape(-1, 3)
    normals = np.repeat(mesh.face_normals, 3, axis=0)
    return positions, normals, np.arange(len(positions))


def mesh_node(writer: GlbWriter, attributes: dict[str, np.ndarray], indices: np.ndarray | None,
              material: dict | None = None, mode: int = 4, **node: object) -> int:
    """Add a one-primitive mesh and the node that places it; returns the node index."""
    primitive: dict = {"attributes": {name: writer.accessor(values)
                                      for name, values in attributes.items()}, "mode": mode}
    if indices is not None:
        primitive["indices"] = writer.accessor(indices, indices=True)
    if material is not None:
        primitive["material"] = writer.add("materials", material)
    mesh = writer.add("meshes", {"primitives": [primitive]})
    return writer.add("nodes", {"mesh": mesh, **node})


def plain_material(color: tuple[float, ...], **extra: object) -> dict:
    return {"pbrMetallicRoughness": {"baseColorFactor": list(color), "metallicFactor": 0.0,
                                     "roughnessFactor": 0.7}, **extra}


def cube_glb(color: tuple[float, ...] = RED, normals: bool = True) -> bytes:
    writer = GlbWriter()
    positions, face_normals, indices = box_arrays()
    attributes = {"POSITION": positions, "NORMAL": face_normals} if normals else {
        "POSITION": positions}
    return writer.glb([mesh_node(writer, attributes, indices, plain_material(color))])


@pytest.fixture(scope="session")
def renderer() -> Iterator[Renderer]:
    with Renderer() as shared:
        yield shared


@pytest.fixture
def red_cube_glb() -> bytes:
    return cube_glb(RED)


@pytest.fixture
def cube_without_normals_glb() -> bytes:
    """trimesh's 8-vertex box written with positions and indices only, no normals."""
    box = trimesh.creation.box(extents=(1.0, 1.0, 1.0))
    writer = GlbWriter()
    node = mesh_node(writer, {"POSITION": box.vertices}, box.faces.reshape(-1),
                     plain_material(RED))
    return writer.glb([node])


def textured_quad(texels: np.ndarray, uv_scale: tuple[float, float], sampler: dict) -> bytes:
    """A 2x2 quad facing +Z showing `texels` (top row first) with UVs running 0..uv_scale."""
    writer = GlbWriter()
    sampler_index = writer.add("samplers", sampler)
    texture = writer.add("textures", {"source": writer.image(texels), "sampler": sampler_index})
    positions = np.array([[-1, -1, 0], [1, -1, 0], [1, 1, 0], [-1, 1, 0]])
    uvs = np.array([[0, 1], [1, 1], [1, 0], [0, 0]]) * uv_scale  # UV (0, 0): image top left
    material = {"pbrMetallicRoughness": {"baseColorTexture": {"index": texture},
                                         "metallicFactor": 0.0}}
    node = mesh_node(writer, {"POSITION": positions, "NORMAL": np.tile([0, 0, 1], (4, 1)),
                              "TEXCOORD_0": uvs}, np.array([0, 1, 2, 0, 2, 3]), material)
    return writer.glb([node])


NEAREST = {"magFilter": 9728, "minFilter": 9728}


@pytest.fixture
def textured_quad_glb() -> bytes:
    """A quad whose 2x2 texture is red, green (top row) over blue, yellow."""
    texels = np.array([[[255, 0, 0, 255], [0, 255, 0, 255]],
                       [[0, 0, 255, 255], [255, 255, 0, 255]]], dtype=np.uint8)
    return textured_quad(texels, (1.0, 1.0), NEAREST)


@pytest.fixture
def striped_quad_glb() -> Callable[[int], bytes]:
    """A quad whose red | green texture spans U 0..2, so the sampler's wrapS decides the rest."""
    texels = np.array([[[255, 0, 0, 255], [0, 255, 0, 255]]], dtype=np.uint8)
    return lambda wrap_s: textured_quad(texels, (2.0, 1.0), {**NEAREST, "wrapS": wrap_s})


@pytest.fixture
def vertex_colored_cube_glb() -> bytes:
    """A white-material cube whose COLOR_0 paints every vertex green."""
    writer = GlbWriter()
    positions, normals, indices = box_arrays()
    colors = np.tile([0.05, 0.7, 0.05, 1.0], (len(positions), 1))
    node = mesh_node(writer, {"POSITION": positions, "NORMAL": normals, "COLOR_0": colors},
                     indices, plain_material((1.0, 1.0, 1.0, 1.0)))
    return writer.glb([node])


def quad_glb(material: dict) -> bytes:
    """A 2x2 quad in the XY plane, its front (counter-clockwise) face towards +Z."""
    writer = GlbWriter()
    positions = np.array([[-1, -1, 0], [1, -1, 0], [1, 1, 0], [-1, 1, 0]])
    node = mesh_node(writer, {"POSITION": positions, "NORMAL": np.tile([0, 0, 1], (4, 1))},
                     np.array([0, 1, 2, 0, 2, 3]), material)
    return writer.glb([node])


@pytest.fixture
def half_transparent_quad_glb() -> bytes:
    return quad_glb(plain_material((1.0, 0.0, 0.0, 0.5), alphaMode="BLEND"))


@pytest.fixture
def single_sided_quad_glb() -> bytes:
    return quad_glb(plain_material(RED))


@pytest.fixture
def double_sided_quad_glb() -> bytes:
    return quad_glb(plain_material(RED, doubleSided=True))


@pytest.fixture
def cameras_glb() -> bytes:
    """A red cube at x=-3 and a blue one at x=3, with cameras:

    0 "BlueCam" at (3, 0, 4) looking down -Z at the blue cube; 1 "RedCam" at (0, 0, 4) under a
    parent node moved to x=-3; 2 "TopCam", orthographic (ymag 1), above the blue cube looking
    down; 3 "Unplaced", on no node.
    """
    writer = GlbWriter()
    positions, normals, indices = box_arrays()
    cube = {"POSITION": positions, "NORMAL": normals}
    red = mesh_node(writer, cube, indices, plain_material(RED), translation=[-3, 0, 0])
    blue = mesh_node(writer, cube, indices, plain_material(BLUE), translation=[3, 0, 0])
    perspective = {"type": "perspective", "perspective": {"yfov": 0.6, "znear": 0.1}}
    writer.add("cameras", {"name": "BlueCam", **perspective})
    writer.add("cameras", {"name": "RedCam", **perspective})
    writer.add("cameras", {"name": "TopCam", "type": "orthographic", "orthographic": {
        "xmag": 1.0, "ymag": 1.0, "znear": 0.1, "zfar": 20.0}})
    writer.add("cameras", {"name": "Unplaced", **perspective})
    blue_cam = writer.add("nodes", {"camera": 0, "translation": [3, 0, 4]})
    red_cam = writer.add("nodes", {"camera": 1, "translation": [0, 0, 4]})
    red_rig = writer.add("nodes", {"children": [red_cam], "translation": [-3, 0, 0]})
    down = [-np.sqrt(0.5), 0.0, 0.0, np.sqrt(0.5)]  # -90 degrees about X: -Z turns to -Y
    top_cam = writer.add("nodes", {"camera": 2, "translation": [3, 5, 0], "rotation": down})
    return writer.glb([red, blue, blue_cam, red_rig, top_cam])


@pytest.fixture
def lit_cube_glb() -> Callable[[list[float]], bytes]:
    """A grey cube lit only by one KHR_lights_punctual directional light, turned by a quaternion."""

    def build(rotation: list[float]) -> bytes:
        writer = GlbWriter()
        positions, normals, indices = box_arrays()
        cube = mesh_node(writer, {"POSITION": positions, "NORMAL": normals}, indices,
                         plain_material((0.8, 0.8, 0.8, 1.0)))
        writer.document["extensionsUsed"] = ["KHR_lights_punctual"]
        writer.document["extensions"] = {"KHR_lights_punctual": {"lights": [
            {"type": "directional", "intensity": 3.0, "color": [1.0, 1.0, 1.0]}]}}
        light = writer.add("nodes", {"rotation": rotation,
                                     "extensions": {"KHR_lights_punctual": {"light": 0}}})
        return writer.glb([cube, light])

    return build


@pytest.fixture
def points_glb() -> bytes:
    writer = GlbWriter()
    node = mesh_node(writer, {"POSITION": np.eye(3)}, None, mode=0)
    return writer.glb([node])


@pytest.fixture
def out_of_range_index_glb() -> bytes:
    writer = GlbWriter()
    node = mesh_node(writer, {"POSITION": np.eye(3)}, np.array([0, 1, 3]))
    return writer.glb([node])
