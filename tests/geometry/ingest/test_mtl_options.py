"""An MTL's texture maps keep their textures when the map has options (`-s 1 1 1`, `-bm 0.5`):
the file name is read from behind them."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.geometry.ingest import ingest_path
from app.geometry.mtl_options import texture_file_name
from tests.geometry.ingest import uploads


@pytest.mark.parametrize(("value", "name"), [
    ("wood.png", "wood.png"),
    ("my  wood texture.png", "my  wood texture.png"),
    ("-s 1 1 1 textures/wood.png", "textures/wood.png"),
    ("-o 0.5 -s 2 2 -bm 0.3 -clamp on normal map.png", "normal map.png"),
    ("-mm 0 1 -imfchan l -blendu off bump.tga", "bump.tga"),
    ("-s 1 1 1", ""),
])
def test_the_file_name_is_read_from_behind_the_options(value: str, name: str) -> None:
    assert texture_file_name(value) == name


def test_an_obj_whose_texture_map_has_options_keeps_its_texture(tmp_path: Path) -> None:
    files = uploads.textured_obj_files()
    files["box.mtl"] = files["box.mtl"].replace(
        b"map_Kd material_0.png", b"map_Kd -s 1 1 1 -bm 0.5 material_0.png")
    source = tmp_path / "box.zip"
    source.write_bytes(uploads.zip_of(files))

    summary = ingest_path(source, "box.zip", tmp_path / "out.glb")

    assert summary.stats["texture_count"] == 1
    assert not [i for i in summary.validation["issues"] if i["code"] == "MISSING_RESOURCE"]
