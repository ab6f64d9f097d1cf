"""Real uploads for the ingest tests: rich glTF documents, OBJ with MTL and texture, PLY with
vertex colours, FBX and DAE made by assimp, zips of them, and the Khronos verdict on outputs."""

from __future__ import annotations

import base64
import io
import json
import subprocess
import zipfile
from pathlib import Path

import numpy as np
import trimesh
from PIL import Image

from app.geometry.gltf_io import GltfAsset, load_asset
from tests.geometry.validation.builders import GltfBuilder


def png_bytes(size: tuple[int, int] = (4, 4), color: tuple[int, int, int] = (200, 30, 30)
              ) -> bytes:
    stream = io.BytesIO()
    Image.new("RGB", size, color).save(stream, format="PNG")
    return stream.getvalue()


def rich_gltf() -> tuple[dict, bytes, bytes]:
    """A glTF document using hierarchy, names, a textured PBR material, UVs, normals, vertex
    colours, a camera, a spot light and an animation; with its buffer and its PNG."""
    box = trimesh.creation.box()
    builder = GltfBuilder()
    mesh = builder.mesh(box.vertices, box.faces, normals=box.vertex_normals)
    attributes = builder.document["meshes"][mesh]["primitives"][0]["attributes"]
    attributes["TEXCOORD_0"] = builder.accessor(box.vertices[:, :2].astype(np.float32) + 0.5)
    attributes["COLOR_0"] = builder.accessor(np.full((8, 4), 0.5, dtype=np.float32))
    builder.document["meshes"][mesh]["name"] = "crate"
    builder.add("images", {"uri": "textures/crate.png"})
    builder.add("textures", {"source": 0, "sampler": builder.add("samplers", {})})
    builder.document["meshes"][mesh]["primitives"][0]["material"] = builder.add("materials", {
        "name": "wood", "pbrMetallicRoughness": {"baseColorTexture": {"index": 0},
                                                 "metallicFactor": 0.2}})
    times = builder.accessor(np.array([0.0, 1.0], dtype=np.float32), bounds=True)
    offsets = builder.accessor(np.array([[0, 0, 0], [0, 1, 0]], dtype=np.float32))
    child = builder.add("nodes", {"name": "lid", "mesh": mesh, "translation": [0, 1, 0]})
    camera = builder.add("nodes", {"name": "eye", "camera": builder.add("cameras", {
        "type": "perspective", "perspective": {"yfov": 0.8, "znear": 0.1}})})
    lamp = builder.add("nodes", {"name": "lamp", "extensions": {
        "KHR_lights_punctual": {"light": 0}}})
    root = builder.add("nodes", {"name": "crate_root", "mesh": mesh,
                                 "children": [child, camera, lamp]})
    builder.add("animations", {"name": "open", "samplers": [{"input": times,
                                                             "output": offsets}],
                               "channels": [{"sampler": 0, "target": {
                                   "node": child, "path": "translation"}}]})
    builder.document["extensions"] = {"KHR_lights_punctual": {"lights": [
        {"type": "spot", "color": [1, 0.9, 0.8], "intensity": 20, "spot": {}}]}}
    builder.document["extensionsUsed"] = ["KHR_lights_punctual"]
    builder.scene(root)
    builder.document["buffers"] = [{"uri": "crate.bin", "byteLength": len(builder.binary)}]
    return builder.document, bytes(builder.binary), png_bytes()


def rich_gltf_zip() -> bytes:
    document, binary, image = rich_gltf()
    return zip_of({"crate/crate.gltf": json.dumps(document).encode(),
                   "crate/crate.bin": binary, "crate/textures/crate.png": image})


def embedded_gltf(document: dict, binary: bytes, image: bytes) -> bytes:
    """The same document with its buffer and image as data URIs: one .gltf file."""
    inline = json.loads(json.dumps(document))
    inline["buffers"][0]["uri"] = "data:application/octet-stream;base64," + base64.b64encode(
        binary).decode()
    inline["images"][0]["uri"] = "data:image/png;base64," + base64.b64encode(image).decode()
    return json.dumps(inline).encode()


def zip_of(files: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", compression) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return stream.getvalue()


def textured_obj_files() -> dict[str, bytes]:
    """An OBJ box with UVs, its MTL and the PNG the MTL names, as a zip would hold them."""
    box = trimesh.creation.box()
    material = trimesh.visual.material.SimpleMaterial(image=Image.new("RGB", (8, 8), "orange"))
    box.visual = trimesh.visual.TextureVisuals(uv=box.vertices[:, :2] + 0.5, material=material)
    obj, extra = trimesh.exchange.obj.export_obj(box, include_texture=True, return_texture=True,
                                                 mtl_name="box.mtl")
    return {"box.obj": obj.encode(), **extra}


def colored_ply(encoding: str = "binary") -> bytes:
    sphere = trimesh.creation.icosphere(subdivisions=2)
    colors = np.random.default_rng(3).integers(0, 256, (len(sphere.vertices), 4), np.uint8)
    colors[:, 3] = 255
    sphere.visual.vertex_colors = colors
    return bytes(sphere.export(file_type="ply", encoding=encoding))


def named_hierarchy_glb() -> bytes:
    """Two named meshes, the sphere a child of the box: the source for FBX and DAE."""
    scene = trimesh.Scene()
    scene.add_geometry(trimesh.creation.box(), node_name="chassis", geom_name="chassis_mesh")
    scene.add_geometry(trimesh.creation.icosphere(subdivisions=1), node_name="wheel",
                       geom_name="wheel_mesh", parent_node_name="chassis",
                       transform=trimesh.transformations.translation_matrix([2, 0, 0]))
    return bytes(scene.export(file_type="glb"))


def assimp_export(glb: bytes, folder: Path, fmt: str, suffix: str) -> bytes:
    """`glb` written by assimp in another format (collada, fbxa...)."""
    source, target = folder / "source.glb", folder / f"exported{suffix}"
    source.write_bytes(glb)
    subprocess.run(["assimp", "export", str(source), str(target), f"-f{fmt}"], check=True,
                   capture_output=True, timeout=60)
    return target.read_bytes()


def three_mf() -> bytes:
    scene = trimesh.Scene([trimesh.creation.box(), trimesh.creation.icosphere()])
    return bytes(scene.export(file_type="3mf"))


def output(path: Path) -> GltfAsset:
    return load_asset(path.read_bytes())
