"""Find the model files to upload: named files as given, folders walked for model extensions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.geometry.formats import EXTENSIONS


class UsageError(Exception):
    """The command line asks for something impossible (a path that does not exist, ...)."""


@dataclass(frozen=True)
class FoundFiles:
    files: list[Path]
    skipped: int  # files in folders whose extension is not a model format or .zip


def find_model_files(paths: Iterable[Path]) -> FoundFiles:
    """Every named file (the server judges its bytes), plus the model files under named folders.

    Hidden files and folders are not walked; a file named twice is uploaded once.
    """
    files: dict[Path, Path] = {}  # resolved path -> the path as the user will read it
    skipped = 0
    for path in paths:
        if path.is_file():
            files.setdefault(path.resolve(), path)
        elif path.is_dir():
            for found in _walk(path):
                if found.suffix.lower() in EXTENSIONS:
                    files.setdefault(found.resolve(), found)
                else:
                    skipped += 1
        else:
            raise UsageError(f"no such file or folder: {path}")
    return FoundFiles(files=list(files.values()), skipped=skipped)


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
