"""Every input format becomes a Khronos-valid GLB that keeps what the source had."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import trimesh

from app.geometry.gltf_io import accessor_array
from app.geometry.ingest import IngestSummary, ingest_path
from tests.geometry.ingest import uploads
from tests.support.gltf_validator import khronos_errors


def ingest_bytes(tmp_path: Path, data: bytes, filename: str) -> tuple[IngestSummary, Path]:
    source, output = tmp_path / filename, tmp_path / "out.glb"
    source.write_bytes(data)
    summary = ingest_path(source, filename, output)
    assert khronos_errors(output) == []
    return summary, output


def test_gltf_in_a_zip_keeps_its_whole_document(tmp_path: Path) -> None:
    summary, glb = ingest_bytes(tmp_path, uploads.rich_gltf_zip(), "crate.zip")

    document = uploads.output(glb).document
    assert summary.source_format == "GLTF"
    assert [node.get("name") for node in document["nodes"]] == ["lid", "eye", "lamp",
                                                                 "crate_root"]
    assert document["nodes"][3]["children"] == [0, 1, 2]
    assert document["cameras"][0]["perspective"]["yfov"] == 0.8
    assert document["extensions"]["KHR_lights_punctual"]["lights"][0]["type"] == "spot"
    assert document["animations"][0]["name"] == "open"
    assert document["materials"][0]["name"] == "wood"
    assert document["images"][0]["mimeType"] == "image/png"
    assert "uri" not in document["images"][0] and len(document["buffers"]) == 1
    attributes = document["meshes"][0]["primitives"][0]["attributes"]
    assert {"POSITION", "NORMAL", "TEXCOORD_0", "COLOR_0"} <= set(attributes)
    assert (summary.stats["texture_count"], summary.stats["animation_count"]) == (1, 1)
    assert summary.validation["num_errors"] == 0


def test_gltf_with_data_uris_is_packed_into_one_buffer(tmp_path: Path) -> None:
    document, binary, image = uploads.rich_gltf()

    summary, glb = ingest_bytes(tmp_path, uploads.embedded_gltf(document, binary, image),
                                "crate.gltf")

    packed = uploads.output(glb)
    assert summary.source_format == "GLTF"
    assert summary.stats["triangle_count"] == 12  # one mesh, drawn by two nodes
    assert [list(buffer) for buffer in packed.document["buffers"]] == [["byteLength"]]
    assert "uri" not in packed.document["images"][0]


def test_obj_zip_keeps_its_texture_and_uvs(tmp_path: Path) -> None:
    files = uploads.textured_obj_files()

    summary, glb = ingest_bytes(tmp_path, uploads.zip_of(files), "box.zip")

    document = uploads.output(glb).document
    assert summary.source_format == "OBJ"
    assert summary.stats["texture_count"] == 1
    assert document["materials"][0]["pbrMetallicRoughness"]["baseColorTexture"] == {"index": 0}
    assert "TEXCOORD_0" in document["meshes"][0]["primitives"][0]["attributes"]
    assert summary.validation["num_errors"] == 0


def test_obj_alone_loads_without_its_material_and_says_so(tmp_path: Path) -> None:
    obj = uploads.textured_obj_files()["box.obj"]

    summary, _ = ingest_bytes(tmp_path, obj, "box.obj")

    assert summary.stats["texture_count"] == 0
    missing = [i for i in summary.validation["issues"] if i["code"] == "MISSING_RESOURCE"]
    assert len(missing) == 1 and missing[0]["severity"] == "WARNING"
    assert "box.mtl" in missing[0]["message"]


@pytest.mark.parametrize("encoding", ["binary", "ascii"])
def test_ply_keeps_vertex_colours(tmp_path: Path, encoding: str) -> None:
    data = uploads.colored_ply(encoding)
    expected = trimesh.load(trimesh.util.wrap_as_stream(data), file_type="ply", process=False)

    summary, glb = ingest_bytes(tmp_path, data, f"sphere-{encoding}.ply")

    asset = uploads.output(glb)
    primitive = asset.document["meshes"][0]["primitives"][0]
    colors = accessor_array(asset, primitive["attributes"]["COLOR_0"])
    assert summary.source_format == "PLY"
    assert np.allclose(colors[:, :3] * 255, expected.visual.vertex_colors[:, :3], atol=1)


def test_off_and_stl_become_welded_meshes(tmp_path: Path) -> None:
    sphere = trimesh.creation.icosphere(subdivisions=2)

    off, _ = ingest_bytes(tmp_path, sphere.export(file_type="off").encode(), "s.off")
    stl, _ = ingest_bytes(tmp_path, bytes(sphere.export(file_type="stl")), "s.stl")

    assert (off.source_format, stl.source_format) == ("OFF", "STL")
    assert off.stats["triangle_count"] == stl.stats["triangle_count"] == len(sphere.faces)
    assert stl.stats["vertex_count"] == len(sphere.vertices)  # corners welded, not 3 per face
    assert not {"GEOMETRY_NON_MANIFOLD_EDGES", "GEOMETRY_INCONSISTENT_WINDING"} & {
        issue["code"] for issue in stl.validation["issues"]}


def test_3mf_becomes_its_meshes(tmp_path: Path) -> None:
    summary, _ = ingest_bytes(tmp_path, uploads.three_mf(), "parts.3mf")

    assert summary.source_format == "3MF"
    assert summary.stats["mesh_count"] == 2
    assert summary.stats["triangle_count"] == 12 + 1280


@pytest.mark.parametrize(("fmt", "suffix", "source_format"), [
    ("collada", ".dae", "DAE"), ("fbxa", ".fbx", "FBX")])
def test_assimp_formats_keep_named_meshes(tmp_path: Path, fmt: str, suffix: str,
                                          source_format: str) -> None:
    data = uploads.assimp_export(uploads.named_hierarchy_glb(), tmp_path, fmt, suffix)

    summary, glb = ingest_bytes(tmp_path, data, f"car{suffix}")

    names = {node.get("name") for node in uploads.output(glb).document["nodes"]}
    assert summary.source_format == source_format
    assert summary.stats["triangle_count"] == 12 + 80
    assert {"chassis", "wheel"} <= names | {m.removesuffix("_mesh") for m in names if m}


def test_dae_in_a_zip_embeds_its_texture(tmp_path: Path) -> None:
    obj = uploads.textured_obj_files()
    (tmp_path / "box.obj").write_bytes(obj["box.obj"])
    for name in ("box.mtl", "material_0.png"):
        (tmp_path / name).write_bytes(obj[name])
    dae = tmp_path / "box.dae"
    uploads.subprocess.run(["assimp", "export", str(tmp_path / "box.obj"), str(dae),
                            "-fcollada"], check=True, capture_output=True, timeout=60)
    texture = next(n for n in obj if n.endswith(".png"))

    summary, glb = ingest_bytes(tmp_path, uploads.zip_of(
        {"model/box.dae": dae.read_bytes(), f"model/{texture}": obj[texture]}), "dae.zip")

    assert summary.stats["texture_count"] == 1
    assert json.dumps(uploads.output(glb).document["images"][0]).count("bufferView") == 1
