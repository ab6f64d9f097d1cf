"""First pass over a glTF document: root members, asset version, extensions, every collection."""

from __future__ import annotations

import re
from typing import Any

from app.geometry.gltf_io import GltfAsset

from .context import Context, join
from .kinds import ALWAYS_REQUIRED, EXTENSION_HOSTS, VERSION_PATTERN, kinds_for
from .model import COLLECTIONS, Model
from .objects import ObjectReader
from .schema import Index, read_string_list

ROOT_MEMBERS = frozenset({"extensionsUsed", "extensionsRequired", "asset", "scene",
                          "extensions", "extras", *COLLECTIONS})
_EXTENSION_NAME = re.compile(r"^([A-Z0-9]+)_[A-Za-z0-9_]+$")


def read_document(ctx: Context, asset: GltfAsset) -> Model | None:
    """Read and schema-check the whole document; None when its asset version stops validation."""
    root = asset.document
    for key in root:
        if key not in ROOT_MEMBERS:
            ctx.add("UNEXPECTED_PROPERTY", join("", key))
    if "extensionsRequired" in root and "extensionsUsed" not in root:
        ctx.add("UNSATISFIED_DEPENDENCY", "/extensionsRequired", "extensionsUsed")
    _init_extensions(ctx, root)
    reader = ObjectReader(ctx, kinds_for(ctx.extensions_loaded))
    if not _asset_is_gltf2(ctx, reader, root):
        return None
    items = {name: reader.collection(root, name, kind) for name, kind in COLLECTIONS.items()}
    model = Model(ctx=ctx, reader=reader, asset=asset, items=items,
                  extensions=reader.extensions(root, "gltf", ""))
    scene = reader.member(root, "scene", Index(), "")
    if isinstance(scene, int):
        model.scene = scene
        model.resolve("scenes", scene, "/scene")
    extras = root.get("extras")
    if extras is not None and not isinstance(extras, dict):
        ctx.add("NON_OBJECT_EXTRAS", "/extras")
    return model


def _init_extensions(ctx: Context, root: dict[str, Any]) -> None:
    used = read_string_list(ctx, root["extensionsUsed"], "/extensionsUsed") \
        if "extensionsUsed" in root else None
    required = read_string_list(ctx, root["extensionsRequired"], "/extensionsRequired") \
        if "extensionsRequired" in root else None
    ctx.extensions_used = used or []
    for i, name in enumerate(ctx.extensions_used):
        where = join("/extensionsUsed", i)
        if not _EXTENSION_NAME.match(name):
            ctx.add("INVALID_EXTENSION_NAME_FORMAT", where)
        if name not in EXTENSION_HOSTS:
            ctx.add("UNSUPPORTED_EXTENSION", where, name)
            continue
        if name in ALWAYS_REQUIRED and name not in (required or []):
            ctx.add("NON_REQUIRED_EXTENSION", where, name)
        ctx.extensions_loaded.add(name)
    for i, name in enumerate(required or []):
        if name not in ctx.extensions_used:
            ctx.add("UNUSED_EXTENSION_REQUIRED", join("/extensionsRequired", i), name)
        elif name not in EXTENSION_HOSTS:
            ctx.add("UNSUPPORTED_REQUIRED_EXTENSION", join("/extensionsRequired", i), name)


def _asset_is_gltf2(ctx: Context, reader: ObjectReader, root: dict[str, Any]) -> bool:
    """Check `asset`; Khronos validates nothing more unless it declares a 2.x version."""
    asset = reader.child(root, "asset", "asset", "", required=True)
    version = asset.get("version") if asset else None
    if version is None:
        return False
    major, minor = _version(version)
    if major != 2:
        ctx.add("UNKNOWN_ASSET_MAJOR_VERSION", "/asset/version", major)
        return False
    if minor > 0:
        ctx.add("UNKNOWN_ASSET_MINOR_VERSION", "/asset/version", minor)
    min_version = asset.get("minVersion")
    if min_version is not None and _version(min_version) > (major, minor):
        ctx.add("ASSET_MIN_VERSION_GREATER_THAN_VERSION", "/asset/minVersion",
                f"'{min_version}'", f"'{version}'")
    return True


def _version(text: str) -> tuple[int, int]:
    match = re.match(VERSION_PATTERN, text)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)
