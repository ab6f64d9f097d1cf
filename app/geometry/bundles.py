"""A zip of several models, split into one upload per model, each with the files it may need.

A model that can refer to other files (glTF, OBJ, FBX, DAE) gets a zip of its own holding it
and every non-model file under its folder (a flat zip shares its resources with each model);
any other model is written as it is.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from app.geometry.archives import MODEL_EXTENSIONS, Archive

REFERRING_EXTENSIONS = frozenset({".gltf", ".obj", ".fbx", ".dae"})


@dataclass(frozen=True)
class BundleMember:
    name: str  # the model's path in the bundle
    filename: str  # what the member's own upload is called
    path: Path  # where its bytes were written


def write_bundle(archive: Archive, models: list[str], folder: Path) -> list[BundleMember]:
    members = []
    for number, model in enumerate(models):
        base_name = PurePosixPath(model).name
        target = folder / f"{number:05d}-{base_name}"
        resources = _resources_beside(archive, model)
        if PurePosixPath(model).suffix.lower() in REFERRING_EXTENSIONS and resources:
            target = target.with_name(target.name + ".zip")
            with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
                for name in [model, *resources]:
                    package.writestr(name, archive.read(name))
            filename = f"{PurePosixPath(base_name).stem}.zip"
        else:
            target.write_bytes(archive.read(model))
            filename = base_name
        members.append(BundleMember(name=model, filename=filename, path=target))
    return members


def _resources_beside(archive: Archive, model: str) -> list[str]:
    folder = posixpath.dirname(model)
    prefix = f"{folder}/" if folder else ""
    return [name for name in archive.names if name.startswith(prefix)
            and PurePosixPath(name).suffix.lower() not in MODEL_EXTENSIONS]
