"""The stage that tells the worker the GLB is final (`GLB_WRITTEN`): reported only once the
output holds the GLB that passed every check, and never for a model that fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import AtelierError
from app.geometry.ingest import GLB_WRITTEN, IngestLimits, ingest_path

TRIANGLES = b"v 0 0 0\nv 1 0 0\nv 0 1 0\nv 1 1 0\nvn 0 0 1\nf 1//1 2//1 3//1\nf 2//1 4//1 3//1\n"


def test_the_glb_on_disk_is_final_when_its_stage_is_reported(tmp_path: Path) -> None:
    # Given an OBJ and a report that copies the output when the GLB_WRITTEN stage comes
    source, output = tmp_path / "quad.obj", tmp_path / "model.glb"
    source.write_bytes(TRIANGLES)
    stages: list[str] = []
    seen: dict[str, bytes] = {}

    def report(stage: str, fraction: float) -> None:
        stages.append(stage)
        if stage == GLB_WRITTEN:
            seen["glb"] = output.read_bytes()

    # When it is ingested
    summary = ingest_path(source, "quad.obj", output, report=report)

    # Then the stage came after the write, last, with the very GLB the ingest leaves behind,
    # and the quality report computed after it is in the summary
    assert stages[-2:] == ["write", GLB_WRITTEN]
    assert seen["glb"] == output.read_bytes()
    assert seen["glb"][:4] == b"glTF"
    assert summary.quality["watertight"] is False


def test_a_model_refused_by_its_limits_never_reports_the_glb_written(tmp_path: Path) -> None:
    # Given an OBJ over the triangle limit
    source, output = tmp_path / "quad.obj", tmp_path / "model.glb"
    source.write_bytes(TRIANGLES)
    stages: list[str] = []

    # When it is ingested, Then it fails with no GLB written and no such stage reported
    with pytest.raises(AtelierError) as raised:
        ingest_path(source, "quad.obj", output, IngestLimits(max_triangles=1),
                    report=lambda stage, fraction: stages.append(stage))
    assert raised.value.code.value == "LIMIT_EXCEEDED"
    assert GLB_WRITTEN not in stages and "write" not in stages
    assert not output.exists()
