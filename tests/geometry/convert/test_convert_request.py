"""ConversionRequest as jobs carry it: plain parameters that round-trip, checks, and the sandbox
entry point run_conversion."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.errors import InvalidInput, UnsupportedOption
from app.geometry.convert import (
    ConversionRequest,
    ConvertLimits,
    OptimizeOptions,
    OptimizePreset,
    OutputFormat,
    run_conversion,
)

P, F = OptimizePreset, OutputFormat
REQUESTS = [
    ConversionRequest(F.GLB),
    ConversionRequest(F.STL, OptimizeOptions(P.WELD)),
    ConversionRequest(F.PLY, OptimizeOptions(P.SIMPLIFY, ratio=0.25)),
    ConversionRequest(F.USDZ, OptimizeOptions(P.SIMPLIFY, target_triangles=500)),
    ConversionRequest(F.GLTF, OptimizeOptions(P.COMPRESS, compression="DRACO")),
    ConversionRequest(F.GLB, OptimizeOptions(P.COMPRESS, quantize=False)),
    ConversionRequest(F.OBJ, OptimizeOptions(P.TEXTURES, max_texture_size=256,
                                             texture_format="JPEG")),
]


@pytest.mark.parametrize("request_", REQUESTS)
def test_params_survive_json_and_give_back_the_same_request(request_: ConversionRequest) -> None:
    # given a request written as job parameters and stored as JSON
    stored = json.loads(json.dumps(request_.to_params()))
    # when it is read back
    restored = ConversionRequest.from_params(stored)
    # then it is the same request, with the same key
    assert restored == request_
    assert restored.key == request_.key


def test_params_hold_only_the_settings_the_preset_uses() -> None:
    welded = ConversionRequest(F.STL, OptimizeOptions(P.WELD, compression="DRACO"))
    compressed = ConversionRequest(F.GLB, OptimizeOptions(P.COMPRESS))

    assert welded.to_params() == {"format": "STL", "optimize": {"preset": "WELD"}}
    assert compressed.to_params() == {
        "format": "GLB", "optimize": {"preset": "COMPRESS", "compression": "MESHOPT",
                                      "quantize": True}}


def test_check_refuses_what_the_format_cannot_hold() -> None:
    with pytest.raises(UnsupportedOption) as caught:
        ConversionRequest(F.STL, OptimizeOptions(P.COMPRESS)).check()
    assert caught.value.field == ["optimize", "preset"]


@pytest.mark.parametrize("params", [
    {"format": "FBX", "optimize": {"preset": "NONE"}},
    {"format": "GLB", "optimize": {"preset": "SHRINK"}},
])
def test_unknown_names_in_params_are_invalid_input(params: dict) -> None:
    with pytest.raises(InvalidInput):
        ConversionRequest.from_params(params)


def test_run_conversion_reports_progress_through_report(textured_box_glb: Path,
                                                        tmp_path: Path) -> None:
    # given a report callback, as the worker's sandbox passes it
    calls: list[str] = []
    # when a welded STL is made through the sandbox entry point
    result = run_conversion(textured_box_glb, ConversionRequest(F.STL, OptimizeOptions(P.WELD)),
                            tmp_path, ConvertLimits(), "box",
                            report=lambda stage, fraction: calls.append(stage))
    # then every stage was reported and the file is named after the stem
    assert calls == ["read", "weld", "write", "converted"]
    assert (result.path, result.triangle_count) == (tmp_path / "box.stl", 12)
