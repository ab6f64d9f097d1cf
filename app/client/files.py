"""Find what to upload: named files as given, folders walked for models, and each .gltf or .obj
with the files it names, which travel with it as one bundle."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.client.references import References, gltf_references, normalised, obj_references
from app.geometry.formats import EXTENSIONS
from app.usage import UsageError

REFERRING_MODELS = {".gltf": gltf_references, ".obj": obj_references}


@dataclass(frozen=True)
class ModelFiles:
    """One model to upload: `path` as the user will read it, the files it names (absolute,
    inside `root`), and `root`, the folder given (or a named file's folder)."""

    path: Path
    resources: tuple[Path, ...]
    root: Path

    @property
    def is_bundle(self) -> bool:
        return bool(self.resources)


@dataclass(frozen=True)
class Skipped:
    path: Path | str
    reason: str

    def line(self) -> str:
        return f"skipped {self.path}: {self.reason}"


@dataclass(frozen=True)
class FoundFiles:
    models: list[ModelFiles]
    skipped: list[Skipped]


def find_model_files(paths: Iterable[Path]) -> FoundFiles:
    """Every named file (the server judges its bytes), plus the models under named folders;
    a folder's other files are skipped unless a model names them.

    Hidden files and folders are not walked; a file named twice is uploaded once.
    """
    models: dict[Path, ModelFiles] = {}
    skipped: list[Skipped] = []
    used: set[Path] = set()
    others: list[Path] = []
    for path in paths:
        if path.is_file():
            candidates, root = [path], normalised(path.parent)
        elif path.is_dir():
            found = _walk(path)
            candidates = [f for f in found if f.suffix.lower() in EXTENSIONS]
            others += [f for f in found if f.suffix.lower() not in EXTENSIONS]
            root = normalised(path)
        else:
            raise UsageError(f"no such file or folder: {path}")
        for candidate in candidates:
            if normalised(candidate) in models:
                continue
            references = _references(candidate, root)
            models[normalised(candidate)] = ModelFiles(candidate, tuple(references.found), root)
            used.update(references.found)
            skipped += [Skipped(name, f"named by {candidate}, but outside {root}")
                        for name in references.outside]
    skipped += [Skipped(other, "not a model") for other in others
                if normalised(other) not in used]
    return FoundFiles(models=list(models.values()), skipped=skipped)


def _references(model: Path, root: Path) -> References:
    finder = REFERRING_MODELS.get(model.suffix.lower())
    return finder(model, root) if finder else References()


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if not entry.is_symlink():  # a linked folder could lead back up the tree
                found.extend(_walk(entry))
        elif entry.is_file():
            found.append(entry)
    return found
