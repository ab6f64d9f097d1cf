"""Zip uploads read safely: names, entry count, sizes and ratios checked before inflating a byte.

A zip is refused (ARCHIVE_REJECTED) when any entry could escape the upload (absolute paths,
`..`, links), is encrypted, or when the entries, their total inflated size or one entry's
compression ratio pass the limits. Reads are capped at each entry's declared size, so a header
that understates its data cannot inflate past the checks.
"""

from __future__ import annotations

import contextlib
import lzma
import posixpath
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from app.errors import AtelierError, CorruptFile, ErrorCode

MODEL_EXTENSIONS = frozenset(
    {".gltf", ".glb", ".obj", ".stl", ".ply", ".off", ".fbx", ".dae", ".3mf"})
THREE_MF_MODEL = "3d/3dmodel.model"
# Entries smaller than this are never judged by ratio: tiny text compresses very well.
RATIO_FLOOR_BYTES = 1024 * 1024
_ENCRYPTED = 0x1


class ArchiveRejected(AtelierError):
    code = ErrorCode.ARCHIVE_REJECTED


@dataclass(frozen=True)
class ArchiveLimits:
    max_entries: int = 10_000
    max_total_bytes: int = 1024 * 1024 * 1024
    max_ratio: float = 200.0
    max_models: int = 200


class Archive:
    """The checked entries of an open zip, by normalised path."""

    def __init__(self, handle: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo],
                 limits: ArchiveLimits) -> None:
        self._handle = handle
        self._entries = entries
        self._lower = {name.lower(): name for name in entries}
        self._limits = limits
        self._read_bytes = 0
        self._read_names: set[str] = set()

    @property
    def limits(self) -> ArchiveLimits:
        return self._limits

    @property
    def names(self) -> list[str]:
        return sorted(self._entries)

    def models(self) -> list[str]:
        """Model files (by extension), sorted; folders' junk such as __MACOSX/ left out."""
        return [name for name in self.names
                if PurePosixPath(name).suffix.lower() in MODEL_EXTENSIONS]

    def is_3mf(self) -> bool:
        return THREE_MF_MODEL in self._lower

    def find(self, path: str) -> str | None:
        """The entry at `path`, matched exactly, else ignoring case (zips made on Windows)."""
        return path if path in self._entries else self._lower.get(path.lower())

    def size(self, name: str) -> int:
        return self._entries[name].file_size

    def read(self, name: str) -> bytes:
        info = self._entries[name]
        counted = 0 if name in self._read_names else info.file_size
        if self._read_bytes + counted > self._limits.max_total_bytes:
            raise ArchiveRejected("the zip inflates to more than the limit of "
                                  f"{self._limits.max_total_bytes} bytes")
        try:
            # zipfile raises NotImplementedError for compression methods it cannot inflate.
            with self._handle.open(info) as stream:
                data = stream.read(info.file_size + 1)
        except (zipfile.BadZipFile, zlib.error, lzma.LZMAError, OSError, EOFError, ValueError,
                NotImplementedError) as exc:
            raise CorruptFile(f"the zip entry '{name}' cannot be read: {exc}") from exc
        if len(data) != info.file_size:
            raise ArchiveRejected(f"the zip entry '{name}' holds more or less data than "
                                  "its header declares")
        self._read_bytes += counted
        self._read_names.add(name)
        return data


@contextlib.contextmanager
def open_archive(source: Path | IO[bytes], limits: ArchiveLimits) -> Iterator[Archive]:
    """Open and check a zip (a path or a binary stream); raises CorruptFile or
    ArchiveRejected."""
    try:
        handle = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise CorruptFile(f"the zip archive cannot be read: {exc}") from exc
    with handle:
        yield Archive(handle, _checked_entries(handle.infolist(), limits), limits)


def _checked_entries(infos: list[zipfile.ZipInfo], limits: ArchiveLimits
                     ) -> dict[str, zipfile.ZipInfo]:
    if len(infos) > limits.max_entries:
        raise ArchiveRejected(
            f"the zip has {len(infos)} entries; the limit is {limits.max_entries}")
    total = sum(info.file_size for info in infos)
    if total > limits.max_total_bytes:
        raise ArchiveRejected(
            f"the zip inflates to {total} bytes; the limit is {limits.max_total_bytes}")
    entries: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = entry_path(info.filename)
        if info.flag_bits & _ENCRYPTED:
            raise ArchiveRejected(f"the zip entry '{name}' is encrypted")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise ArchiveRejected(f"the zip entry '{name}' is a link")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR_BYTES and ratio > limits.max_ratio:
            raise ArchiveRejected(f"the zip entry '{name}' inflates {ratio:.0f} times; the "
                                  f"limit is {limits.max_ratio:g} (a zip bomb?)")
        if info.is_dir() or _is_junk(name):
            continue
        if name in entries:
            raise ArchiveRejected(f"the zip holds '{name}' twice")
        entries[name] = info
    return entries


def entry_path(filename: str) -> str:
    """An entry's name as a path inside the archive; one that could leave it is refused."""
    name = filename.replace("\\", "/")
    if "\x00" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise ArchiveRejected(f"the zip entry '{filename[:200]}' has an absolute path")
    if ".." in name.split("/"):
        raise ArchiveRejected(f"the zip entry '{filename[:200]}' escapes the archive")
    return posixpath.normpath(name) + ("/" if name.endswith("/") else "")


def _is_junk(name: str) -> bool:
    """Files that archivers add beside the content (macOS forks, hidden files)."""
    parts = name.split("/")
    return parts[0] == "__MACOSX" or any(part.startswith(".") for part in parts)
