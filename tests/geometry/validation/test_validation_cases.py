"""Deliberately broken glTF files: our codes and pointers, and agreement with Khronos on errors."""

from __future__ import annotations

import io
import struct
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import trimesh
from PIL import Image

from app.geometry.gltf_io import GltfAsset
from app.geometry.validation import Severity, validate_bytes, validate_glb
from tests.geometry.validation.builders import GltfBuilder, box_builder
from tests.support.gltf_validator import khronos_reports

Case = Callable[[GltfBuilder], bytes]


def _edit(change: Callable[[dict], None]) -> Case:
    def build(builder: GltfBuilder) -> bytes:
        change(builder.document)
        return builder.glb()
    return build


def _poke(accessor: int, value: float | int, dtype: str) -> Case:
    """Overwrite the first value of an accessor's data."""
    def build(builder: GltfBuilder) -> bytes:
        doc = builder.document
        view = doc["bufferViews"][doc["accessors"][accessor]["bufferView"]]
        struct.pack_into(dtype, builder.binary, view["byteOffset"], value)
        return builder.glb()
    return build


def _with_image(declared_type: str) -> Case:
    def build(builder: GltfBuilder) -> bytes:
        png = io.BytesIO()
        Image.new("RGB", (4, 4), (200, 10, 10)).save(png, format="PNG")
        builder.binary += b"\x00" * (-len(builder.binary) % 4)
        view = builder.add("bufferViews", {"buffer": 0, "byteOffset": len(builder.binary),
                                           "byteLength": len(png.getvalue())})
        builder.binary += png.getvalue()
        builder.add("images", {"bufferView": view, "mimeType": declared_type})
        return builder.glb()
    return build


def _loop(doc: dict) -> None:
    doc["nodes"] += [{"children": [2]}, {"children": [1]}]


def _two_parents(doc: dict) -> None:
    doc["nodes"] += [{"children": [3]}, {"children": [3]}, {"name": "shared"}]
    doc["scenes"][0]["nodes"] += [1, 2]


def _animation_on_positions(doc: dict) -> None:
    doc["animations"] = [{"channels": [{"sampler": 0, "target": {"node": 0, "path": "scale"}}],
                          "samplers": [{"input": 0, "output": 0}]}]


# name: (how to break the box, expected (code, pointer), severity of that issue)
CASES: dict[str, tuple[Case, tuple[str, str | None], Severity]] = {
    "unresolved_attribute": (
        _edit(lambda d: d["meshes"][0]["primitives"][0]["attributes"].update(NORMAL=99)),
        ("UNRESOLVED_REFERENCE", "/meshes/0/primitives/0/attributes/NORMAL"), Severity.ERROR),
    "invalid_mode": (_edit(lambda d: d["meshes"][0]["primitives"][0].update(mode=9)),
                     ("VALUE_NOT_IN_RANGE", "/meshes/0/primitives/0/mode"), Severity.ERROR),
    "invalid_component_type": (_edit(lambda d: d["accessors"][1].update(componentType=5124)),
                               ("VALUE_NOT_IN_LIST", "/accessors/1/componentType"),
                               Severity.WARNING),
    "invalid_sampler_filter": (_edit(lambda d: d.update(samplers=[{"magFilter": 1234}])),
                               ("VALUE_NOT_IN_LIST", "/samplers/0/magFilter"), Severity.WARNING),
    "missing_required_property": (_edit(lambda d: d["accessors"][0].pop("count")),
                                  ("UNDEFINED_PROPERTY", "/accessors/0"), Severity.ERROR),
    "buffer_view_overrun": (_edit(lambda d: d["bufferViews"][0].update(byteLength=10_000)),
                            ("BUFFER_VIEW_TOO_LONG", "/bufferViews/0/byteLength"),
                            Severity.ERROR),
    "accessor_overrun": (_edit(lambda d: d["accessors"][2].update(count=39)),
                         ("ACCESSOR_TOO_LONG", "/accessors/2"), Severity.ERROR),
    "min_mismatch": (_edit(lambda d: d["accessors"][0]["min"].__setitem__(1, -5.0)),
                     ("ACCESSOR_MIN_MISMATCH", "/accessors/0/min/1"), Severity.ERROR),
    "index_out_of_range": (_poke(2, 100, "<I"),
                           ("ACCESSOR_INDEX_OOB", "/meshes/0/primitives/0/indices"),
                           Severity.ERROR),
    "nan_position": (_poke(0, float("nan"), "<f"), ("ACCESSOR_INVALID_FLOAT", "/accessors/0"),
                     Severity.ERROR),
    "node_loop": (_edit(_loop), ("NODE_LOOP", "/nodes/1"), Severity.ERROR),
    "two_parents": (_edit(_two_parents), ("NODE_PARENT_OVERRIDE", "/nodes/2/children/0"),
                    Severity.ERROR),
    "matrix_and_trs": (_edit(lambda d: d["nodes"][0].update(
        matrix=[1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 5, 0, 0, 1], translation=[1, 2, 3])),
        ("NODE_MATRIX_TRS", "/nodes/0/matrix"), Severity.ERROR),
    "missing_asset": (_edit(lambda d: d.pop("asset")), ("UNDEFINED_PROPERTY", "/"),
                      Severity.ERROR),
    "future_major_version": (_edit(lambda d: d["asset"].update(version="3.0")),
                             ("UNKNOWN_ASSET_MAJOR_VERSION", "/asset/version"), Severity.ERROR),
    "required_but_unused_extension": (
        _edit(lambda d: d.update(extensionsUsed=["KHR_texture_transform"],
                                 extensionsRequired=["KHR_materials_unlit"])),
        ("UNUSED_EXTENSION_REQUIRED", "/extensionsRequired/0"), Severity.ERROR),
    "required_unsupported_extension": (
        _edit(lambda d: d.update(extensionsUsed=["KHR_draco_mesh_compression"],
                                 extensionsRequired=["KHR_draco_mesh_compression"])),
        ("UNSUPPORTED_REQUIRED_EXTENSION", "/extensionsRequired/0"), Severity.WARNING),
    "undeclared_extension": (
        _edit(lambda d: d["nodes"][0].update(extensions={"KHR_lights_punctual": {"light": 0}})),
        ("UNDECLARED_EXTENSION", "/nodes/0/extensions/KHR_lights_punctual"), Severity.ERROR),
    "unresolved_joint": (_edit(lambda d: (d.update(skins=[{"joints": [42]}]),
                                          d["nodes"][0].update(skin=0))),
                         ("UNRESOLVED_REFERENCE", "/skins/0/joints/0"), Severity.ERROR),
    "animation_input_format": (_edit(_animation_on_positions),
                               ("ANIMATION_SAMPLER_INPUT_ACCESSOR_INVALID_FORMAT",
                                "/animations/0/samplers/0/input"), Severity.ERROR),
    "camera_depth_range": (_edit(lambda d: d.update(cameras=[{
        "type": "perspective", "perspective": {"yfov": 1.0, "znear": 1.0, "zfar": 0.5}}])),
        ("CAMERA_ZFAR_LEQUAL_ZNEAR", "/cameras/0/perspective"), Severity.ERROR),
    "image_type_mismatch": (_with_image("image/jpeg"),
                            ("IMAGE_MIME_TYPE_INVALID", "/images/0/bufferView"), Severity.ERROR),
    "truncated_glb": (lambda b: b.glb()[:-40], ("GLB_UNEXPECTED_END_OF_CHUNK_DATA", None),
                      Severity.ERROR),
    "json_syntax_error": (lambda b: b'{"asset": {"version": "2.0"}', ("INVALID_JSON", None),
                          Severity.ERROR),
}


@pytest.fixture(scope="module")
def case_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bytes, dict]]:
    """Every case's bytes and Khronos's report on them, validated in one Node run."""
    folder = tmp_path_factory.mktemp("cases")
    paths, data = {}, {}
    for name, (build, _, _) in CASES.items():
        data[name] = build(box_builder())
        paths[name] = folder / f"{name}.{'gltf' if name.startswith('json') else 'glb'}"
        paths[name].write_bytes(data[name])
    reports = khronos_reports(*paths.values())
    return {name: (data[name], report) for name, report in zip(paths, reports, strict=True)}


@pytest.mark.parametrize("name", CASES)
def test_broken_file_reports_khronos_code_at_pointer(
        name: str, case_files: dict[str, tuple[bytes, dict]]) -> None:
    # Given a box broken in one way
    data, _ = case_files[name]
    _, (code, pointer), severity = CASES[name]
    # When we validate its bytes
    report = validate_bytes(data)
    # Then the expected issue is there, at Khronos's pointer and severity
    found = {(i.code, i.pointer, i.severity) for i in report.issues}
    assert (code, pointer, severity) in found


@pytest.mark.parametrize("name", CASES)
def test_broken_file_errors_agree_with_khronos(
        name: str, case_files: dict[str, tuple[bytes, dict]]) -> None:
    # Given a broken box and Khronos's verdict on it
    data, khronos = case_files[name]
    # When we validate it
    report = validate_bytes(data)
    # Then both find errors, or neither does
    assert (report.num_errors > 0) == (khronos["issues"]["numErrors"] > 0), report.to_dict()


def test_valid_box_has_no_errors_here_or_at_khronos(tmp_path: Path) -> None:
    # Given a valid box written to a file
    path = tmp_path / "box.glb"
    path.write_bytes(box_builder().glb())
    # When both validators judge it
    ours = validate_bytes(path.read_bytes())
    khronos = khronos_reports(path)[0]
    # Then neither reports errors, and ours only warns that the box has no UVs
    assert khronos["issues"]["numErrors"] == 0
    assert ours.num_errors == 0
    assert ours.codes(Severity.WARNING) == {"GEOMETRY_MISSING_TEXCOORDS"}


def test_loaded_asset_gets_the_same_report_as_its_bytes() -> None:
    # Given a box whose declared minimum x lies above four of its corners
    builder = box_builder()
    builder.document["accessors"][0]["min"][0] = 0.4
    data = builder.glb()
    asset: GltfAsset = builder.asset()
    # When both entry points validate it
    from_bytes, from_asset = validate_bytes(data), validate_glb(asset)
    # Then they report the same issues
    assert from_asset.issues == from_bytes.issues
    assert from_asset.num_errors == 2  # the mismatch and the element out of bounds


def test_values_are_read_through_byte_stride(tmp_path: Path) -> None:
    # Given positions and normals interleaved in one strided buffer view, one normal too short
    box = trimesh.creation.box()
    normals = box.vertex_normals.astype(np.float32)
    normals[5] *= 0.5
    interleaved = np.hstack([box.vertices.astype(np.float32), normals])
    builder = GltfBuilder()
    builder.binary += interleaved.tobytes()
    view = builder.add("bufferViews", {"buffer": 0, "byteLength": interleaved.nbytes,
                                       "byteStride": 24, "target": 34962})
    position = builder.add("accessors", {
        "bufferView": view, "componentType": 5126, "count": 8, "type": "VEC3",
        "min": box.vertices.min(axis=0).tolist(), "max": box.vertices.max(axis=0).tolist()})
    normal = builder.add("accessors", {"bufferView": view, "byteOffset": 12,
                                       "componentType": 5126, "count": 8, "type": "VEC3"})
    indices = builder.accessor(box.faces.reshape(-1).astype(np.uint32), target=34963)
    mesh = builder.add("meshes", {"primitives": [
        {"attributes": {"POSITION": position, "NORMAL": normal}, "indices": indices}]})
    builder.scene(builder.add("nodes", {"mesh": mesh}))
    path = tmp_path / "interleaved.glb"
    path.write_bytes(builder.glb())
    # When both validators judge it
    report = validate_bytes(path.read_bytes())
    khronos = khronos_reports(path)[0]["issues"]["messages"]
    # Then both find exactly the short normal, at the attribute that uses it
    ours = [(i.code, i.pointer) for i in report.issues if i.severity is Severity.ERROR]
    theirs = [(m["code"], m["pointer"]) for m in khronos if m["severity"] == 0]
    assert ours == theirs == [("ACCESSOR_VECTOR3_NON_UNIT",
                               "/meshes/0/primitives/0/attributes/NORMAL")]


def test_deep_node_chain_and_a_loop_report_only_the_loop() -> None:
    # Given a chain of 20,000 nodes under the box, and three nodes that are each other's parents
    builder = box_builder()
    nodes = builder.document["nodes"]
    depth = 20_000
    nodes[0]["children"] = [1]
    nodes += [{"children": [i + 2]} for i in range(depth - 1)] + [{"name": "leaf"}]
    nodes += [{"children": [depth + 2]}, {"children": [depth + 3]}, {"children": [depth + 1]}]
    # When it is validated
    report = validate_bytes(builder.glb())
    # Then exactly the three nodes of the loop are reported
    loops = sorted(i.pointer for i in report.issues if i.code == "NODE_LOOP")
    assert loops == [f"/nodes/{depth + k}" for k in (1, 2, 3)]
