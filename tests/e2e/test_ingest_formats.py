"""Every input format through the real API: READY, the right source format, and a GLB that
Khronos's validator accepts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_ingest import upload_and_wait
from tests.geometry.ingest import uploads, usd_uploads
from tests.support.client import Api
from tests.support.gltf_validator import khronos_bytes_errors


def assimp_file(fmt: str, suffix: str, folder: Path) -> bytes:
    return uploads.assimp_export(uploads.named_hierarchy_glb(), folder, fmt, suffix)


@pytest.mark.parametrize(("filename", "source_format"), [
    ("crate.zip", "GLTF"), ("model.dae", "DAE"), ("model.fbx", "FBX"), ("parts.3mf", "3MF"),
    ("sphere.ply", "PLY"), ("sphere.off", "OFF"), ("box.zip", "OBJ"), ("crate.usdz", "USD"),
])
async def test_each_format_becomes_a_valid_glb(api: Api, tmp_path: Path, filename: str,
                                               source_format: str) -> None:
    data = {
        "crate.zip": uploads.rich_gltf_zip,
        "model.dae": lambda: assimp_file("collada", ".dae", tmp_path),
        "model.fbx": lambda: assimp_file("fbxa", ".fbx", tmp_path),
        "parts.3mf": uploads.three_mf,
        "sphere.ply": lambda: uploads.colored_ply("ascii"),
        "sphere.off": lambda: uploads.trimesh.creation.icosphere(2).export(
            file_type="off").encode(),
        "box.zip": lambda: uploads.zip_of(uploads.textured_obj_files()),
        "crate.usdz": lambda: usd_uploads.sample("crate.usdz"),
    }[filename]()

    asset = await upload_and_wait(api, data, filename)

    assert asset["status"] == "READY", asset["error"]
    assert asset["sourceFormat"] == source_format
    assert asset["validation"]["numErrors"] == 0
    glb = await api.download(asset["glbUrl"])
    assert khronos_bytes_errors(glb.content, tmp_path) == []
