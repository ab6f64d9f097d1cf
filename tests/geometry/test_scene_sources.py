"""Real glTF sources for the scene tests: a hierarchy with transforms of every kind, textured
and multi-material meshes, a camera and a spot light; and plain coloured boxes. Each is first
checked to be valid glTF by Khronos's validator."""

from __future__ import annotations

import io
import math
from pathlib import Path

import numpy as np
import trimesh
from PIL import Image

from app.geometry.gltf_io import build_glb
from tests.geometry.validation.builders import GltfBuilder
from tests.support.gltf_validator import khronos_bytes_errors

ARRAY_BUFFER = 34962
# Node 1's rotation: a quarter turn about +Z.
QUARTER_TURN_Z = [0.0, 0.0, math.sin(math.pi / 4), math.cos(math.pi / 4)]
EYE_MATRIX = [0.0, 0.0, -1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 5.0, 1.0]


def png(color: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), color).save(buffer, format="PNG")
    return buffer.getvalue()


def _box_primitive(builder: GltfBuilder, extents: tuple[float, float, float], *,
                   material: int | None = None, uv: bool = False) -> dict:
    box = trimesh.creation.box(extents=extents)
    attributes = {"POSITION": builder.accessor(box.vertices.astype(np.float32),
                                               target=ARRAY_BUFFER, bounds=True)}
    if uv:
        texcoords = (box.vertices[:, :2] - box.vertices[:, :2].min(axis=0)) / 2
        attributes["TEXCOORD_0"] = builder.accessor(texcoords.astype(np.float32),
                                                    target=ARRAY_BUFFER)
    primitive = {"attributes": attributes,
                 "indices": builder.accessor(box.faces.reshape(-1).astype(np.uint16),
                                             target=34963)}
    if material is not None:
        primitive["material"] = material
    return primitive


def hierarchy_glb() -> bytes:
    """base (mesh 0, red) → arm (mesh 1, textured wood) → hand (mesh 2: red and wood
    primitives); base → eye (a camera, by matrix); lamp (a spot light) at the top level."""
    builder = GltfBuilder()
    builder.add("meshes", {"name": "base", "primitives": [_box_primitive(builder, (2, 2, 2),
                                                                         material=0)]})
    builder.add("meshes", {"name": "arm", "primitives": [
        _box_primitive(builder, (1, 2, 1), material=1, uv=True)]})
    builder.add("meshes", {"name": "hand", "primitives": [
        _box_primitive(builder, (0.5, 0.5, 0.5), material=0),
        _box_primitive(builder, (0.25, 1, 0.25), material=1, uv=True)]})
    image = png((150, 100, 50))
    builder.binary += b"\x00" * (-len(builder.binary) % 4)
    view = builder.add("bufferViews", {"buffer": 0, "byteOffset": len(builder.binary),
                                       "byteLength": len(image)})
    builder.binary += image
    document = builder.document
    document.update(
        scenes=[{"name": "workshop", "nodes": [0, 4]}], scene=0,
        nodes=[
            {"name": "base", "mesh": 0, "translation": [1.0, 0.0, 0.0], "children": [1, 3]},
            {"name": "arm", "mesh": 1, "translation": [0.0, 2.0, 0.0],
             "rotation": QUARTER_TURN_Z, "children": [2]},
            {"name": "hand", "mesh": 2, "translation": [0.0, 1.5, 0.0],
             "scale": [2.0, 2.0, 2.0]},
            {"name": "eye", "camera": 0, "matrix": EYE_MATRIX},
            {"name": "lamp", "translation": [0.0, 4.0, 0.0],
             "extensions": {"KHR_lights_punctual": {"light": 0}}},
        ],
        materials=[
            {"name": "red", "pbrMetallicRoughness": {"baseColorFactor": [1, 0, 0, 1],
                                                     "metallicFactor": 0.0,
                                                     "roughnessFactor": 0.5}},
            {"name": "wood", "pbrMetallicRoughness": {"baseColorTexture": {"index": 0}},
             "normalTexture": {"index": 0, "scale": 0.5}, "emissiveFactor": [0.1, 0.1, 0.0],
             "alphaMode": "MASK", "alphaCutoff": 0.3, "doubleSided": True},
        ],
        textures=[{"source": 0, "sampler": 0}],
        samplers=[{"magFilter": 9729, "minFilter": 9729}],
        images=[{"bufferView": view, "mimeType": "image/png"}],
        cameras=[{"name": "eye", "type": "perspective",
                  "perspective": {"yfov": 0.8, "znear": 0.1, "zfar": 100.0,
                                  "aspectRatio": 1.5}}],
        extensions={"KHR_lights_punctual": {"lights": [
            {"name": "lamp", "type": "spot", "color": [1.0, 0.9, 0.8], "intensity": 5.0,
             "range": 10.0, "spot": {"innerConeAngle": 0.2, "outerConeAngle": 0.6}}]}},
        extensionsUsed=["KHR_lights_punctual"],
        buffers=[{"byteLength": len(builder.binary)}],
    )
    return build_glb(document, bytes(builder.binary))


def box_glb(extents: tuple[float, float, float], color: tuple[float, float, float, float]
            ) -> bytes:
    """One node holding one box of `extents` in one coloured material."""
    builder = GltfBuilder()
    builder.add("meshes", {"primitives": [_box_primitive(builder, extents, material=0)]})
    builder.document.update(
        scenes=[{"nodes": [0]}], scene=0, nodes=[{"name": "box", "mesh": 0}],
        materials=[{"name": "paint", "pbrMetallicRoughness": {"baseColorFactor": list(color)}}],
        buffers=[{"byteLength": len(builder.binary)}])
    return build_glb(builder.document, bytes(builder.binary))


def trimesh_bounds(glb: bytes) -> np.ndarray:
    """The world bounds an independent reader computes from the vertices."""
    return trimesh.load(io.BytesIO(glb), file_type="glb", force="scene").bounds


def test_the_sources_are_valid_gltf(tmp_path: Path) -> None:
    hierarchy = hierarchy_glb()
    box = box_glb((1.0, 2.0, 3.0), (0.0, 0.0, 1.0, 1.0))

    assert khronos_bytes_errors(hierarchy, tmp_path, "hierarchy.glb") == []
    assert khronos_bytes_errors(box, tmp_path, "box.glb") == []
