"""STEP and IGES become Khronos-valid GLBs in metres and Y up, keeping the assembly tree, the
names and the colours, tessellated as finely as the setting asks; broken files end with a
precise code."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import trimesh
from OCP.BRepBuilderAPI import BRepBuilderAPI_MakeVertex
from OCP.gp import gp_Pnt
from OCP.STEPControl import STEPControl_AsIs, STEPControl_Writer

from app.errors import ErrorCode
from app.geometry.gltf_io import GltfAsset, accessor_array
from app.geometry.ingest import IngestLimits, IngestSummary, ingest_path
from tests.geometry.ingest import uploads
from tests.geometry.ingest.test_ingest_formats import ingest_bytes
from tests.geometry.ingest.test_ingest_hostile import failure

DATA = Path(__file__).resolve().parents[2] / "data" / "cad"
# The bench spans x 0..100, y 0..50, z -40..20 mm (Z up): in glTF (x, z, -y) in metres.
BENCH_BOUNDS = [[0.0, -0.04, -0.05], [0.1, 0.02, 0.0]]
# linear RGB of the samples' colours (tests/data/cad/make_samples.py)
RED, GREEN, BLUE = [0.8, 0.1, 0.1, 1.0], [0.1, 0.7, 0.2, 1.0], [0.1, 0.2, 0.8, 1.0]
Ingested = tuple[IngestSummary, Path]


def sample(name: str) -> bytes:
    return (DATA / name).read_bytes()


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Ingested]:
    """Each sample ingested (and judged by Khronos's validator) once for the module."""
    return {name: ingest_bytes(tmp_path_factory.mktemp(name), sample(name), name)
            for name in ("bench.step", "bench.igs")}


def nodes_by_name(asset: GltfAsset) -> dict[str, dict]:
    return {node["name"]: node for node in asset.document["nodes"]}


def primitive_colors(asset: GltfAsset, mesh: int) -> dict[tuple[float, ...], int]:
    """Triangles of each base colour in one mesh."""
    document = asset.document
    return {tuple(round(c, 3) for c in document["materials"][p["material"]]
                  ["pbrMetallicRoughness"]["baseColorFactor"]):
            len(accessor_array(asset, p["indices"])) // 3
            for p in document["meshes"][mesh]["primitives"]}


def key(color: list[float]) -> tuple[float, ...]:
    return tuple(color)


def step_file(tmp_path: Path, shape: object) -> bytes:
    writer = STEPControl_Writer()
    writer.Transfer(shape, STEPControl_AsIs)
    writer.Write(str(tmp_path / "written.step"))
    return (tmp_path / "written.step").read_bytes()


def in_inches(step: bytes) -> bytes:
    """The STEP file with its length unit the inch (25.4 mm), its numbers unchanged."""
    inch = b"( CONVERSION_BASED_UNIT('INCH',#90001) LENGTH_UNIT() NAMED_UNIT(#90003) )"
    definitions = (b"#90001 = LENGTH_MEASURE_WITH_UNIT(LENGTH_MEASURE(25.4),#90002);\n"
                   b"#90002 = ( LENGTH_UNIT() NAMED_UNIT(*) SI_UNIT(.MILLI.,.METRE.) );\n"
                   b"#90003 = DIMENSIONAL_EXPONENTS(1.,0.,0.,0.,0.,0.,0.);\n")
    converted = step.replace(b"( LENGTH_UNIT() NAMED_UNIT(*) SI_UNIT(.MILLI.,.METRE.) )", inch)
    end = converted.rindex(b"ENDSEC;")
    return converted[:end] + definitions + converted[end:]


def test_a_step_assembly_becomes_nodes_with_instances_sharing_a_mesh(
        samples: dict[str, Ingested]) -> None:
    summary, glb = samples["bench.step"]
    asset = uploads.output(glb)
    document = asset.document

    assert summary.source_format == "STEP"
    assert summary.validation["num_errors"] == 0
    (root,) = document["scenes"][0]["nodes"]
    assert document["nodes"][root]["name"] == "Bench"
    assert [document["nodes"][child]["name"] for child in document["nodes"][root]["children"]
            ] == ["Top", "Leg_0", "Leg_1"]
    nodes = nodes_by_name(asset)
    assert nodes["Leg_0"]["mesh"] == nodes["Leg_1"]["mesh"] != nodes["Top"]["mesh"]
    assert [mesh["name"] for mesh in document["meshes"]] == ["Plank", "Leg"]
    assert nodes["Leg_1"]["matrix"][12:15] == pytest.approx([80.0, 25.0, -40.0])  # mm in Bench
    assert np.allclose(summary.stats["bounds"]["min"], BENCH_BOUNDS[0])
    assert np.allclose(summary.stats["bounds"]["max"], BENCH_BOUNDS[1])


def test_part_and_face_colours_become_materials(samples: dict[str, Ingested]) -> None:
    asset = uploads.output(samples["bench.step"][1])
    nodes = nodes_by_name(asset)

    # The plank is red but for its top face (2 triangles), which has a colour of its own.
    assert primitive_colors(asset, nodes["Top"]["mesh"]) == {key(RED): 10, key(GREEN): 2}
    (leg_color,) = primitive_colors(asset, nodes["Leg_0"]["mesh"])
    assert leg_color == key(BLUE)
    red = asset.document["materials"][0]
    assert red["name"] == "#E75959"  # linear 0.8, 0.1, 0.1 in sRGB
    assert red["pbrMetallicRoughness"]["metallicFactor"] == 0.0


def welded(meshes: list[trimesh.Trimesh]) -> trimesh.Trimesh:
    """One mesh of these, its vertices merged by position alone (normals and all dropped)."""
    joined = trimesh.util.concatenate(meshes)
    return trimesh.Trimesh(joined.vertices, joined.faces, process=True)


def test_the_step_glb_reloads_in_trimesh_as_the_bench_in_metres(
        samples: dict[str, Ingested]) -> None:
    scene = trimesh.load(samples["bench.step"][1], force="scene")
    # trimesh makes a geometry of each primitive: the plank's red and green ones, the leg.
    drawn = {node: scene.graph[node] for node in scene.graph.nodes_geometry}
    plank = welded([scene.geometry[name].copy().apply_transform(transform)
                    for transform, name in drawn.values() if name.startswith("Plank")])
    legs = [welded([scene.geometry[name].copy().apply_transform(transform)])
            for transform, name in drawn.values() if name == "Leg"]

    assert np.allclose(scene.bounds, BENCH_BOUNDS)
    assert len(plank.faces) == 12
    assert np.allclose(plank.bounds, [[0.0, 0.0, -0.05], [0.1, 0.02, 0.0]])
    # Each face has its own vertices (sharp edges): welded, the box is closed and outward.
    assert plank.is_watertight and plank.is_winding_consistent
    assert plank.volume == pytest.approx(0.1 * 0.05 * 0.02)
    assert len(legs) == 2
    for leg in legs:
        assert leg.volume == pytest.approx(np.pi * 0.01**2 * 0.04, rel=0.01)


def test_normals_come_from_the_surfaces_and_point_outwards(
        samples: dict[str, Ingested]) -> None:
    asset = uploads.output(samples["bench.step"][1])
    leg = asset.document["meshes"][1]["primitives"][0]
    positions = accessor_array(asset, leg["attributes"]["POSITION"])
    normals = accessor_array(asset, leg["attributes"]["NORMAL"])
    triangles = accessor_array(asset, leg["indices"]).reshape(-1, 3)

    assert np.allclose(np.linalg.norm(normals, axis=1), 1.0, atol=1e-6)
    corners = positions[triangles]
    facets = np.cross(corners[:, 1] - corners[:, 0], corners[:, 2] - corners[:, 0])
    assert (np.einsum("ij,ij->i", facets, normals[triangles].mean(axis=1)) > 0).all()
    # On the cylinder's side (radius 10 mm about its axis, z) a normal is the radial direction.
    side = np.abs(normals[:, 2]) < 1e-6
    radial = positions[side, :2] / np.linalg.norm(positions[side, :2], axis=1, keepdims=True)
    assert side.sum() > 0 and np.allclose(normals[side, :2], radial, atol=1e-4)


def test_an_iges_file_keeps_its_names_colours_and_size(samples: dict[str, Ingested]) -> None:
    summary, glb = samples["bench.igs"]
    asset = uploads.output(glb)

    assert summary.source_format == "IGES"
    assert summary.validation["num_errors"] == 0
    # IGES has no assembly structure: the file's one shape is one part.
    (root,) = asset.document["scenes"][0]["nodes"]
    assert asset.document["nodes"][root]["name"] == "Bench"
    colors = primitive_colors(asset, asset.document["nodes"][root]["mesh"])
    assert colors[key(RED)] == 10 and colors[key(GREEN)] == 2 and colors[key(BLUE)] > 0
    scene = trimesh.load(glb, force="scene")
    assert np.allclose(scene.bounds, BENCH_BOUNDS)


def test_the_tolerance_setting_sets_how_finely_curves_are_drawn(tmp_path: Path) -> None:
    source = tmp_path / "bench.step"
    source.write_bytes(sample("bench.step"))

    def leg_triangles(tolerance: float) -> int:
        output = tmp_path / f"{tolerance}.glb"
        ingest_path(source, source.name, output,
                    IngestLimits(cad_tessellation_tolerance=tolerance))
        return sum(primitive_colors(uploads.output(output), 1).values())

    coarse, default, fine = leg_triangles(0.01), leg_triangles(0.001), leg_triangles(0.0001)
    assert coarse < default < fine
    assert coarse > 30 and fine < 5_000


def test_a_step_in_inches_is_converted_to_metres(tmp_path: Path) -> None:
    summary, _ = ingest_bytes(tmp_path, in_inches(sample("bench.step")), "bench.step")

    assert np.allclose(summary.stats["bounds"]["min"], np.multiply(BENCH_BOUNDS[0], 25.4))
    assert np.allclose(summary.stats["bounds"]["max"], np.multiply(BENCH_BOUNDS[1], 25.4))


def test_more_triangles_than_the_limit_is_refused(tmp_path: Path) -> None:
    error = failure(tmp_path, sample("bench.step"), "bench.step", IngestLimits(max_triangles=100))

    assert error.code is ErrorCode.LIMIT_EXCEEDED and "100 triangles" in error.message


@pytest.mark.parametrize("fraction", [0.3, 0.5, 0.9])
def test_a_truncated_step_is_corrupt_and_says_where(tmp_path: Path, fraction: float) -> None:
    data = sample("bench.step")

    error = failure(tmp_path, data[:int(len(data) * fraction)], "bench.step")

    assert error.code is ErrorCode.CORRUPT_FILE
    assert "unexpected end of file" in error.message and "Line " in error.message


def test_a_step_that_crashes_opencascade_is_corrupt(tmp_path: Path) -> None:
    # Entity #10 (the bench's shape representation) defined a second time, as a direction.
    data = sample("bench.step").replace(b"#13 = DIRECTION", b"#10 = DIRECTION", 1)

    error = failure(tmp_path, data, "bench.step")

    assert error.code is ErrorCode.CORRUPT_FILE and "crashed (SIGSEGV)" in error.message


def test_a_step_without_entities_has_no_geometry(tmp_path: Path) -> None:
    data = sample("bench.step")
    empty = data[:data.index(b"DATA;")] + b"DATA;\nENDSEC;\nEND-ISO-10303-21;\n"

    error = failure(tmp_path, empty, "empty.step")

    assert error.code is ErrorCode.NO_GEOMETRY


def test_a_step_of_a_lone_point_has_no_geometry(tmp_path: Path) -> None:
    point = BRepBuilderAPI_MakeVertex(gp_Pnt(1.0, 2.0, 3.0)).Shape()

    error = failure(tmp_path, step_file(tmp_path, point), "point.step")

    assert error.code is ErrorCode.NO_GEOMETRY


@pytest.mark.parametrize(("cut", "reason"), [
    (0.5, "columns long, not 80"),
    (0.3, "columns long, not 80"),
    (-81, "without its Terminate record"),  # whole records (80 columns and a newline)
])
def test_a_truncated_iges_is_corrupt(tmp_path: Path, cut: float, reason: str) -> None:
    data = sample("bench.igs")
    end = len(data) + int(cut) if cut < 0 else int(len(data) * cut)

    error = failure(tmp_path, data[:end], "bench.igs")

    assert error.code is ErrorCode.CORRUPT_FILE and reason in error.message


def test_an_iges_whose_counts_disagree_is_corrupt(tmp_path: Path) -> None:
    data = sample("bench.igs")
    lines = data.split(b"\n")
    parameters = next(i for i, line in enumerate(lines) if line[72:73] == b"P")
    damaged = b"\n".join(lines[:parameters] + lines[parameters + 1:])  # one P record gone

    error = failure(tmp_path, damaged, "bench.igs")

    assert error.code is ErrorCode.CORRUPT_FILE
    assert "counts 115 'P' records but the file holds 114" in error.message
