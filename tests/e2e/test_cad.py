"""STEP and IGES through the real API: READY as Khronos-valid GLBs in metres, and a STEP that
crashes OpenCascade FAILED as corrupt while the worker carries on."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.e2e.test_ingest import upload_and_wait
from tests.support.client import Api
from tests.support.gltf_validator import khronos_bytes_errors

DATA = Path(__file__).resolve().parents[1] / "data" / "cad"
BENCH_BOUNDS = [[0.0, -0.04, -0.05], [0.1, 0.02, 0.0]]

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("name", "source_format"), [("bench.step", "STEP"),
                                                     ("bench.igs", "IGES")])
async def test_a_cad_upload_becomes_a_valid_glb(api: Api, tmp_path: Path, name: str,
                                                source_format: str) -> None:
    asset = await upload_and_wait(api, (DATA / name).read_bytes(), name)

    assert asset["status"] == "READY", asset["error"]
    assert asset["sourceFormat"] == source_format
    assert asset["validation"]["numErrors"] == 0
    assert asset["stats"]["materialCount"] == (3 if source_format == "STEP" else 4)
    assert np.allclose([asset["stats"]["bounds"]["min"], asset["stats"]["bounds"]["max"]],
                       BENCH_BOUNDS)
    glb = await api.download(asset["glbUrl"])
    assert khronos_bytes_errors(glb.content, tmp_path) == []
    assert asset["thumbnailUrl"] is not None


async def test_a_step_that_crashes_opencascade_fails_as_corrupt(api: Api) -> None:
    damaged = (DATA / "bench.step").read_bytes().replace(b"#13 = DIRECTION", b"#10 = DIRECTION")

    asset = await upload_and_wait(api, damaged, "damaged.step")

    assert asset["status"] == "FAILED"
    assert asset["error"]["code"] == "CORRUPT_FILE"
    assert "OpenCascade crashed" in asset["error"]["message"]
    still_serving = await upload_and_wait(api, (DATA / "bench.step").read_bytes(), "b.step")
    assert still_serving["status"] == "READY"
