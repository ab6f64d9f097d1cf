"""USD (USDA, USDC, USDZ) becomes a Khronos-valid GLB in metres and Y up, keeping the stage's
hierarchy, meshes, UsdPreviewSurface materials and textures."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import trimesh
from pxr import Sdf, Usd, UsdGeom, UsdShade

from app.geometry.convert import OptimizeOptions, OutputFormat, convert_glb
from app.geometry.formats import SourceFormat, detect_bytes
from app.geometry.gltf_io import GltfAsset, accessor_array
from app.geometry.ingest import IngestSummary, ingest_path
from tests.geometry.ingest import uploads, usd_uploads
from tests.geometry.ingest.test_ingest_formats import ingest_bytes

# The samples' stage is Z up in centimetres, drawn over x 0..112, y -10..32, z 0..25 cm: in
# glTF (x, z, -y) in metres.
SAMPLE_BOUNDS = {"min": [0.0, 0.0, -0.32], "max": [1.12, 0.25, 0.10]}
SAMPLE_NODES = ["World", "Crate", "Box", "Lid", "Bolts", "Bolt_0", "Shape", "Bolt_1", "Shape"]
Ingested = tuple[IngestSummary, Path]


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Ingested]:
    """Each sample ingested (and judged by Khronos's validator) once for the module."""
    return {name: ingest_bytes(tmp_path_factory.mktemp(name), usd_uploads.sample(name), name)
            for name in ("crate.usda", "crate.usdc", "crate.usdz")}


def usdz_asset(samples: dict[str, Ingested]) -> GltfAsset:
    return uploads.output(samples["crate.usdz"][1])


@pytest.mark.parametrize("name", ["crate.usda", "crate.usdc", "crate.usdz"])
def test_each_usd_encoding_becomes_the_same_scene(samples: dict[str, Ingested],
                                                  name: str) -> None:
    summary, glb = samples[name]

    document = uploads.output(glb).document
    assert summary.source_format == "USD"
    assert summary.validation["num_errors"] == 0
    # 12 (the box's 6 quads) + 3 (a fanned pentagon) + 2 (the bolt, one mesh drawn twice)
    assert summary.stats["triangle_count"] == 17
    assert summary.stats["mesh_count"] == 3
    assert np.allclose(summary.stats["bounds"]["min"], SAMPLE_BOUNDS["min"])
    assert np.allclose(summary.stats["bounds"]["max"], SAMPLE_BOUNDS["max"])
    assert [node["name"] for node in document["nodes"]] == SAMPLE_NODES
    assert document["nodes"][6]["mesh"] == document["nodes"][8]["mesh"]  # instances share it
    assert summary.stats["texture_count"] == (1 if name.endswith(".usdz") else 0)


def test_the_glb_reloads_in_trimesh_as_the_stage_draws(samples: dict[str, Ingested]) -> None:
    scene = trimesh.load(samples["crate.usdz"][1], force="scene")

    assert sum(len(mesh.faces) for mesh in scene.dump()) == 12 + 3 + 2 * 2
    assert np.allclose(scene.bounds, [SAMPLE_BOUNDS["min"], SAMPLE_BOUNDS["max"]])
    box = next(m for m in scene.dump() if len(m.faces) == 12)
    assert np.allclose(box.bounds, [[0.9, 0.0, -0.1], [1.1, 0.2, 0.1]])  # 20 cm, 1 m along x
    box.merge_vertices(merge_tex=True, merge_norm=True)  # its corners differ in normal and UV
    assert box.is_watertight and box.is_winding_consistent
    assert box.volume == pytest.approx(0.2**3)  # positive: its faces point outwards


def test_preview_surfaces_become_pbr_materials(samples: dict[str, Ingested]) -> None:
    asset = usdz_asset(samples)
    wood, colored, metal = asset.document["materials"]
    assert wood["name"] == "Wood"
    assert wood["pbrMetallicRoughness"]["metallicFactor"] == pytest.approx(0.25)
    assert wood["pbrMetallicRoughness"]["roughnessFactor"] == pytest.approx(0.75)
    assert wood["pbrMetallicRoughness"]["baseColorTexture"] == {"index": 0}
    assert wood["emissiveFactor"] == pytest.approx([0.1, 0.0, 0.0])
    assert asset.document["samplers"] == [{"wrapS": 10497, "wrapT": 33648}]  # repeat, mirror
    assert asset.document["images"][0]["mimeType"] == "image/png"
    assert metal["alphaMode"] == "BLEND"
    assert metal["pbrMetallicRoughness"]["baseColorFactor"] == pytest.approx([0.8] * 3 + [0.5])
    assert colored["name"] == "displayColor"
    lid = asset.document["meshes"][1]["primitives"][0]
    colors = accessor_array(asset, lid["attributes"]["COLOR_0"])
    assert np.allclose(colors[:3], [[1, 0, 0], [0, 1, 0], [0, 0, 1]])


def test_the_layer_without_its_texture_keeps_the_diffuse_colour(samples: dict[str, Ingested]
                                                                ) -> None:
    wood = uploads.output(samples["crate.usda"][1]).document["materials"][0]
    assert wood["pbrMetallicRoughness"]["baseColorFactor"] == pytest.approx([0.6, 0.4, 0.2, 1])


def test_face_varying_uvs_are_welded_and_flipped_for_gltf(samples: dict[str, Ingested]
                                                          ) -> None:
    asset = usdz_asset(samples)
    box = asset.document["meshes"][0]["primitives"][0]
    uvs = accessor_array(asset, box["attributes"]["TEXCOORD_0"])
    normals = accessor_array(asset, box["attributes"]["NORMAL"])
    assert len(uvs) == 24  # 6 faces x 4 corners: none shares a normal with another face's
    assert {tuple(uv) for uv in uvs} == {(0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0)}
    assert np.allclose(np.linalg.norm(normals, axis=1), 1)


def test_a_left_handed_mesh_is_wound_for_gltf(tmp_path: Path) -> None:
    (tmp_path / "left").mkdir()
    _, right_glb = ingest_bytes(tmp_path, usd_uploads.quad_layer(), "r.usda")
    _, left_glb = ingest_bytes(tmp_path / "left", usd_uploads.quad_layer(
        orientation="leftHanded"), "l.usda")

    def first_triangle(path: Path) -> list[int]:
        asset = uploads.output(path)
        indices = asset.document["meshes"][0]["primitives"][0]["indices"]
        return accessor_array(asset, indices)[:3].tolist()

    assert first_triangle(left_glb) == first_triangle(right_glb)[::-1]


def test_a_usdz_zipped_elsewhere_is_read(tmp_path: Path) -> None:
    package = usd_uploads.usdz_of({"quad.usda": usd_uploads.quad_layer(texture="paint.png"),
                                   "paint.png": uploads.png_bytes()})

    summary, _ = ingest_bytes(tmp_path, package, "quad.usdz")

    assert (summary.stats["triangle_count"], summary.stats["texture_count"]) == (2, 1)


def test_a_lone_layer_leaves_its_texture_out_with_a_warning(tmp_path: Path) -> None:
    summary, _ = ingest_bytes(tmp_path, usd_uploads.quad_layer(texture="paint.png"), "q.usda")

    missing = [i for i in summary.validation["issues"] if i["code"] == "MISSING_RESOURCE"]
    assert summary.stats["texture_count"] == 0
    assert len(missing) == 1 and "paint.png" in missing[0]["message"]


@pytest.mark.parametrize(("data", "expected"), [
    (b"#usda 1.0\n", SourceFormat.USD),
    (b"PXR-USDC" + bytes(80), SourceFormat.USD),
    (usd_uploads.usdz_of({"a.usdc": b"PXR-USDC", "b.png": b"x"}), SourceFormat.USD),
    # a first entry that is a layer but deflated, or not first: a zip like any other
    (uploads.zip_of({"a.usda": b"#usda 1.0\n" * 10}), SourceFormat.ZIP),
    (usd_uploads.usdz_of({"b.png": b"x", "a.usda": b"#usda 1.0\n"}), SourceFormat.ZIP),
])
def test_usd_is_detected_from_its_bytes(data: bytes, expected: SourceFormat) -> None:
    assert detect_bytes(data, "upload.bin") is expected


def test_geom_subsets_become_one_primitive_per_material(tmp_path: Path) -> None:
    stage = Usd.Stage.CreateInMemory()
    UsdGeom.SetStageMetersPerUnit(stage, 1.0)
    mesh = UsdGeom.Mesh.Define(stage, "/Strip")
    mesh.CreatePointsAttr([(0, 0, 0), (1, 0, 0), (2, 0, 0), (0, 1, 0), (1, 1, 0), (2, 1, 0)])
    mesh.CreateFaceVertexCountsAttr([4, 4])
    mesh.CreateFaceVertexIndicesAttr([0, 1, 4, 3, 1, 2, 5, 4])
    materials = []
    for name, color in (("Red", (1, 0, 0)), ("Blue", (0, 0, 1))):
        material = UsdShade.Material.Define(stage, f"/Looks/{name}")
        surface = UsdShade.Shader.Define(stage, f"/Looks/{name}/Surface")
        surface.CreateIdAttr("UsdPreviewSurface")
        surface.CreateInput("diffuseColor", Sdf.ValueTypeNames.Color3f).Set(color)
        material.CreateSurfaceOutput().ConnectToSource(surface.ConnectableAPI(), "surface")
        materials.append(material)
    UsdShade.MaterialBindingAPI.Apply(mesh.GetPrim()).Bind(materials[0])
    subset = UsdShade.MaterialBindingAPI(mesh).CreateMaterialBindSubset("right", [1])
    UsdShade.MaterialBindingAPI.Apply(subset.GetPrim()).Bind(materials[1])

    summary, glb = ingest_bytes(tmp_path, stage.GetRootLayer().ExportToString().encode(),
                                "strip.usda")

    document = uploads.output(glb).document
    primitives = document["meshes"][0]["primitives"]
    names = [document["materials"][p["material"]]["name"] for p in primitives]
    assert names == ["Red", "Blue"] and summary.stats["triangle_count"] == 4


def test_a_usdz_of_atelier_s_own_export_comes_back(tmp_path: Path) -> None:
    (tmp_path / "crate.zip").write_bytes(uploads.rich_gltf_zip())
    original = ingest_path(tmp_path / "crate.zip", "crate.zip", tmp_path / "original.glb")
    usdz = convert_glb(tmp_path / "original.glb", OutputFormat.USDZ, OptimizeOptions(),
                       tmp_path).path

    summary, _ = ingest_bytes(tmp_path, usdz.read_bytes(), "crate.usdz")

    for end in ("min", "max"):
        assert np.allclose(summary.stats["bounds"][end], original.stats["bounds"][end])
    assert (summary.stats["material_count"], summary.stats["texture_count"]) == (1, 1)
    # the export writes the mesh its two nodes share once per node
    assert summary.stats["triangle_count"] == 2 * original.stats["triangle_count"]


def test_what_is_left_out_is_a_warning(tmp_path: Path) -> None:
    stage = Usd.Stage.Open(str(usd_uploads.DATA / "crate.usda"))
    stage.DefinePrim("/World/Key", "SphereLight")
    stage.DefinePrim("/World/Shot", "Camera")
    stage.DefinePrim("/World/Ball", "Sphere")

    summary, _ = ingest_bytes(tmp_path, stage.ExportToString().encode(), "lit.usda")

    left_out = {i["message"] for i in summary.validation["issues"]
                if i["code"] == "USD_FEATURE_LEFT_OUT"}
    assert {"cameras and lights are not read", "Sphere prims are not read, only meshes"} <= \
        left_out
    assert summary.stats["triangle_count"] == 17  # the sample's meshes, nothing else
