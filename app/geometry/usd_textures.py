"""Texture files of a USD stage, read from its USDZ package only, never from the disk.

USD resolves a texture's asset path to `<package>[<member>]` when the package holds it; that
member is read through the checked zip reader. A path USD resolved anywhere else (an absolute
path that happens to exist) or that climbs out of the package is UNSAFE_REFERENCE; one missing
from the package is MISSING_RESOURCE, as a USDZ is self-contained by definition. A lone layer
brought no files: its textures are left out with a warning, as OBJ's are.
"""

from __future__ import annotations

from typing import Protocol

from pxr import Sdf

from app.errors import UnsafeReference
from app.geometry.archives import Archive
from app.geometry.resources import MissingResource, Resources, check_image_size
from app.geometry.uris import safe_relative_path
from app.geometry.validation import Severity, ValidationIssue


class TextureSource(Protocol):
    def read(self, asset: Sdf.AssetPath) -> bytes | None:
        """The texture file's bytes; None when it is left out (with a warning)."""


class PackageTextures:
    def __init__(self, archive: Archive, package_path: str, resources: Resources) -> None:
        self.archive = archive
        self.prefix = f"{package_path}["
        self.resources = resources

    def read(self, asset: Sdf.AssetPath) -> bytes | None:
        resolved: str = asset.resolvedPath
        inner = resolved[len(self.prefix):-1] if resolved.startswith(self.prefix) and \
            resolved.endswith("]") else None
        # A nested package (`a.usdz[b.usdz[c.png]]`) is no member of this one's zip.
        name = self.archive.find(inner) if inner and "[" not in inner else None
        if name is None:
            if resolved and inner is None:
                raise UnsafeReference(f"the texture '{asset.path[:200]}' lies outside the "
                                      "USDZ package")
            safe_relative_path(asset.path)  # an absolute or climbing path is UNSAFE_REFERENCE
            raise MissingResource(f"the texture '{asset.path[:200]}' is not in the USDZ "
                                  "package")
        data = self.archive.read(name)
        check_image_size(data, self.resources.max_image_pixels,
                         f"the texture '{asset.path[:100]}'")
        return data


class LooseTextures:
    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def read(self, asset: Sdf.AssetPath) -> bytes | None:
        self.resources.warnings.append(ValidationIssue(
            "MISSING_RESOURCE", Severity.WARNING,
            f"the texture '{asset.path[:200]}' was not uploaded, so the model is shown without "
            "it; upload the stage and its textures as one .usdz", None))
        return None
