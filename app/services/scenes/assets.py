"""The assets a scene draws from: checked for the viewer (visible, READY) in small batches, and
their normalised GLBs read from storage, only the JSON chunk when that is all a scene needs."""

from __future__ import annotations

import asyncio
import contextlib
import struct
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import (
    AtelierError,
    CorruptFile,
    InvalidInput,
    InvalidState,
    LimitExceeded,
    NotFound,
)
from app.geometry.gltf_io import CHUNK_JSON, GLB_MAGIC, parse_json
from app.geometry.scene_graph import source_key
from app.models.asset import Asset, AssetStatus
from app.models.asset_version import AssetVersion, derived_first_version
from app.models.common import FileRole, StoredFile
from app.models.token import Scope
from app.services.asset_versions import version_glb
from app.services.auth import Principal
from app.services.lookup import find_by_ids
from app.services.scenes.operations import Operation, mesh_uses, texture_uses
from app.services.storage import Storage

_HEADER = 20  # GLB header (12 bytes) and the JSON chunk's header (8 bytes)


class SceneAssets:
    def __init__(self, storage: Storage, *, max_document_bytes: int, max_export_bytes: int
                 ) -> None:
        self.storage = storage
        self.max_document_bytes = max_document_bytes
        self.max_export_bytes = max_export_bytes

    async def usable(self, principal: Principal, asset_ids: Iterable[str]
                     ) -> dict[str, Asset | NotFound | InvalidState]:
        """Each asset the viewer may draw from, or why not (unseen, or not READY)."""
        wanted = sorted(set(asset_ids))
        found = await find_by_ids(Asset, wanted) if wanted else {}
        return self.usable_among(principal, {asset_id: found.get(asset_id) for asset_id in wanted})

    def usable_among(self, principal: Principal, found: Mapping[str, Asset | None]
                     ) -> dict[str, Asset | NotFound | InvalidState]:
        """`usable` for assets already read (None: no such asset), keyed as given."""
        if found:
            principal.require(Scope.ASSETS_READ)
        result: dict[str, Asset | NotFound | InvalidState] = {}
        for asset_id, asset in found.items():
            if asset is None or not principal.projects.can_read(asset.project_id):
                result[asset_id] = NotFound(f"no asset with id {asset_id}", field=["asset_id"])
            elif asset.status is not AssetStatus.READY or asset.file(FileRole.GLB) is None:
                result[asset_id] = InvalidState(
                    f"asset {asset_id} is {asset.status.value}; scenes use READY assets",
                    field=["asset_id"])
            else:
                result[asset_id] = asset
        return result

    async def documents_for(self, principal: Principal, operations: Sequence[Operation]
                            ) -> SceneSources:
        """Check every asset (and pinned version) the operations use: NOT_FOUND, INVALID_STATE
        (an asset or version not READY), or INVALID_INPUT for a texture it lacks. The glTF
        documents of the versions giving meshes, and the current version of each asset used
        as latest (with its document: a scene drawing an older one follows it first)."""
        meshes = [(i, op, "mesh", use.asset_id, use.asset_version)
                  for i, op in enumerate(operations) for use in mesh_uses(op)]
        texture_refs = [(i, ref) for i, op in enumerate(operations) for _, ref in texture_uses(op)]
        textures = [(i, op, slot, str(ref.get("asset_id")), ref.get("asset_version"))
                    for i, op in enumerate(operations) for slot, ref in texture_uses(op)]
        uses = meshes + textures
        usable = await self.usable(principal, [asset_id for _, _, _, asset_id, _ in uses])
        versions: dict[str, int] = {}
        drawn: dict[str, tuple[Asset, AssetVersion]] = {}
        for position, operation, field, asset_id, number in uses:
            where = ["operations", str(position), operation.kind, field]
            found = usable[asset_id]
            if isinstance(found, AtelierError):
                found.field = [*where, "asset_id"]
                raise found
            if number is None:
                versions[asset_id] = found.current_version
            key = source_key(asset_id, number)
            if key not in drawn:
                drawn[key] = (found, await _drawn_version(found, number, where))
        for (position, operation, slot, asset_id, number), (_, ref) in zip(
                textures, texture_refs, strict=True):
            index = ref.get("texture_index")
            stats = drawn[source_key(asset_id, number)][1].stats
            if isinstance(index, int) and not 0 <= index < (stats.texture_count if stats else 0):
                raise InvalidInput(f"asset {asset_id} has no texture {index}", field=[
                    "operations", str(position), operation.kind, slot, "texture_index"])
        wanted = {source_key(asset_id, number) for *_, asset_id, number in meshes}
        wanted.update(versions)
        documents = {key: await self.gltf_document(drawn[key][0], drawn[key][1].number)
                     for key in sorted(wanted)}
        return SceneSources(documents, versions)

    async def present(self, asset_ids: Iterable[str]) -> dict[str, Asset]:
        """The assets that still exist with a GLB, whatever their owner (for a scene's own
        references, checked when they were made)."""
        found = await find_by_ids(Asset, asset_ids)
        return {asset_id: asset for asset_id, asset in found.items()
                if asset.file(FileRole.GLB) is not None}

    async def gltf_document(self, asset: Asset, number: int | None = None) -> dict[str, Any]:
        """The JSON document of the GLB of the asset's version `number` (None: the current
        one), read without its binary chunk."""
        head = bytearray()
        stream = self.storage.get_stream((await _glb(asset, number)).key)
        try:
            async with contextlib.aclosing(stream):  # type: ignore[type-var]
                async for chunk in stream:
                    head.extend(chunk)
                    if len(head) >= _HEADER and len(head) >= _HEADER + self._json_length(head):
                        break
        except FileNotFoundError:
            raise NotFound(f"the GLB of asset {asset.id} is missing from storage") from None
        if len(head) < _HEADER:
            raise CorruptFile(f"the GLB of asset {asset.id} is truncated")
        document = head[_HEADER:_HEADER + self._json_length(head)]
        return await asyncio.to_thread(parse_json, bytes(document))

    async def download_glbs(self, sources: Mapping[str, tuple[Asset, int | None]],
                            work_dir: Path) -> dict[str, Path]:
        """The GLB of each source (an asset and its version, None: the current one) as a file
        in `work_dir`, by source key, each stored file fetched once; a version gone from the
        asset is left out. LimitExceeded past `max_export_bytes`."""
        glbs = {key: glb for key, (asset, number) in sources.items()
                if (glb := await version_glb(asset, number)) is not None}
        unique = {stored.key: stored for stored in glbs.values()}
        total = sum(stored.size_bytes for stored in unique.values())
        if total > self.max_export_bytes:
            raise LimitExceeded(f"the scene's assets add up to {total} bytes; a scene export "
                                f"may read at most {self.max_export_bytes}")
        files = {key: work_dir / f"source-{i}.glb" for i, key in enumerate(unique)}
        for key, path in files.items():
            await self.storage.download_to(key, path)
        return {source: files[stored.key] for source, stored in glbs.items()}

    def _json_length(self, head: bytearray) -> int:
        magic, _, _, length, kind = struct.unpack_from("<4sIIII", head, 0)
        if magic != GLB_MAGIC or kind != CHUNK_JSON:
            raise CorruptFile("the asset's GLB does not start with a JSON chunk")
        if length > self.max_document_bytes:
            raise LimitExceeded(f"the asset's glTF document has {length} bytes; scenes read at "
                                f"most {self.max_document_bytes}")
        return int(length)


@dataclass(frozen=True)
class SceneSources:
    """What applying operations reads: glTF documents by source key, and the current version
    of each asset used as latest."""

    documents: dict[str, dict[str, Any]]
    versions: dict[str, int]


async def _glb(asset: Asset, number: int | None) -> StoredFile:
    stored = await version_glb(asset, number)
    if stored is None:
        raise NotFound(f"asset {asset.id} has no GLB" if number is None else
                       f"version {number} of asset {asset.id} has no GLB")
    return stored


async def _drawn_version(asset: Asset, number: int | None, field: list[str]) -> AssetVersion:
    """The version a reference draws (None: the current one); NOT_FOUND for a version the
    asset does not have, INVALID_STATE for one that is not READY."""
    current = number is None or number == asset.current_version
    version = await AssetVersion.find_one({"asset_id": asset.id,
                                           "number": asset.current_version if current else number})
    if version is None and current:  # an asset that stores no versions is its version 1
        return derived_first_version(asset)
    if version is None:
        raise NotFound(f"asset {asset.id} has no version {number}", field=[*field,
                                                                          "asset_version"])
    if version.status is not AssetStatus.READY:
        raise InvalidState(f"version {number} of asset {asset.id} is {version.status.value}; "
                           "scenes use READY versions", field=[*field, "asset_version"])
    return version
