"""The files a model refers to (buffers, textures, materials), found only inside its upload.

A reference is read from the model's zip, never from the disk or the network. glTF references
are strict: a URI that leaves the upload is UNSAFE_REFERENCE, one that is not there is
MISSING_RESOURCE. Other formats (OBJ, FBX, DAE) often carry the author's absolute texture paths,
so their references fall back to the file's base name, and what is still missing is left out
with a warning. Every image is measured from its header before anything decodes it.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from app.errors import AtelierError, ErrorCode, LimitExceeded, UnsafeReference
from app.geometry.archives import Archive
from app.geometry.uris import decode_data_uri, is_data_uri, safe_relative_path
from app.geometry.validation import Severity, ValidationIssue
from app.geometry.validation.image_headers import (
    ImageInvalid,
    ImageTruncated,
    ImageUnrecognized,
    detect_mime,
    read_header,
)


class MissingResource(AtelierError):
    code = ErrorCode.MISSING_RESOURCE


def check_image_size(data: bytes, max_pixels: int, what: str) -> None:
    """Refuse an image whose header declares more than `max_pixels` (a decompression bomb)."""
    if detect_mime(data) is None:
        return
    try:
        header = read_header(data)
    except (ImageUnrecognized, ImageTruncated, ImageInvalid):
        return  # a broken header is for validation to report
    if header.width * header.height > max_pixels:
        raise LimitExceeded(f"{what} is {header.width}x{header.height} pixels; the limit is "
                            f"{max_pixels} pixels")


@dataclass
class Resources:
    """References of one model: `archive` is None for a single uploaded file, `base` the
    model's folder in the archive. Warnings collect what lenient lookups left out."""

    archive: Archive | None
    base: str
    max_image_pixels: int
    warnings: list[ValidationIssue] = field(default_factory=list)
    _cache: dict[str, bytes] = field(default_factory=dict, repr=False)

    def strict(self, uri: str) -> tuple[bytes, str | None]:
        """A glTF URI's bytes and media type (data URIs included)."""
        if is_data_uri(uri):
            data, media_type = decode_data_uri(uri)
        else:
            path = safe_relative_path(uri, self.base)
            name = self.archive.find(path) if self.archive else None
            if name is None:
                raise MissingResource(self._missing_message(path))
            data, media_type = self._read(name), None
        check_image_size(data, self.max_image_pixels, f"the image '{uri[:100]}'")
        return data, media_type

    def strict_bytes(self, uri: str) -> bytes:
        return self.strict(uri)[0]

    def lenient(self, reference: str) -> bytes | None:
        """A texture or material file by its path, else by its base name; None (and a
        warning) when the upload does not hold it."""
        name = self._lenient_name(reference)
        if name is None:
            self.warnings.append(ValidationIssue(
                "MISSING_RESOURCE", Severity.WARNING,
                f"'{reference[:200]}' is not in the upload, so the model is shown without it; "
                "upload the model and its files together in a .zip", None))
            return None
        data = self._read(name)
        check_image_size(data, self.max_image_pixels, f"the image '{reference[:100]}'")
        return data

    def _read(self, name: str) -> bytes:
        """An archive entry, read once however often the model refers to it."""
        if name not in self._cache:
            self._cache[name] = self.archive.read(name)  # type: ignore[union-attr]
        return self._cache[name]

    def _lenient_name(self, reference: str) -> str | None:
        if self.archive is None or is_data_uri(reference):
            return None
        try:
            found = self.archive.find(safe_relative_path(reference.strip(), self.base))
        except UnsafeReference:
            found = None
        if found is not None:
            return found
        base_name = PurePosixPath(reference.replace("\\", "/")).name
        candidates = [posixpath.join(self.base, base_name), base_name]
        return next((n for c in candidates if (n := self.archive.find(c)) is not None), None)

    def _missing_message(self, path: str) -> str:
        if self.archive is None:
            return (f"the model refers to '{path}', which was not uploaded; upload the model "
                    "and its files together in a .zip")
        return f"the model refers to '{path}', which is not in the zip"
