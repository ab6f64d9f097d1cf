"""Validation never crashes: every member of a rich document broken, random bytes and meshes."""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import trimesh
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from app.geometry.gltf_io import build_glb
from app.geometry.validation import validate_bytes, validate_geometry
from tests.geometry.validation.builders import GltfBuilder
from tests.support.gltf_validator import khronos_reports

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def rich_builder() -> GltfBuilder:
    """A valid asset using most of glTF: textures, skin, morph target, animation, lights."""
    box = trimesh.creation.box()
    builder = GltfBuilder()
    mesh = builder.mesh(box.vertices, box.faces, normals=box.vertex_normals)
    primitive = builder.document["meshes"][mesh]["primitives"][0]
    primitive["attributes"]["TEXCOORD_0"] = builder.accessor(
        box.vertices[:, :2].astype(np.float32) + 0.5)
    primitive["targets"] = [{"POSITION": builder.accessor(
        np.zeros((8, 3), dtype=np.float32), bounds=True)}]
    png = io.BytesIO()
    Image.new("RGB", (2, 2)).save(png, format="PNG")
    builder.binary += b"\x00" * (-len(builder.binary) % 4)
    view = builder.add("bufferViews", {"buffer": 0, "byteOffset": len(builder.binary),
                                       "byteLength": len(png.getvalue())})
    builder.binary += png.getvalue()
    image = builder.add("images", {"bufferView": view, "mimeType": "image/png"})
    texture = builder.add("textures", {"source": image, "sampler": builder.add("samplers", {})})
    primitive["material"] = builder.add("materials", {"pbrMetallicRoughness": {
        "baseColorTexture": {"index": texture, "extensions": {"KHR_texture_transform": {}}}}})
    times = builder.accessor(np.array([0.0, 1.0], dtype=np.float32), bounds=True)
    scales = builder.accessor(np.ones((2, 3), dtype=np.float32))
    joint = builder.add("nodes", {"translation": [0.0, 1.0, 0.0]})
    node = builder.add("nodes", {"mesh": mesh, "children": [joint], "extensions": {
        "KHR_lights_punctual": {"light": 0}}})
    builder.add("skins", {"joints": [joint], "inverseBindMatrices": builder.accessor(
        np.eye(4, dtype=np.float32).reshape(1, 16))})
    builder.add("animations", {"samplers": [{"input": times, "output": scales}], "channels": [
        {"sampler": 0, "target": {"node": joint, "path": "scale"}}]})
    builder.add("cameras", {"type": "perspective", "perspective": {"yfov": 1.0, "znear": 0.1}})
    lights = [{"type": "spot", "spot": {}}]
    builder.document["extensions"] = {"KHR_lights_punctual": {"lights": lights}}
    builder.document["extensionsUsed"] = ["KHR_lights_punctual", "KHR_texture_transform"]
    builder.scene(node)
    return builder


BASE = rich_builder()
BASE_GLB = BASE.glb()


def _locations(value: Any, path: tuple = ()) -> list[tuple]:
    """Every path to a value inside nested dicts and lists."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _locations(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _locations(item, (*path, index))
    return found


LOCATIONS = _locations(BASE.document)[1:]


def test_rich_document_is_valid(tmp_path: Path) -> None:
    # Given the rich document the fuzzing starts from
    path = tmp_path / "rich.glb"
    path.write_bytes(BASE_GLB)
    # When both validators judge it, Then neither finds an error
    assert khronos_reports(path)[0]["issues"]["numErrors"] == 0
    assert validate_bytes(BASE_GLB).num_errors == 0


# One of each JSON type, plus values near the edges of glTF's ranges; DELETE removes the member.
DELETE = object()
REPLACEMENTS = [DELETE, None, True, -1, 0, 1.5, 70000, "x", [], [1], [None], [[1]], {}, [{}],
                {"a": 1}]


@pytest.mark.parametrize("path", LOCATIONS, ids=lambda path: "/".join(map(str, path)))
def test_every_member_replaced_by_any_json_never_crashes(path: tuple) -> None:
    for replacement in REPLACEMENTS:
        # Given the rich document with one member removed or replaced
        document = copy.deepcopy(BASE.document)
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        if replacement is DELETE:
            del parent[path[-1]]
        else:
            parent[path[-1]] = replacement
        # When it is validated, Then a report comes back
        report = validate_bytes(build_glb(document, bytes(BASE.binary)))
        assert report.num_errors + report.num_warnings + report.num_infos >= 0


@SETTINGS
@given(cut=st.integers(0, len(BASE_GLB)), noise=st.binary(max_size=64),
       at=st.integers(0, len(BASE_GLB)))
def test_damaged_bytes_never_crash(cut: int, noise: bytes, at: int) -> None:
    # Given the GLB truncated and overwritten with random bytes somewhere
    data = bytearray(BASE_GLB[:cut])
    data[at:at + len(noise)] = noise
    # When it is validated, Then a report comes back
    assert validate_bytes(bytes(data)).num_errors >= 0


@SETTINGS
@given(vertices=st.integers(0, 12), faces=st.lists(st.integers(-2, 14), max_size=30))
def test_geometry_checks_accept_any_small_mesh(vertices: int, faces: list[int]) -> None:
    # Given arbitrary positions and arbitrary (even out-of-range) indices
    positions = np.random.default_rng(vertices).normal(size=(vertices, 3))
    # When the geometry is checked, Then issues come back, never an exception
    issues = validate_geometry(positions, np.array(faces, dtype=np.int64), has_normals=False,
                               has_uvs=False, pointer=None)
    assert all(issue.code for issue in issues)
