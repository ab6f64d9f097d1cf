"""The validation report describes the upload; READY only when the normalised GLB is valid."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import numpy as np
import pytest
import trimesh

from app.errors import ErrorCode
from app.geometry.ingest import RejectedModel, ingest_path
from tests.geometry.ingest import uploads
from tests.geometry.validation.builders import box_builder
from tests.support.gltf_validator import khronos_errors, khronos_report


def test_a_repairable_gltf_is_ready_and_its_report_shows_the_source_errors(
        tmp_path: Path) -> None:
    document, binary, image = uploads.rich_gltf()
    source = json.loads(uploads.embedded_gltf(document, binary, image))
    source["images"][0]["uri"] = source["images"][0]["uri"].replace("image/png", "image/jpeg")
    path = tmp_path / "mislabelled.gltf"
    path.write_text(json.dumps(source))
    khronos_codes = {m["code"] for m in khronos_report(path)["issues"]["messages"]
                     if m["severity"] == 0}

    summary = ingest_path(path, path.name, tmp_path / "out.glb")

    assert khronos_codes  # Khronos calls the source invalid...
    assert summary.validation["num_errors"] >= 1  # ...so does the report, with its pointer,
    assert "/images/0/uri" in {i["pointer"] for i in summary.validation["issues"]}
    assert khronos_errors(tmp_path / "out.glb") == []  # and the GLB served is repaired.


def test_a_valid_gltf_has_no_errors_in_its_report(tmp_path: Path) -> None:
    path = tmp_path / "box.glb"
    path.write_bytes(box_builder().glb())

    summary = ingest_path(path, path.name, tmp_path / "out.glb")

    assert khronos_errors(path) == []
    assert summary.validation["num_errors"] == 0


def test_nan_positions_in_an_stl_fail_with_the_geometry_report(tmp_path: Path) -> None:
    box = trimesh.creation.box()
    box.vertices[0] = [np.nan, 0.0, 0.0]
    path = tmp_path / "nan.stl"
    path.write_bytes(bytes(box.export(file_type="stl")))

    with pytest.raises(RejectedModel) as raised:
        ingest_path(path, path.name, tmp_path / "out.glb")

    assert raised.value.code is ErrorCode.CORRUPT_FILE
    assert "ACCESSOR_INVALID_FLOAT" in {i["code"] for i in raised.value.validation["issues"]}


def test_geometry_warnings_are_reported_for_mesh_formats(tmp_path: Path) -> None:
    open_box = trimesh.creation.box()
    open_box.faces = np.vstack([open_box.faces, open_box.faces[:1]])  # a third face on an edge
    path = tmp_path / "nonmanifold.ply"
    path.write_bytes(bytes(open_box.export(file_type="ply")))

    summary = ingest_path(path, path.name, tmp_path / "out.glb")

    warnings = {i["code"] for i in summary.validation["issues"] if i["severity"] == "WARNING"}
    assert "GEOMETRY_NON_MANIFOLD_EDGES" in warnings
    assert summary.validation["num_errors"] == 0


def test_a_rejected_model_keeps_its_report_across_processes() -> None:
    error = RejectedModel("bad", code=ErrorCode.INVALID_GLTF, validation={"num_errors": 1})

    copied = pickle.loads(pickle.dumps(error))

    assert (copied.code, copied.message, copied.validation) == (
        ErrorCode.INVALID_GLTF, "bad", {"num_errors": 1})
