"""Every output format, read back by an independent reader, holds the source's geometry."""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import pytest
import trimesh
from PIL import Image
from pxr import Usd, UsdGeom, UsdShade

from app.geometry.convert import ConvertedFile, OptimizeOptions, OutputFormat, convert_glb
from tests.geometry.convert.readers import (
    Geometry,
    glb_document,
    trimesh_geometry,
    unzip,
    usd_errors,
    usd_geometry,
)
from tests.support.gltf_validator import khronos_reports

USDZ_ALIGNMENT = 64


def read_back(result: ConvertedFile, folder: Path) -> Geometry:
    """The output's triangles and bounds, as a reader other than ours sees them."""
    if result.format is OutputFormat.USDZ:
        return usd_geometry(Usd.Stage.Open(str(result.path)))
    if result.format is OutputFormat.GLTF:
        return trimesh_geometry(unzip(result.path, folder) / "scene.gltf")
    if result.format is OutputFormat.OBJ:
        return trimesh_geometry(unzip(result.path, folder) / "scene.obj")
    return trimesh_geometry(result.path)


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_every_format_keeps_triangles_and_bounds(
    any_source: Path, fmt: OutputFormat, tmp_path: Path
) -> None:
    # given a textured, a multi-mesh or a vertex-coloured model
    source = trimesh_geometry(any_source)
    # when it is converted without optimisation
    result = convert_glb(any_source, fmt, OptimizeOptions(), tmp_path)
    # then an independent reader finds the same triangles in the same place
    output = read_back(result, tmp_path / "unzipped")
    assert result.triangle_count == source.triangles
    assert output.triangles == source.triangles
    np.testing.assert_allclose(output.bounds, source.bounds, atol=1e-5)


def test_gltf_outputs_pass_the_khronos_validator(
    textured_box_glb: Path, hierarchy_glb: Path, colored_sphere_glb: Path, tmp_path: Path
) -> None:
    # given every kind of model converted to GLB and to a glTF zip
    judged = []
    for index, source in enumerate((textured_box_glb, hierarchy_glb, colored_sphere_glb)):
        folder = tmp_path / str(index)
        folder.mkdir()
        judged.append(convert_glb(source, OutputFormat.GLB, OptimizeOptions(), folder).path)
        gltf = convert_glb(source, OutputFormat.GLTF, OptimizeOptions(), folder)
        judged.append(unzip(gltf.path, folder / "gltf") / "scene.gltf")
    # when Khronos's validator reads them
    reports = khronos_reports(*judged)
    # then none has an error, and each drew its triangles
    assert [r["issues"]["numErrors"] for r in reports] == [0] * len(judged)
    assert all(r["info"]["totalTriangleCount"] > 0 for r in reports)


def test_glb_keeps_node_hierarchy_materials_and_textures(
    hierarchy_glb: Path, tmp_path: Path
) -> None:
    # given a parent, child, grandchild chain with a textured material
    source = glb_document(hierarchy_glb)
    # when it is converted to GLB
    output = glb_document(convert_glb(hierarchy_glb, OutputFormat.GLB, OptimizeOptions(),
                                      tmp_path).path)
    # then nodes, their transforms and children, materials and images all survive
    def tree(document: dict) -> list:
        return [(n.get("name"), n.get("children"), n.get("matrix")) for n in document["nodes"]]

    assert tree(output) == tree(source)
    assert output["materials"] == source["materials"]
    assert len(output["images"]) == len(source["images"]) == 1


def test_gltf_zip_holds_gltf_bin_and_texture_files(textured_box_glb: Path, tmp_path: Path) -> None:
    # given a textured box
    result = convert_glb(textured_box_glb, OutputFormat.GLTF, OptimizeOptions(), tmp_path)
    # when the zip is opened
    with zipfile.ZipFile(result.path) as archive:
        names = set(archive.namelist())
        texture = Image.open(archive.open("texture_000.png"))
    # then it holds the JSON, the buffer and the texture, which decodes at full size
    assert names == {"scene.gltf", "scene.bin", "texture_000.png"}
    assert texture.size == (64, 64)
    assert result.filename == "model.gltf.zip"
    assert result.content_type == "application/zip"


def test_obj_zip_keeps_material_and_texture(textured_box_glb: Path, tmp_path: Path) -> None:
    # given a textured box
    result = convert_glb(textured_box_glb, OutputFormat.OBJ, OptimizeOptions(), tmp_path)
    # when trimesh loads the OBJ with its MTL
    folder = unzip(result.path, tmp_path / "obj")
    loaded = trimesh.load(folder / "scene.obj", process=False)
    mesh = next(iter(loaded.geometry.values())) if isinstance(loaded, trimesh.Scene) else loaded
    # then the texture is found through map_Kd, and UVs come with every vertex
    assert "map_Kd texture_000.png" in (folder / "scene.mtl").read_text()
    assert mesh.visual.kind == "texture"
    assert mesh.visual.material.image.size == (64, 64)
    assert len(mesh.visual.uv) == len(mesh.vertices)


def test_ply_and_obj_keep_vertex_colours(colored_sphere_glb: Path, tmp_path: Path) -> None:
    # given a sphere with a colour per vertex
    source = trimesh.load(colored_sphere_glb, process=False)
    expected = next(iter(source.geometry.values())).visual.vertex_colors[:, :3]
    # when it is converted to PLY and OBJ
    ply = convert_glb(colored_sphere_glb, OutputFormat.PLY, OptimizeOptions(), tmp_path)
    obj = convert_glb(colored_sphere_glb, OutputFormat.OBJ, OptimizeOptions(), tmp_path)
    # then both carry the same colours on the same vertices
    from_ply = trimesh.load(ply.path, process=False).visual.vertex_colors[:, :3]
    obj_path = unzip(obj.path, tmp_path / "obj") / "scene.obj"
    with obj_path.open() as stream:  # trimesh's loader, before a material replaces the colours
        parsed = trimesh.exchange.obj.load_obj(
            stream, resolver=trimesh.resolvers.FilePathResolver(str(obj_path)))
    from_obj = next(iter(parsed["geometry"].values()))["vertex_colors"][:, :3]
    np.testing.assert_array_equal(from_ply, expected)
    np.testing.assert_allclose(from_obj * 255, expected, atol=0.5)


def test_stl_is_binary_and_mirrored_parts_stay_outward(hierarchy_glb: Path, tmp_path: Path) -> None:
    # given a scene whose grandchild is mirrored by a negative scale
    expected_volume = trimesh.load(hierarchy_glb).to_mesh().volume
    # when it is converted to STL
    result = convert_glb(hierarchy_glb, OutputFormat.STL, OptimizeOptions(), tmp_path)
    mesh = trimesh.load(result.path)
    # then the file is binary STL, and no part turned inside out (which would cut the volume)
    assert result.path.stat().st_size == 84 + 50 * result.triangle_count
    assert mesh.volume == pytest.approx(expected_volume, rel=1e-4)


def test_usdz_is_ready_for_ar_quick_look(hierarchy_glb: Path, tmp_path: Path) -> None:
    # given a textured, coloured, hierarchical scene
    result = convert_glb(hierarchy_glb, OutputFormat.USDZ, OptimizeOptions(), tmp_path)
    stage = Usd.Stage.Open(str(result.path))
    # then usd-core's validators (package, shading, geometry) find nothing wrong
    assert usd_errors(stage) == []
    assert UsdGeom.GetStageUpAxis(stage) == UsdGeom.Tokens.y
    assert UsdGeom.GetStageMetersPerUnit(stage) == 1.0
    # and every file in the package is stored uncompressed on a 64-byte boundary
    with zipfile.ZipFile(result.path) as archive:
        entries = archive.infolist()
        raw = result.path.read_bytes()
    for entry in entries:
        name_length = int.from_bytes(raw[entry.header_offset + 26 : entry.header_offset + 28],
                                     "little")
        extra_length = int.from_bytes(raw[entry.header_offset + 28 : entry.header_offset + 30],
                                      "little")
        assert entry.compress_type == zipfile.ZIP_STORED
        assert (entry.header_offset + 30 + name_length + extra_length) % USDZ_ALIGNMENT == 0
    assert any(e.filename.endswith(".png") for e in entries)
    # and each mesh is bound to a UsdPreviewSurface material, the arm's one textured
    meshes = [p for p in stage.Traverse() if p.IsA(UsdGeom.Mesh)]
    assert [str(p.GetParent().GetName()) for p in meshes] == ["base", "arm", "tip"]
    shaders = [s for s in stage.Traverse() if s.IsA(UsdShade.Shader)]
    ids = {UsdShade.Shader(s).GetIdAttr().Get() for s in shaders}
    assert {"UsdPreviewSurface", "UsdUVTexture", "UsdPrimvarReader_float2"} <= ids
    for mesh in meshes:
        material, _ = UsdShade.MaterialBindingAPI(mesh).ComputeBoundMaterial()
        assert material
