"""A model and the files it names as one zip upload, the shape the server ingests as one asset.

The zip is written to a temporary file, so no file's size sits in memory. Entries are stored,
not compressed (textures are compressed already, and the server judges inflation ratios), and
dated alike, so the same folder makes the same bytes and the server recognises an upload it
already holds.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import IO

from app.client.files import ModelFiles
from app.client.references import normalised

COPY_CHUNK_BYTES = 1024 * 1024
ENTRY_DATE = (1980, 1, 1, 0, 0, 0)
ENTRY_MODE = 0o644 << 16


def bundle_filename(model: ModelFiles) -> str:
    return f"{model.path.stem}.zip"


def bundle_members(model: ModelFiles) -> dict[str, Path]:
    """Each file by its name in the zip: paths from the folder that holds them all, so the
    model's relative references (`../textures/wood.png` included) read the same inside it."""
    files = [normalised(model.path), *model.resources]
    base = Path(os.path.commonpath([file.parent for file in files]))
    return {file.relative_to(base).as_posix(): file for file in files}


def write_bundle(model: ModelFiles) -> IO[bytes]:
    """The bundle as an open temporary file at its start; it is deleted once closed."""
    # Handed to the caller open, so no `with` here: the caller's closes it.
    target = tempfile.TemporaryFile(prefix="atelier-bundle-")  # noqa: SIM115
    try:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as archive:
            for name, path in bundle_members(model).items():
                info = zipfile.ZipInfo(name, date_time=ENTRY_DATE)
                info.external_attr = ENTRY_MODE
                info.file_size = path.stat().st_size  # decides whether the entry needs zip64
                with path.open("rb") as source, archive.open(info, "w") as entry:
                    shutil.copyfileobj(source, entry, COPY_CHUNK_BYTES)
    except BaseException:
        target.close()
        raise
    target.seek(0)
    return target
