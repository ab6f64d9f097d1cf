"""Turn a Model back into a glTF document and one binary buffer (plus image files for .gltf)."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from app.geometry.convert.accessor_layout import describe, row_bytes, storable, view_target
from app.geometry.convert.model import (
    VERTEX_ROLES,
    AccessorStub,
    Model,
    Role,
    accessor_slots,
    add_extension,
)

IMAGE_EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp"}


@dataclass(frozen=True)
class EncodedView:
    """A buffer view a codec compressed: its bytes, its plain layout and extension fields.

    `accessor` overrides the accessor's fields; a None value removes one (e.g. min and max).
    """

    data: bytes
    byte_stride: int
    count: int
    extension: dict[str, Any]
    accessor: dict[str, Any] = field(default_factory=dict)


class ViewCodec(Protocol):
    """Compresses buffer views (EXT_meshopt_compression): None keeps a view plain."""

    extension: str
    extra_extensions: set[str]  # what the encoded data needs besides `extension`

    def encode(self, values: np.ndarray, role: Role, semantic: str) -> EncodedView | None: ...


@dataclass
class Packed:
    document: dict[str, Any]
    binary: bytes
    image_files: dict[str, bytes] = field(default_factory=dict)


class _BufferWriter:
    def __init__(self, codec: ViewCodec | None) -> None:
        self.codec = codec
        self.parts: list[bytes] = []
        self.length = 0
        self.fallback_length = 0
        self.views: list[dict[str, Any]] = []
        self.accessors: list[dict[str, Any]] = []
        self.written: dict[int, int] = {}  # id(array) -> accessor, so shared data is stored once

    def append(self, data: bytes) -> int:
        self.parts.append(b"\x00" * (-self.length % 4))
        self.length += -self.length % 4
        offset = self.length
        self.parts.append(data)
        self.length += len(data)
        return offset

    def add_view(self, data: bytes, **fields: Any) -> int:
        view = {"buffer": 0, "byteOffset": self.append(data), "byteLength": len(data), **fields}
        self.views.append(view)
        return len(self.views) - 1

    def add_accessor(self, values: np.ndarray | AccessorStub, role: Role, semantic: str) -> int:
        if isinstance(values, AccessorStub):
            self.accessors.append(dict(values.fields))
            return len(self.accessors) - 1
        source_id = id(values)
        if source_id in self.written:
            return self.written[source_id]
        values = storable(values, role)
        encoded = self.codec.encode(values, role, semantic) if self.codec else None
        accessor = describe(values, bounds=encoded is None or "min" not in encoded.accessor)
        if encoded is None:
            data, stride = row_bytes(values, role)
            view_fields: dict[str, Any] = view_target(role)
            if role in VERTEX_ROLES:
                view_fields["byteStride"] = stride
            accessor["bufferView"] = self.add_view(data, **view_fields)
        else:
            accessor.update(encoded.accessor)
            accessor = {k: v for k, v in accessor.items() if v is not None}
            accessor["bufferView"] = self._add_encoded_view(encoded, role)
        self.accessors.append(accessor)
        self.written[source_id] = len(self.accessors) - 1
        return len(self.accessors) - 1

    def _add_encoded_view(self, encoded: EncodedView, role: Role) -> int:
        assert self.codec is not None
        plain_length = encoded.byte_stride * encoded.count
        offset = self.append(encoded.data)
        extension = {"buffer": 0, "byteOffset": offset, "byteLength": len(encoded.data),
                     "byteStride": encoded.byte_stride, "count": encoded.count,
                     **encoded.extension}
        view = {"buffer": 1, "byteOffset": self.fallback_length, "byteLength": plain_length,
                **view_target(role), "extensions": {self.codec.extension: extension}}
        if role in VERTEX_ROLES:
            view["byteStride"] = encoded.byte_stride
        self.fallback_length += plain_length + (-plain_length % 4)
        self.views.append(view)
        return len(self.views) - 1


def pack_model(
    model: Model, *, external_images: bool = False, codec: ViewCodec | None = None
) -> Packed:
    """Lay out every accessor and image; images go to `image_files` when `external_images`."""
    document = copy.copy(model.document)
    for key in ("extensionsUsed", "extensionsRequired"):
        if key in document:
            document[key] = list(document[key])
    memo = _keep_arrays(model)
    for key in ("meshes", "skins", "animations", "nodes", "images"):
        if key in document:
            document[key] = copy.deepcopy(document[key], memo)
    writer = _BufferWriter(codec)
    for container, key, role in accessor_slots(document):
        container[key] = writer.add_accessor(container[key], role, key)
    for primitive in (p for mesh in document.get("meshes", []) for p in mesh["primitives"]):
        draco = primitive.get("extensions", {}).get("KHR_draco_mesh_compression")
        if draco is not None:
            draco["bufferView"] = writer.add_view(draco["bufferView"])
    image_files = _place_images(model, document, writer, external_images)
    buffers: list[dict[str, Any]] = [{"byteLength": writer.length}]
    if writer.fallback_length and codec is not None:
        buffers.append({"byteLength": writer.fallback_length,
                        "extensions": {codec.extension: {"fallback": True}}})
        for name in (codec.extension, *sorted(codec.extra_extensions)):
            add_extension(document, name, required=True)
    for key, items in (("accessors", writer.accessors), ("bufferViews", writer.views),
                       ("buffers", buffers)):
        if items and (key != "buffers" or writer.length):
            document[key] = items
    return Packed(document, b"".join(writer.parts), image_files)


def _keep_arrays(model: Model) -> dict[int, Any]:
    # deepcopy must not copy megabytes of vertex data only to replace them with indices.
    return {id(container[key]): container[key]
            for container, key, _ in accessor_slots(model.document)}


def _place_images(
    model: Model, document: dict[str, Any], writer: _BufferWriter, external: bool
) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for index, (image, entry) in enumerate(zip(model.images, document.get("images", []),
                                               strict=True)):
        if external:
            name = f"texture_{index:03d}.{IMAGE_EXTENSIONS.get(image.mime_type, 'bin')}"
            files[name] = image.data
            entry["uri"] = name
        else:
            entry["bufferView"] = writer.add_view(image.data)
            entry["mimeType"] = image.mime_type
    return files
