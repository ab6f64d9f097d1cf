"""The assets a scene draws from: checked for the viewer (visible, READY) in small batches, and
their normalised GLBs read from storage, only the JSON chunk when that is all a scene needs."""

from __future__ import annotations

import asyncio
import contextlib
import struct
from collections.abc import Iterable, Mapping, Sequence
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
from app.models.asset import Asset, AssetStatus
from app.models.common import FileRole, StoredFile
from app.models.token import Scope
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
                            ) -> dict[str, dict[str, Any]]:
        """Check every asset the operations use (NOT_FOUND, INVALID_STATE, or INVALID_INPUT
        for a texture the asset lacks); the glTF documents of the assets giving meshes."""
        meshes = [(i, op, use.asset_id) for i, op in enumerate(operations)
                  for use in mesh_uses(op)]
        textures = [(i, op, slot, ref) for i, op in enumerate(operations)
                    for slot, ref in texture_uses(op)]
        usable = await self.usable(principal, [asset_id for *_, asset_id in meshes] +
                                   [str(ref.get("asset_id")) for *_, ref in textures])

        def checked(position: int, operation: Operation, field: str, asset_id: str) -> Asset:
            found = usable[asset_id]
            if isinstance(found, AtelierError):
                found.field = ["operations", str(position), operation.kind, field, "asset_id"]
                raise found
            return found

        for position, operation, slot, ref in textures:
            asset = checked(position, operation, slot, str(ref.get("asset_id")))
            index = ref.get("texture_index")
            count = asset.stats.texture_count if asset.stats else 0
            if isinstance(index, int) and not 0 <= index < count:
                raise InvalidInput(f"asset {asset.id} has no texture {index}", field=[
                    "operations", str(position), operation.kind, slot, "texture_index"])
        documents: dict[str, dict[str, Any]] = {}
        for position, operation, asset_id in meshes:
            asset = checked(position, operation, "mesh", asset_id)
            if asset_id not in documents:
                documents[asset_id] = await self.gltf_document(asset)
        return documents

    async def present(self, asset_ids: Iterable[str]) -> dict[str, Asset]:
        """The assets that still exist with a GLB, whatever their owner (for a scene's own
        references, checked when they were made)."""
        found = await find_by_ids(Asset, asset_ids)
        return {asset_id: asset for asset_id, asset in found.items()
                if asset.file(FileRole.GLB) is not None}

    async def gltf_document(self, asset: Asset) -> dict[str, Any]:
        """The JSON document of the asset's GLB, read without its binary chunk."""
        head = bytearray()
        stream = self.storage.get_stream(_glb(asset).key)
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

    async def download_glbs(self, assets: Iterable[Asset], work_dir: Path) -> dict[str, Path]:
        """Each asset's GLB as a file in `work_dir`; LimitExceeded past `max_export_bytes`."""
        glbs = {asset.id: _glb(asset) for asset in assets}
        total = sum(stored.size_bytes for stored in glbs.values())
        if total > self.max_export_bytes:
            raise LimitExceeded(f"the scene's assets add up to {total} bytes; a scene export "
                                f"may read at most {self.max_export_bytes}")
        paths = {}
        for asset_id, stored in glbs.items():
            paths[asset_id] = work_dir / f"{asset_id}.glb"
            await self.storage.download_to(stored.key, paths[asset_id])
        return paths

    def _json_length(self, head: bytearray) -> int:
        magic, _, _, length, kind = struct.unpack_from("<4sIIII", head, 0)
        if magic != GLB_MAGIC or kind != CHUNK_JSON:
            raise CorruptFile("the asset's GLB does not start with a JSON chunk")
        if length > self.max_document_bytes:
            raise LimitExceeded(f"the asset's glTF document has {length} bytes; scenes read at "
                                f"most {self.max_document_bytes}")
        return int(length)


def _glb(asset: Asset) -> StoredFile:
    stored = asset.file(FileRole.GLB)
    if stored is None:
        raise NotFound(f"asset {asset.id} has no GLB")
    return stored
