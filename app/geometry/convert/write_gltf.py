"""Write a Model as a GLB, or as a zip of `scene.gltf`, `scene.bin` and its texture files."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from app.geometry.convert.model import Model
from app.geometry.convert.packing import ViewCodec, pack_model
from app.geometry.gltf_io import build_glb

GLTF_NAME = "scene.gltf"
BIN_NAME = "scene.bin"


def write_glb(model: Model, path: Path, codec: ViewCodec | None = None) -> None:
    packed = pack_model(model, codec=codec)
    path.write_bytes(build_glb(packed.document, packed.binary))


def write_gltf_zip(model: Model, path: Path, codec: ViewCodec | None = None) -> None:
    packed = pack_model(model, external_images=True, codec=codec)
    if packed.binary:
        packed.document["buffers"][0]["uri"] = BIN_NAME
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(GLTF_NAME, json.dumps(packed.document, indent=1))
        if packed.binary:
            archive.writestr(BIN_NAME, packed.binary)
        for name, data in packed.image_files.items():
            # Images are compressed already; deflating them again only costs time.
            archive.writestr(name, data, compress_type=zipfile.ZIP_STORED)
