"""A zip of several models, split into one upload per model, each with the files it may need.

A model that can refer to other files (glTF, OBJ, FBX, DAE) gets a zip of its own holding it
and every non-model file under its folder (a flat zip shares its resources with each model);
any other model is written as it is. A bundle holds at most `max_models` models, and a model
that is itself an archive (a zip named `.glb`, say) is refused: archives are never unpacked
recursively.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from app.geometry.archives import MODEL_EXTENSIONS, Archive, ArchiveRejected

REFERRING_EXTENSIONS = frozenset({".gltf", ".obj", ".fbx", ".dae"})
ZIP_MAGIC = b"PK\x03\x04"
# 3MF is a zip by definition; its loader opens it as a package, not as a bundle.
ZIP_FORMAT_EXTENSIONS = frozenset({".3mf"})


@dataclass(frozen=True)
class BundleMember:
    name: str  # the model's path in the bundle
    filename: str  # what the member's own upload is called
    path: Path  # where its bytes were written


def write_bundle(archive: Archive, models: list[str], folder: Path) -> list[BundleMember]:
    """Write each model as its own upload under `folder`; ArchiveRejected past the model cap
    or for a nested archive, before anything is written."""
    if len(models) > archive.limits.max_models:
        raise ArchiveRejected(f"the zip holds {len(models)} models; the limit is "
                              f"{archive.limits.max_models} per zip")
    members = []
    for number, model in enumerate(models):
        data = _model_bytes(archive, model)
        base_name = PurePosixPath(model).name
        target = folder / f"{number:05d}-{base_name}"
        resources = _resources_beside(archive, model)
        if PurePosixPath(model).suffix.lower() in REFERRING_EXTENSIONS and resources:
            target = target.with_name(target.name + ".zip")
            with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
                package.writestr(model, data)
                for name in resources:
                    package.writestr(name, archive.read(name))
            filename = f"{PurePosixPath(base_name).stem}.zip"
        else:
            target.write_bytes(data)
            filename = base_name
        members.append(BundleMember(name=model, filename=filename, path=target))
    return members


def _model_bytes(archive: Archive, model: str) -> bytes:
    data = archive.read(model)
    if data.startswith(ZIP_MAGIC) and PurePosixPath(model).suffix.lower() not in \
            ZIP_FORMAT_EXTENSIONS:
        raise ArchiveRejected(f"'{model}' is an archive inside the zip; nested archives are "
                              "refused")
    return data


def _resources_beside(archive: Archive, model: str) -> list[str]:
    folder = posixpath.dirname(model)
    prefix = f"{folder}/" if folder else ""
    return [name for name in archive.names if name.startswith(prefix)
            and PurePosixPath(name).suffix.lower() not in MODEL_EXTENSIONS]
