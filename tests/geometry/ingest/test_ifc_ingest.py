"""IFC (IFC4, IFC2X3 and IFC4X3) becomes a Khronos-valid GLB in metres and Y up: a node per element
with geometry, under its storey, building and site, keeping its class, GlobalId, name and
property sets in `extras`, drawn with the IFC styles' colours; broken files fail precisely."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import ifcopenshell
import ifcopenshell.geom
import numpy as np
import pytest
import trimesh

from app.errors import ErrorCode
from app.geometry import ifc_import
from app.geometry.formats import SourceFormat, detect_bytes
from app.geometry.gltf_io import accessor_array
from app.geometry.ingest import IngestLimits, IngestSummary
from tests.data.ifc.make_samples import GLOBAL_IDS, NOT_DRAWN
from tests.geometry.ingest import uploads
from tests.geometry.ingest.test_ingest_formats import ingest_bytes
from tests.geometry.ingest.test_ingest_hostile import failure

DATA = Path(__file__).resolve().parents[2] / "data" / "ifc"
SAMPLES = {"house.ifc": "IfcWall", "house_ifc2x3.ifc": "IfcWallStandardCase",
           "house_ifc4x3.ifc": "IfcWall"}
# The samples are drawn over x 0..4, y 0..3, z -0.2 (the slab's underside)..5.5 m (the upper
# wall's top, its storey 3 m up); Z up, in millimetres in the file: in glTF (x, z, -y), metres.
BOUNDS = [[0.0, -0.2, -3.0], [4.0, 5.5, 0.0]]
# Boxes of 12 triangles: a wall and a slab on the ground floor, a wall upstairs; and the
# ground floor's other wall with a window cut through it (32).
TRIANGLES = 3 * 12 + 32
Ingested = tuple[IngestSummary, dict[str, Any]]


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[IngestSummary, Path]]:
    """Each sample ingested (and judged by Khronos's validator) once for the module."""
    return {name: ingest_bytes(tmp_path_factory.mktemp(name), (DATA / name).read_bytes(), name)
            for name in SAMPLES}


def nodes_by_name(glb: Path) -> dict[str, dict[str, Any]]:
    return {node["name"]: node for node in uploads.output(glb).document["nodes"]}


def shapes_of(name: str) -> int:
    """How many elements ifcopenshell's own iterator draws in the sample, openings aside."""
    # The iterator does not keep the file alive: hold it here.
    model, settings = ifcopenshell.open(str(DATA / name)), ifcopenshell.geom.settings()
    iterator = ifcopenshell.geom.iterator(settings, model, num_threads=1,
                                          exclude=["IfcOpeningElement"])
    count = int(iterator.initialize())
    while count and iterator.next():
        count += 1
    return count


@pytest.mark.parametrize("name", list(SAMPLES))
def test_each_element_with_geometry_is_one_node_with_a_mesh(
        samples: dict[str, tuple[IngestSummary, Path]], name: str) -> None:
    summary, glb = samples[name]

    meshed = [node for node in uploads.output(glb).document["nodes"] if "mesh" in node]
    assert detect_bytes((DATA / name).read_bytes(), name) is SourceFormat.IFC
    assert summary.source_format == "IFC" and summary.validation["num_errors"] == 0
    assert len(meshed) == shapes_of(name) == 4
    assert sorted(node["extras"]["globalId"] for node in meshed) == sorted(
        gid for element, gid in GLOBAL_IDS.items() if element not in NOT_DRAWN)
    assert {node["extras"]["ifcClass"] for node in meshed} == {SAMPLES[name], "IfcSlab"}
    assert summary.stats["triangle_count"] == TRIANGLES


@pytest.mark.parametrize("name", list(SAMPLES))
def test_elements_hang_under_their_storey_building_site_and_project(
        samples: dict[str, tuple[IngestSummary, Path]], name: str) -> None:
    _, glb = samples[name]
    document = uploads.output(glb).document
    nodes = document["nodes"]

    def children(node: dict[str, Any]) -> list[str]:
        return [nodes[child]["name"] for child in node.get("children", [])]

    by_name = nodes_by_name(glb)
    assert [nodes[root]["name"] for root in document["scenes"][0]["nodes"]] == ["Sample House"]
    assert children(by_name["Sample House"]) == ["Site"]
    assert children(by_name["Site"]) == ["House"]
    assert children(by_name["House"]) == ["Ground Floor", "Upper Floor"]
    assert children(by_name["Ground Floor"]) == ["Wall South", "Wall East", "Ground Slab"]
    assert children(by_name["Upper Floor"]) == ["Wall Upper"]
    assert by_name["Ground Floor"]["extras"]["ifcClass"] == "IfcBuildingStorey"
    assert "Marker" not in by_name  # an element without a representation draws nothing
    assert "Window" not in by_name  # an opening is a hole in its wall, not a thing drawn


def test_an_opening_is_cut_out_of_its_wall(
        samples: dict[str, tuple[IngestSummary, Path]]) -> None:
    for name in SAMPLES:
        asset = uploads.output(samples[name][1])
        wall = nodes_by_name(samples[name][1])["Wall South"]

        primitive = asset.document["meshes"][wall["mesh"]]["primitives"][0]
        positions = accessor_array(asset, primitive["attributes"]["POSITION"])
        assert accessor_array(asset, primitive["indices"]).size == 32 * 3
        # The window's jambs, 1.5 and 2.5 m along the wall, are edges of the mesh.
        assert {1.5, 2.5} <= {round(float(x), 6) for x in positions[:, 0]}


def test_property_sets_are_kept_as_json_values(
        samples: dict[str, tuple[IngestSummary, Path]]) -> None:
    for name in SAMPLES:
        extras = nodes_by_name(samples[name][1])["Wall South"]["extras"]

        assert extras["name"] == "Wall South"
        assert extras["globalId"] == GLOBAL_IDS["Wall South"]
        assert extras["psets"] == {"Pset_WallCommon": {
            "IsExternal": True, "FireRating": "REI60", "ThermalTransmittance": 0.25}}
    assert "psets" not in nodes_by_name(samples["house.ifc"][1])["Wall East"]["extras"]


def test_styles_become_pbr_materials(samples: dict[str, tuple[IngestSummary, Path]]) -> None:
    document = uploads.output(samples["house.ifc"][1]).document
    by_name = nodes_by_name(samples["house.ifc"][1])

    def material(element: str) -> dict[str, Any]:
        primitive = document["meshes"][by_name[element]["mesh"]]["primitives"][0]
        found: dict[str, Any] = document["materials"][primitive["material"]]
        return found

    brick, slab = material("Wall South"), material("Ground Slab")
    assert brick["name"] == "Red Brick" and "alphaMode" not in brick
    assert brick["pbrMetallicRoughness"]["baseColorFactor"] == pytest.approx([0.8, 0.1, 0.1, 1])
    assert slab["name"] == "Frosted Concrete" and slab["alphaMode"] == "BLEND"
    assert slab["pbrMetallicRoughness"]["baseColorFactor"] == pytest.approx([0.5, 0.5, 0.5, .5])
    # Unstyled walls share ifcopenshell's default material of their class.
    assert material("Wall East") == material("Wall Upper")


@pytest.mark.parametrize("name", list(SAMPLES))
def test_the_glb_reloads_in_trimesh_in_metres_and_y_up(
        samples: dict[str, tuple[IngestSummary, Path]], name: str) -> None:
    summary, glb = samples[name]

    scene = trimesh.load(glb, force="scene")

    assert sum(len(mesh.faces) for mesh in scene.dump()) == TRIANGLES
    assert np.allclose(scene.bounds, BOUNDS, atol=1e-6)
    assert np.allclose([summary.stats["bounds"]["min"], summary.stats["bounds"]["max"]],
                       BOUNDS, atol=1e-6)


def test_a_revit_export_keeps_its_clipped_wall_psets_and_style(tmp_path: Path) -> None:
    """IfcOpenShell's test file revit2011_wall1.ifc: one IFC2X3 wall from Revit 2011, its top
    clipped by two half-spaces and an opening cut through it, in millimetres."""
    summary, glb = ingest_bytes(tmp_path, (DATA / "revit2011_wall1.ifc").read_bytes(),
                                "revit2011_wall1.ifc")
    document = uploads.output(glb).document
    nodes = document["nodes"]

    chain, node = [], nodes[document["scenes"][0]["nodes"][0]]
    while True:
        chain.append(node["extras"]["ifcClass"])
        if "children" not in node:
            break
        node = nodes[node["children"][0]]
    assert chain == ["IfcProject", "IfcSite", "IfcBuilding", "IfcBuildingStorey",
                     "IfcWallStandardCase"]
    assert node["extras"]["globalId"] == "03G9jZ_mz91eOLnxxTVuMO"
    assert node["extras"]["psets"]["Pset_WallCommon"]["IsExternal"] is True
    assert node["extras"]["psets"]["PSet_Revit_Dimensions"]["Length"] == 29750.0  # file units
    (material,) = document["materials"]
    assert material["name"] == "Default Wall"
    assert material["pbrMetallicRoughness"]["baseColorFactor"] == pytest.approx(
        [128 / 255, 128 / 255, 128 / 255, 1.0])
    assert material["pbrMetallicRoughness"]["roughnessFactor"] > 0.99  # a 0.4 % highlight
    # The wall is 0.15 m thick, 29.6 m long and at most 11.48 m high, placed 25.7 m out.
    low, high = trimesh.load(glb, force="scene").bounds
    assert high - low == pytest.approx([0.15, 11.4823412, 29.6], abs=1e-5)
    assert summary.stats["triangle_count"] == _ifcopenshell_triangles("revit2011_wall1.ifc")


def _ifcopenshell_triangles(name: str) -> int:
    model, settings = ifcopenshell.open(str(DATA / name)), ifcopenshell.geom.settings()
    iterator = ifcopenshell.geom.iterator(settings, model, num_threads=1,
                                          exclude=["IfcOpeningElement"])
    total = 0
    if iterator.initialize():
        while True:
            total += len(iterator.get().geometry.faces) // 3
            if not iterator.next():
                return total
    return total


def test_the_triangle_limit_holds(tmp_path: Path) -> None:
    error = failure(tmp_path, (DATA / "house.ifc").read_bytes(), "house.ifc",
                    IngestLimits(max_triangles=TRIANGLES - 1))

    assert error.code is ErrorCode.LIMIT_EXCEEDED and "triangles" in error.message


def _with_data(data: bytes) -> bytes:
    """The IFC4 sample's header over another DATA section."""
    header = (DATA / "house.ifc").read_bytes().split(b"DATA;")[0]
    return header + b"DATA;\n" + data + b"\nENDSEC;\nEND-ISO-10303-21;\n"


def test_a_truncated_ifc_is_corrupt(tmp_path: Path) -> None:
    data = (DATA / "house.ifc").read_bytes()

    error = failure(tmp_path, data[:len(data) // 2], "house.ifc")

    assert error.code is ErrorCode.CORRUPT_FILE and "cut short" in error.message


def test_a_syntax_error_is_corrupt_and_says_where(tmp_path: Path) -> None:
    error = failure(tmp_path, _with_data(b"#1=IFCWALL('x',$,,;\n#2=IFCNOSUCHTHING($);"),
                    "broken.ifc")

    assert error.code is ErrorCode.CORRUPT_FILE
    assert "IFCNOSUCHTHING" in error.message and "offset" in error.message


def test_a_parse_error_quoting_bytes_that_are_no_text_is_still_text(tmp_path: Path) -> None:
    error = failure(tmp_path, _with_data(b"#1=IFC\xffWALL($);"), "bytes.ifc")

    assert error.code is ErrorCode.CORRUPT_FILE
    assert "\\udcff" in error.message.encode("utf-8").decode("utf-8")


def test_a_crash_of_the_reader_is_a_corrupt_file(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def segfault(data: bytes, limits: IngestLimits) -> bytes:
        os.kill(os.getpid(), signal.SIGSEGV)
        raise AssertionError("not reached")

    monkeypatch.setattr(ifc_import, "_convert", segfault)

    error = failure(tmp_path, (DATA / "house.ifc").read_bytes(), "house.ifc")

    assert error.code is ErrorCode.CORRUPT_FILE and "crashed (SIGSEGV)" in error.message


def test_a_spatial_structure_that_loops_is_corrupt(tmp_path: Path) -> None:
    model = ifcopenshell.open(str(DATA / "house.ifc"))
    (building,) = model.by_type("IfcBuilding")
    ground = next(s for s in model.by_type("IfcBuildingStorey") if s.Name == "Ground Floor")
    building.Decomposes[0].RelatingObject = ground  # the building inside its own storey
    model.write(str(tmp_path / "loop.ifc"))

    error = failure(tmp_path, (tmp_path / "loop.ifc").read_bytes(), "loop.ifc")

    assert error.code is ErrorCode.CORRUPT_FILE and "loops" in error.message


def test_an_ifc_without_geometry_has_no_geometry(tmp_path: Path) -> None:
    error = failure(tmp_path, _with_data(
        b"#1=IFCPROJECT('0Proj0000000000000000',$,'Empty',$,$,$,$,$,$);"), "empty.ifc")

    assert error.code is ErrorCode.NO_GEOMETRY


def test_the_samples_match_their_generator() -> None:
    """The committed files hold what make_samples.py builds (timestamps aside)."""
    from tests.data.ifc.make_samples import SAMPLES as SCHEMAS
    from tests.data.ifc.make_samples import build

    for name, schema in SCHEMAS.items():
        model = ifcopenshell.open(str(DATA / name))
        assert model.schema.startswith(schema)  # IFC4X3 is written as IFC4X3_ADD2
        built = build(schema)
        assert sorted(e.GlobalId for e in model.by_type("IfcElement")) == sorted(
            e.GlobalId for e in built.by_type("IfcElement"))


def test_elements_far_from_the_origin_keep_exact_transforms(tmp_path: Path) -> None:
    """Placements hundreds of metres out under a raised storey: each node's matrix stays a
    rigid transform Khronos's validator decomposes (a pseudo-inverse of the storey's
    placement left errors its TRS check caught)."""
    import ifcopenshell.api

    model = ifcopenshell.open(str(DATA / "house.ifc"))
    upper = next(s for s in model.by_type("IfcBuildingStorey") if s.Name == "Upper Floor")
    wall = next(w for w in model.by_type("IfcWall") if w.Name == "Wall Upper")
    raised, far = np.eye(4), np.eye(4)
    raised[:3, 3] = (0.0, 0.0, 27.0)
    far[:3, 3] = (297.0, 13.0, 27.0)
    ifcopenshell.api.run("geometry.edit_object_placement", model, product=upper, matrix=raised)
    ifcopenshell.api.run("geometry.edit_object_placement", model, product=wall, matrix=far)
    model.write(str(tmp_path / "far.ifc"))

    summary, _ = ingest_bytes(tmp_path, (tmp_path / "far.ifc").read_bytes(), "far.ifc")

    assert summary.validation["num_errors"] == 0
    assert summary.stats["bounds"]["max"][0] == pytest.approx(301.0)  # the 4 m wall's end
