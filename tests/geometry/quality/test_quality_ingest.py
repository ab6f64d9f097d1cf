"""The quality report as ingest makes it, in the summary the worker stores."""

from __future__ import annotations

from pathlib import Path

import pytest
import trimesh

from app.geometry import ingest
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


def test_a_model_too_large_to_check_is_ingested_without_a_report(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Given a quality step that runs out of the job's memory
    def out_of_memory(*args: object) -> None:
        raise MemoryError

    monkeypatch.setattr(ingest, "assess_quality", out_of_memory)
    source = tmp_path / "box.stl"
    source.write_bytes(trimesh.creation.box().export(file_type="stl"))
    # When ingested
    summary = ingest_path(source, "box.stl", tmp_path / "out.glb")
    # Then the model is still ingested, with no report
    assert summary.quality == {} and summary.stats["triangle_count"] == 12
