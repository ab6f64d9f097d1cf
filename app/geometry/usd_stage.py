"""Open an uploaded USD layer or USDZ package as a composed stage that reads nothing beside it.

usd-core opens layers by path, so the upload is written to a temporary folder under the
extension its bytes call for. Before USD composes anything, each layer's sublayers, references
and payloads are checked: in a USDZ they must name files of the package (USD then reads them
from it); a lone layer may name none, as nothing was uploaded beside it. An absolute path, or
one that climbs out of the package, is UNSAFE_REFERENCE; a file that is not there is
MISSING_RESOURCE. Value clips, which USD would open later by path, are refused. USD never reads
a texture: `usd_textures` reads them from the package through the checked zip reader.
"""

from __future__ import annotations

import contextlib
import posixpath
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pxr import Sdf, Tf, Usd

from app.errors import CorruptFile, UnsupportedFormat
from app.geometry.archives import Archive, ArchiveLimits, open_archive
from app.geometry.formats import is_usdz
from app.geometry.resources import MissingResource, Resources
from app.geometry.uris import safe_relative_path
from app.geometry.usd_textures import LooseTextures, PackageTextures, TextureSource

_REASON = re.compile(r" : '(.*?)'\s*$", re.MULTILINE | re.DOTALL)
_MAX_REASON = 300


@dataclass(frozen=True)
class OpenedStage:
    stage: Usd.Stage
    textures: TextureSource
    path: Path  # the upload's temporary copy, which usd-core's messages name


@contextlib.contextmanager
def open_stage(data: bytes, resources: Resources, limits: ArchiveLimits
               ) -> Iterator[OpenedStage]:
    """The composed stage of `data` (USDA, USDC or USDZ) and where its textures come from;
    raises CorruptFile, UnsupportedFormat, UNSAFE_REFERENCE, MISSING_RESOURCE or what the zip
    reader refuses. The stage reads its files lazily: use it inside the block only."""
    package = is_usdz(data[:1024])
    suffix = ".usdz" if package else ".usdc" if data.startswith(b"PXR-USDC") else ".usda"
    with tempfile.TemporaryDirectory(prefix="atelier-usd-") as work:
        path = Path(work) / f"model{suffix}"
        path.write_bytes(data)
        if not package:
            stage = _compose(path, None)
            yield OpenedStage(stage, LooseTextures(resources), path)
            return
        with open_archive(path, limits) as archive:
            stage = _compose(path, archive)
            yield OpenedStage(stage, PackageTextures(archive, str(path), resources), path)


def _compose(path: Path, package: Archive | None) -> Usd.Stage:
    root = _open_layer(str(path), path)
    try:
        _check_layers(root, str(path), package)
        return Usd.Stage.Open(root, Usd.Stage.LoadAll)
    except (Tf.ErrorException, UnicodeDecodeError) as exc:
        raise CorruptFile(f"usd-core cannot compose the stage: {usd_reason(exc, path)}") from exc


def _check_layers(root: Sdf.Layer, package_path: str, package: Archive | None) -> None:
    """Every layer the stage would open lies in the package (each is opened once here)."""
    pending, seen = [root], {root.identifier}
    while pending:
        layer = pending.pop()
        _refuse_clips(layer)
        for asset_path in layer.GetCompositionAssetDependencies():
            if not asset_path:
                continue  # a reference to a prim of the same layer
            inner = _package_member(layer, asset_path, package_path, package)
            identifier = f"{package_path}[{inner}]"
            if identifier not in seen:
                seen.add(identifier)
                pending.append(_open_layer(identifier, Path(package_path)))


def _package_member(layer: Sdf.Layer, asset_path: str, package_path: str,
                    package: Archive | None) -> str:
    identifier = layer.identifier
    inner = identifier[len(package_path) + 1:-1] if identifier != package_path else ""
    member = safe_relative_path(asset_path, posixpath.dirname(inner))
    found = package.find(member) if package is not None else None
    if found is None:
        where = "the USDZ package" if package is not None else (
            "the upload (a stage of several files is uploaded as one .usdz)")
        raise MissingResource(f"the stage refers to the layer '{asset_path[:200]}', which is "
                              f"not in {where}")
    return found


def _refuse_clips(layer: Sdf.Layer) -> None:
    clipped: list[str] = []

    def visit(path: Sdf.Path | str) -> None:
        path = Sdf.Path(path)
        spec = layer.GetPrimAtPath(path) if path.IsPrimPath() and not clipped else None
        if spec is not None and spec.HasInfo("clips"):
            clipped.append(str(path))

    layer.Traverse(Sdf.Path.absoluteRootPath, visit)
    if clipped:
        raise UnsupportedFormat(f"the prim {clipped[0][:200]} uses value clips, which are not "
                                "read here (flatten the clips into the stage)")


def _open_layer(identifier: str, upload: Path) -> Sdf.Layer:
    try:
        layer = Sdf.Layer.FindOrOpen(identifier)
    except Tf.ErrorException as exc:
        raise CorruptFile(f"usd-core cannot read the layer: {usd_reason(exc, upload)}") from exc
    if layer is None:
        raise CorruptFile("usd-core cannot read the layer")
    return layer


def usd_reason(error: Exception, upload: Path) -> str:
    """The first error usd-core gives, without its C++ source location or the temporary
    folder's name."""
    try:
        text = str(error)
    except UnicodeDecodeError:  # the message quotes the damaged bytes themselves
        return "its bytes are damaged"
    found = _REASON.search(text)
    reason = (found.group(1) if found else text.strip()).replace(str(upload.parent) + "/", "")
    return reason[:_MAX_REASON]
