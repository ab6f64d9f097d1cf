"""Which requests are refused before any work, and how equal requests share a cache key."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.errors import ErrorCode, InvalidInput, UnsupportedOption
from app.geometry.convert import (
    OptimizeOptions,
    OptimizePreset,
    OutputFormat,
    check_supported,
    convert_glb,
    options_key,
)

F = OutputFormat
P = OptimizePreset

UNSUPPORTED = [
    (F.STL, OptimizeOptions(P.COMPRESS)),
    (F.OBJ, OptimizeOptions(P.COMPRESS, compression="DRACO")),
    (F.PLY, OptimizeOptions(P.COMPRESS)),
    (F.USDZ, OptimizeOptions(P.COMPRESS)),
    (F.STL, OptimizeOptions(P.TEXTURES, max_texture_size=512)),
    (F.PLY, OptimizeOptions(P.TEXTURES, texture_format="PNG")),
    (F.USDZ, OptimizeOptions(P.TEXTURES, texture_format="WEBP")),
    (F.OBJ, OptimizeOptions(P.TEXTURES, texture_format="WEBP")),
    (F.GLB, OptimizeOptions(P.COMPRESS, compression="DRACO", quantize=False)),
    (F.GLB, OptimizeOptions(P.WELD, ratio=0.5)),
    (F.GLB, OptimizeOptions(P.NONE, max_texture_size=256)),
    (F.GLB, OptimizeOptions(P.COMPRESS, texture_format="JPEG")),
]
INVALID = [
    OptimizeOptions(P.SIMPLIFY),
    OptimizeOptions(P.SIMPLIFY, ratio=0.5, target_triangles=100),
    OptimizeOptions(P.SIMPLIFY, ratio=1.5),
    OptimizeOptions(P.SIMPLIFY, ratio=0.0),
    OptimizeOptions(P.SIMPLIFY, target_triangles=0),
    OptimizeOptions(P.TEXTURES),
    OptimizeOptions(P.TEXTURES, max_texture_size=0),
]
SUPPORTED = [
    (F.GLB, OptimizeOptions()),
    (F.GLTF, OptimizeOptions(P.COMPRESS, compression="DRACO")),
    (F.GLB, OptimizeOptions(P.COMPRESS, quantize=False)),
    (F.STL, OptimizeOptions(P.SIMPLIFY, ratio=0.5)),
    (F.PLY, OptimizeOptions(P.WELD)),
    (F.USDZ, OptimizeOptions(P.TEXTURES, max_texture_size=1024, texture_format="JPEG")),
    (F.GLB, OptimizeOptions(P.TEXTURES, texture_format="WEBP")),
    (F.OBJ, OptimizeOptions(P.SIMPLIFY, target_triangles=500)),
]


@pytest.mark.parametrize(("fmt", "settings"), UNSUPPORTED)
def test_senseless_combinations_are_unsupported(fmt: F, settings: OptimizeOptions) -> None:
    with pytest.raises(UnsupportedOption) as caught:
        check_supported(fmt, settings)
    assert caught.value.code is ErrorCode.UNSUPPORTED_OPTION
    assert caught.value.field and caught.value.field[0] == "optimize"


@pytest.mark.parametrize("settings", INVALID)
def test_missing_or_out_of_range_settings_are_invalid(settings: OptimizeOptions) -> None:
    with pytest.raises(InvalidInput) as caught:
        check_supported(F.GLB, settings)
    assert caught.value.code is ErrorCode.INVALID_INPUT


@pytest.mark.parametrize(("fmt", "settings"), SUPPORTED)
def test_sensible_combinations_pass(fmt: F, settings: OptimizeOptions) -> None:
    check_supported(fmt, settings)


def test_convert_refuses_before_reading_the_source(tmp_path: Path) -> None:
    # given a source that does not even exist
    missing = tmp_path / "absent.glb"
    # when an unsupported conversion is asked for
    with pytest.raises(UnsupportedOption):
        convert_glb(missing, F.STL, OptimizeOptions(P.COMPRESS), tmp_path)
    # then nothing was written
    assert list(tmp_path.iterdir()) == []


def test_equal_requests_share_a_key_and_different_ones_do_not() -> None:
    # given requests that differ only in settings the preset ignores, or spell out defaults
    simplify = options_key(F.GLB, OptimizeOptions(P.SIMPLIFY, ratio=0.5))
    same = options_key(F.GLB, OptimizeOptions(P.SIMPLIFY, ratio=0.5, compression="DRACO"))
    weld = options_key(F.GLB, OptimizeOptions(P.WELD))
    weld_spelled = options_key(F.GLB, OptimizeOptions(P.WELD, quantize=True))
    # then they share keys, while any change of output changes the key
    assert simplify == same
    assert weld == weld_spelled
    distinct = {
        simplify, weld,
        options_key(F.GLTF, OptimizeOptions(P.SIMPLIFY, ratio=0.5)),
        options_key(F.GLB, OptimizeOptions(P.SIMPLIFY, ratio=0.25)),
        options_key(F.GLB, OptimizeOptions(P.SIMPLIFY, target_triangles=500)),
        options_key(F.GLB, OptimizeOptions(P.COMPRESS)),
        options_key(F.GLB, OptimizeOptions(P.COMPRESS, quantize=False)),
        options_key(F.GLB, OptimizeOptions(P.COMPRESS, compression="DRACO")),
        options_key(F.GLB, OptimizeOptions(P.TEXTURES, max_texture_size=512)),
        options_key(F.GLB, OptimizeOptions(P.TEXTURES, texture_format="JPEG")),
        options_key(F.GLB, OptimizeOptions()),
    }
    assert len(distinct) == 11


def test_keys_are_stable_strings() -> None:
    key = options_key(F.GLB, OptimizeOptions(P.COMPRESS, compression="DRACO"))
    assert key == "convert-v2;format=GLB;preset=COMPRESS;compression=DRACO;quantize=true"


def test_plain_strings_from_a_queue_are_accepted() -> None:
    # given a request that arrives as plain strings
    settings = OptimizeOptions(preset="COMPRESS")  # type: ignore[arg-type]
    # then the preset is the enum, and the combination is judged as usual
    assert settings.preset is P.COMPRESS
    with pytest.raises(UnsupportedOption):
        check_supported("STL", settings)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "make",
    [
        lambda: OptimizeOptions(preset="SHRINK"),  # type: ignore[arg-type]
        lambda: OptimizeOptions(P.COMPRESS, compression="ZSTD"),  # type: ignore[arg-type]
        lambda: OptimizeOptions(P.TEXTURES, texture_format="GIF"),  # type: ignore[arg-type]
        lambda: check_supported("FBX", OptimizeOptions()),  # type: ignore[arg-type]
    ],
)
def test_unknown_names_are_invalid_input(make: Callable[[], object]) -> None:
    with pytest.raises(InvalidInput) as caught:
        make()
    assert caught.value.code is ErrorCode.INVALID_INPUT
