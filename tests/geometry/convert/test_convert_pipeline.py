"""convert_glb's contract: progress stages, limits, error codes, and no half-written files."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from app.errors import (
    AtelierError,
    CorruptFile,
    ErrorCode,
    InvalidInput,
    JobTimeout,
    LimitExceeded,
)
from app.geometry.convert import (
    ConvertLimits,
    OptimizeOptions,
    OptimizePreset,
    OutputFormat,
    convert_glb,
)
from app.geometry.gltf_io import build_glb, split_glb


def test_progress_reports_named_stages_in_order(grid_glb: Path, tmp_path: Path) -> None:
    # given a progress callback that records every call
    calls: list[tuple[str, float]] = []
    settings = OptimizeOptions(OptimizePreset.SIMPLIFY, ratio=0.5)
    # when a simplifying conversion runs
    result = convert_glb(grid_glb, OutputFormat.PLY, settings, tmp_path,
                         progress=lambda stage, fraction: calls.append((stage, fraction)))
    # then it reports read, simplify, write and converted, with fractions rising to 1
    assert [stage for stage, _ in calls] == ["read", "simplify", "write", "converted"]
    fractions = [fraction for _, fraction in calls]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert (result.filename, result.content_type) == ("model.ply", "application/vnd.ply")


TRUNCATED_GLB = b"glTF\x02\x00\x00\x00\xff\x00\x00\x00"


@pytest.mark.parametrize("data", [b"", b"not a glb at all", TRUNCATED_GLB])
def test_a_corrupt_source_fails_with_corrupt_file(data: bytes, tmp_path: Path) -> None:
    # given a file that is not a GLB, or a truncated one
    source = tmp_path / "broken.glb"
    source.write_bytes(data)
    out = tmp_path / "out"
    out.mkdir()
    # when it is converted
    with pytest.raises(CorruptFile) as caught:
        convert_glb(source, OutputFormat.USDZ, OptimizeOptions(), out)
    # then the error says so, survives pickling to a parent process, and nothing is left over
    assert pickle.loads(pickle.dumps(caught.value)).code is ErrorCode.CORRUPT_FILE
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d["nodes"][0].update(mesh=5),
        lambda d: d["meshes"][0]["primitives"][0].update(material=3),
        lambda d: d["meshes"][0]["primitives"][0]["attributes"].update(POSITION=99),
        lambda d: d["meshes"][0]["primitives"][0]["attributes"].update(TEXCOORD_0="uv"),
        lambda d: d["scenes"][0].update(nodes=[0, 0]),
    ],
)
def test_dangling_references_fail_with_corrupt_file(
    textured_box_glb: Path, tmp_path: Path, damage: Callable[[dict], None]
) -> None:
    # given a GLB whose JSON points at things that are not there
    document, binary = split_glb(textured_box_glb.read_bytes())
    damage(document)
    source = tmp_path / "damaged.glb"
    source.write_bytes(build_glb(document, binary or b""))
    # when it is converted (to a format that walks the node tree)
    with pytest.raises(CorruptFile):
        convert_glb(source, OutputFormat.OBJ, OptimizeOptions(), tmp_path)
    # then nothing is left behind
    assert not (tmp_path / "model.obj.zip").exists()


def test_a_compressed_source_is_refused_as_a_conversion_failure(
    grid_glb: Path, tmp_path: Path
) -> None:
    # given a Draco-compressed GLB, which ingest should have decoded
    draco = convert_glb(grid_glb, OutputFormat.GLB,
                        OptimizeOptions(OptimizePreset.COMPRESS, compression="DRACO"), tmp_path)
    # when it is used as a source
    with pytest.raises(AtelierError) as caught:
        convert_glb(draco.path, OutputFormat.OBJ, OptimizeOptions(), tmp_path, stem="again")
    # then the conversion fails with its code
    assert caught.value.code is ErrorCode.CONVERSION_FAILED


@pytest.mark.parametrize(
    ("limits", "settings"),
    [
        (ConvertLimits(max_source_bytes=1000), OptimizeOptions()),
        (ConvertLimits(max_triangles=7199), OptimizeOptions()),
        (ConvertLimits(max_output_bytes=10_000), OptimizeOptions()),
        (ConvertLimits(max_texture_pixels=63 * 63),
         OptimizeOptions(OptimizePreset.TEXTURES, max_texture_size=32)),
    ],
)
def test_limits_are_enforced_with_their_code(
    grid_glb: Path, tmp_path: Path, limits: ConvertLimits, settings: OptimizeOptions
) -> None:
    # given a 7,200 triangle grid with a 64x64 texture, and a limit it exceeds
    # when it is converted
    with pytest.raises(LimitExceeded) as caught:
        convert_glb(grid_glb, OutputFormat.GLB, settings, tmp_path, limits=limits)
    # then the limit's code is raised and no output remains
    assert caught.value.code is ErrorCode.LIMIT_EXCEEDED
    assert not (tmp_path / "model.glb").exists()


def test_time_limit_stops_the_conversion(grid_glb: Path, tmp_path: Path) -> None:
    # given no time at all
    # when a conversion starts
    with pytest.raises(JobTimeout) as caught:
        convert_glb(grid_glb, OutputFormat.GLB, OptimizeOptions(), tmp_path,
                    limits=ConvertLimits(max_seconds=0.0))
    # then it stops with the timeout code
    assert caught.value.code is ErrorCode.TIMEOUT


@pytest.mark.parametrize("stem", ["", "../escape", "a/b", ".hidden"])
def test_output_names_stay_inside_the_work_dir(grid_glb: Path, tmp_path: Path, stem: str) -> None:
    with pytest.raises(InvalidInput):
        convert_glb(grid_glb, OutputFormat.GLB, OptimizeOptions(), tmp_path, stem=stem)
