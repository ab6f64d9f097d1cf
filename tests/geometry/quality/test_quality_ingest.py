"""The quality report as ingest makes it, in the summary the worker stores."""

from __future__ import annotations

from pathlib import Path

import trimesh

from app.geometry.ingest import ingest_path


def test_ingest_reports_the_quality_of_the_normalised_model(tmp_path: Path) -> None:
    # Given an STL of a box with one face missing
    source = tmp_path / "open.stl"
    box = trimesh.creation.box()
    source.write_bytes(trimesh.Trimesh(box.vertices, box.faces[2:]).export(file_type="stl"))
    # When ingested
    summary = ingest_path(source, "open.stl", tmp_path / "out.glb")
    # Then the summary carries the report, as the worker stores it
    assert summary.quality["watertight"] is False and summary.quality["manifold"] is True
    assert [(item["code"], item["count"]) for item in summary.quality["items"]] == [
        ("OPEN_EDGES", 4)]
