"""Real test models made with trimesh and exported as the GLBs the converter receives."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import trimesh
from PIL import Image

from app.geometry.gltf_io import build_glb

RNG_SEED = 7


def checker_image(size: int = 64, alpha: bool = False) -> Image.Image:
    cells = (np.indices((size, size)).sum(axis=0) // 8) % 2
    rgb = np.stack([cells * 200 + 30, 90 + cells * 60, 255 - cells * 200], axis=2)
    if alpha:
        rgb = np.concatenate([rgb, np.full((size, size, 1), 128)], axis=2)
    return Image.fromarray(rgb.astype(np.uint8))


def textured_box(image: Image.Image | None = None) -> trimesh.Trimesh:
    """A box whose every face has its own corners and UVs: UV seams on all edges."""
    box = trimesh.creation.box(extents=(1.0, 2.0, 0.5))
    box.unmerge_vertices()
    uv = np.tile([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]], (len(box.faces), 1))
    material = trimesh.visual.material.PBRMaterial(
        baseColorTexture=image or checker_image(), metallicFactor=0.1, roughnessFactor=0.7)
    box.visual = trimesh.visual.TextureVisuals(uv=uv, material=material)
    return box


def colored_sphere() -> trimesh.Trimesh:
    sphere = trimesh.creation.icosphere(subdivisions=3, radius=0.75)
    rng = np.random.default_rng(RNG_SEED)
    colors = rng.integers(0, 256, size=(len(sphere.vertices), 4), dtype=np.uint8)
    colors[:, 3] = 255
    sphere.visual = trimesh.visual.ColorVisuals(sphere, vertex_colors=colors)
    return sphere


def hierarchy_scene() -> trimesh.Scene:
    """Three meshes in a parent, child, grandchild chain with rotations, scales and a mirror."""
    scene = trimesh.Scene()
    scene.add_geometry(trimesh.creation.cylinder(radius=0.5, height=1.0), node_name="base",
                       geom_name="base_mesh",
                       transform=trimesh.transformations.translation_matrix([0, 0.5, 0]))
    arm = trimesh.transformations.rotation_matrix(np.pi / 5, [0, 0, 1])
    arm[:3, 3] = [0.8, 1.0, 0.0]
    scene.add_geometry(textured_box(), node_name="arm", geom_name="arm_mesh",
                       parent_node_name="base", transform=arm)
    tip = np.diag([-0.5, 0.5, 0.5, 1.0])  # a mirror: faces must not turn inside out
    tip[:3, 3] = [0.0, 1.5, 0.2]
    scene.add_geometry(colored_sphere(), node_name="tip", geom_name="tip_mesh",
                       parent_node_name="arm", transform=tip)
    return scene


def displaced_grid(cells: int, seed: int = RNG_SEED) -> trimesh.Trimesh:
    """A bumpy height field of 2 * cells**2 triangles with UVs spanning the texture."""
    u, v = np.meshgrid(np.linspace(0.0, 1.0, cells + 1), np.linspace(0.0, 1.0, cells + 1))
    rng = np.random.default_rng(seed)
    height = 0.05 * np.sin(6 * u) * np.cos(5 * v) + 0.002 * rng.standard_normal(u.shape)
    vertices = np.column_stack([u.ravel() * 4.0, height.ravel(), v.ravel() * 4.0])
    index = np.arange((cells + 1) ** 2).reshape(cells + 1, cells + 1)
    a, b = index[:-1, :-1].ravel(), index[:-1, 1:].ravel()
    c, d = index[1:, :-1].ravel(), index[1:, 1:].ravel()
    faces = np.concatenate([np.column_stack([a, c, d]), np.column_stack([a, d, b])])
    mesh = trimesh.Trimesh(vertices, faces, process=False)
    material = trimesh.visual.material.PBRMaterial(baseColorTexture=checker_image())
    mesh.visual = trimesh.visual.TextureVisuals(uv=np.column_stack([u.ravel(), v.ravel()]),
                                                material=material)
    return mesh


def seamed_grid(cells: int) -> trimesh.Trimesh:
    """A displaced grid cut down its middle column into two UV islands: a UV seam."""
    grid = displaced_grid(cells)
    vertices, faces = np.asarray(grid.vertices), np.asarray(grid.faces).copy()
    uv = np.asarray(grid.visual.uv).copy()
    middle = cells // 2
    columns = np.arange(len(vertices)) % (cells + 1)
    seam = np.flatnonzero(columns == middle)
    twin = np.full(len(vertices), -1)
    twin[seam] = len(vertices) + np.arange(len(seam))
    right = columns[faces].min(axis=1) >= middle
    on_seam = right[:, None] & (columns[faces] == middle)
    faces[on_seam] = twin[faces[on_seam]]
    uv = np.concatenate([uv, uv[seam] + [0.1, 0.0]])  # the right island sits elsewhere
    mesh = trimesh.Trimesh(np.concatenate([vertices, vertices[seam]]), faces, process=False)
    mesh.visual = trimesh.visual.TextureVisuals(uv=uv, material=grid.visual.material)
    return mesh


def animated_glb(path: Path, cells: int = 10) -> Path:
    """A skinned grid with one morph target, animated in morph weight and joint translation.

    Written by hand (trimesh writes neither skins nor morph targets) with plain accessors.
    """
    grid = displaced_grid(cells)
    positions = np.asarray(grid.vertices, dtype=np.float32)
    count = len(positions)
    arrays: list[tuple[np.ndarray, str, int | None]] = [
        (positions, "VEC3", 34962),
        (np.tile(np.float32([0, 1, 0]), (count, 1)), "VEC3", 34962),
        (np.tile(np.float32([0, 0.5, 0]), (count, 1)), "VEC3", 34962),  # the morph target
        (np.zeros((count, 4), dtype=np.uint16), "VEC4", 34962),
        (np.tile(np.float32([1, 0, 0, 0]), (count, 1)), "VEC4", 34962),
        (np.asarray(grid.faces, dtype=np.uint32).ravel(), "SCALAR", 34963),
        (np.eye(4, dtype=np.float32).reshape(1, 16), "MAT4", None),
        (np.float32([0.0, 1.0]), "SCALAR", None),
        (np.float32([0.0, 1.0]), "SCALAR", None),
        (np.float32([[0, 0, 0], [0, 1, 0]]), "VEC3", None),
    ]
    binary, views, accessors = b"", [], []
    for values, kind, target in arrays:
        view = {"buffer": 0, "byteOffset": len(binary), "byteLength": values.nbytes}
        views.append(view | ({"target": target} if target else {}))
        rows = values.reshape(len(values), -1)
        accessors.append({"bufferView": len(views) - 1, "count": len(rows), "type": kind,
                          "componentType": {"f": 5126, "u": 5125 if values.itemsize == 4
                                            else 5123}[values.dtype.kind],
                          "min": rows.min(axis=0).tolist(), "max": rows.max(axis=0).tolist()})
        binary += values.tobytes()
    document = {
        "asset": {"version": "2.0"}, "scene": 0, "scenes": [{"nodes": [0, 1]}],
        "nodes": [{"name": "skinned", "mesh": 0, "skin": 0}, {"name": "joint"}],
        "meshes": [{"primitives": [{
            "attributes": {"POSITION": 0, "NORMAL": 1, "JOINTS_0": 3, "WEIGHTS_0": 4},
            "targets": [{"POSITION": 2}], "indices": 5}], "weights": [0.0]}],
        "skins": [{"joints": [1], "inverseBindMatrices": 6}],
        "animations": [{"samplers": [{"input": 7, "output": 8}, {"input": 7, "output": 9}],
                        "channels": [{"sampler": 0, "target": {"node": 0, "path": "weights"}},
                                     {"sampler": 1, "target": {"node": 1,
                                                               "path": "translation"}}]}],
        "accessors": accessors, "bufferViews": views,
        "buffers": [{"byteLength": len(binary)}],
    }
    path.write_bytes(build_glb(document, binary))
    return path


def export_glb(geometry: trimesh.Trimesh | trimesh.Scene, path: Path) -> Path:
    scene = geometry if isinstance(geometry, trimesh.Scene) else trimesh.Scene(geometry)
    path.write_bytes(scene.export(file_type="glb"))
    return path
