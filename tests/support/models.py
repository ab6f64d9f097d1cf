"""Real 3D files for tests, made with trimesh: STL, OBJ, PLY and GLB of known geometry."""

from __future__ import annotations

import trimesh


def box_stl(extents: tuple[float, float, float] = (1.0, 2.0, 3.0)) -> bytes:
    return bytes(trimesh.creation.box(extents=extents).export(file_type="stl"))


def sphere_obj(subdivisions: int = 2) -> bytes:
    return trimesh.creation.icosphere(subdivisions=subdivisions).export(file_type="obj").encode()


def cylinder_glb() -> bytes:
    scene = trimesh.Scene(trimesh.creation.cylinder(radius=0.5, height=2.0, sections=24))
    return bytes(scene.export(file_type="glb"))


def torus_ply() -> bytes:
    return bytes(trimesh.creation.torus(major_radius=1.0, minor_radius=0.25).export(
        file_type="ply"))


def triangle_count(data: bytes, file_type: str) -> int:
    """What trimesh, an independent reader, counts in a file."""
    import io

    loaded = trimesh.load(io.BytesIO(data), file_type=file_type, force="scene")
    return sum(len(g.faces) for g in loaded.geometry.values())
