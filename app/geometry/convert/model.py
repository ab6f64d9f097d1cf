"""An editable glTF model: the JSON document with every accessor as a numpy array, images as bytes.

Optimisers edit the arrays in place of accessor indices; `packing` turns them back into
accessors and buffer views, so no step ever has to keep byte offsets straight.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from app.errors import AtelierError, CorruptFile, ErrorCode
from app.geometry.gltf_io import accessor_array, is_glb, load_asset

# Extensions whose data this package cannot rewrite: the source must arrive decoded.
COMPRESSED_GEOMETRY = frozenset({"KHR_draco_mesh_compression", "EXT_meshopt_compression"})
QUANTIZATION = "KHR_mesh_quantization"
TRIANGLES = 4
# How an accessor is used: vertex attribute, morph target delta, index list, anything else.
Role = Literal["vertex", "target", "index", "other"]
VERTEX_ROLES = frozenset({"vertex", "target"})


@dataclass(frozen=True)
class Image:
    data: bytes
    mime_type: str


@dataclass(frozen=True)
class AccessorStub:
    """An accessor whose data lives inside a compression extension rather than a buffer view."""

    fields: dict[str, Any]


@dataclass
class Model:
    """`document` holds arrays where glTF holds accessor indices; `images[i]` is image i's data."""

    document: dict[str, Any]
    images: list[Image]

    def primitives(self) -> Iterator[dict[str, Any]]:
        for mesh in self.document.get("meshes", []):
            yield from mesh.get("primitives", [])

    def triangle_count(self) -> int:
        """Triangles over all triangle-list primitives, each mesh counted once."""
        return sum(
            len(p["indices"]) // 3 if "indices" in p else len(p["attributes"]["POSITION"]) // 3
            for p in self.primitives()
            if p.get("mode", TRIANGLES) == TRIANGLES
        )


def accessor_slots(document: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str, Role]]:
    """Every (container, key, role) whose value is an accessor, in a fixed order."""
    for mesh in document.get("meshes", []):
        for primitive in mesh.get("primitives", []):
            attributes = primitive.get("attributes", {})
            yield from ((attributes, name, "vertex") for name in attributes)
            if "indices" in primitive:
                yield primitive, "indices", "index"
            for target in primitive.get("targets", []):
                yield from ((target, name, "target") for name in target)
    for skin in document.get("skins", []):
        if "inverseBindMatrices" in skin:
            yield skin, "inverseBindMatrices", "other"
    for animation in document.get("animations", []):
        for sampler in animation.get("samplers", []):
            yield sampler, "input", "other"
            yield sampler, "output", "other"
    for node in document.get("nodes", []):
        instancing = node.get("extensions", {}).get("EXT_mesh_gpu_instancing", {})
        attributes = instancing.get("attributes", {})
        yield from ((attributes, name, "other") for name in attributes)


def read_model(data: bytes) -> Model:
    """Parse a self-contained GLB into a Model, or raise CorruptFile."""
    if not is_glb(data):
        raise CorruptFile("the source is not a GLB file")
    asset = load_asset(data, _data_uri)
    document = asset.document
    compressed = COMPRESSED_GEOMETRY & set(document.get("extensionsUsed", []))
    if compressed:
        raise AtelierError(
            f"the source GLB stores compressed geometry ({', '.join(sorted(compressed))}); "
            "it must be normalised first",
            code=ErrorCode.CONVERSION_FAILED,
        )
    arrays: dict[tuple[int, bool], np.ndarray] = {}  # shared accessors stay one array
    try:
        for container, key, _ in accessor_slots(document):
            as_float = _as_float(key)
            cache_key = (container[key], as_float)
            if cache_key not in arrays:
                values = accessor_array(asset, container[key])
                arrays[cache_key] = values.astype(np.float32, copy=False) if as_float else values
            container[key] = arrays[cache_key]
        images = [_image_data(asset, image) for image in document.get("images", [])]
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise CorruptFile(f"the source GLB is malformed: {exc!r}") from exc
    for section in ("accessors", "bufferViews", "buffers"):
        document.pop(section, None)
    drop_extension(document, QUANTIZATION)
    model = Model(document=document, images=images)
    try:
        _check_references(model)
    except TypeError as exc:  # e.g. an index that is not a number
        raise CorruptFile(f"the source GLB is malformed: {exc!r}") from exc
    return model


def _as_float(semantic: str) -> bool:
    # Quantised attributes become floats so every optimiser sees one kind of data;
    # only indices and joint numbers stay integers.
    return semantic != "indices" and not semantic.startswith("JOINTS_")


def _image_data(asset: Any, image: dict[str, Any]) -> Image:
    if "bufferView" in image:
        view = asset.document["bufferViews"][image.pop("bufferView")]
        start = int(view.get("byteOffset", 0))
        data = asset.buffers[view["buffer"]][start : start + int(view["byteLength"])]
        return Image(bytes(data), image.pop("mimeType", "image/png"))
    uri = image.pop("uri", "")
    if not uri.startswith("data:"):
        raise CorruptFile(f"image refers to '{uri}' outside the GLB")
    return Image(_data_uri(uri), uri[5:].split(";", 1)[0] or "image/png")


def _data_uri(uri: str) -> bytes:
    if not uri.startswith("data:") or ";base64," not in uri:
        raise CorruptFile(f"'{uri[:60]}' is not an embedded base64 data URI")
    try:
        return base64.b64decode(uri.split(";base64,", 1)[1], validate=True)
    except ValueError as exc:
        raise CorruptFile(f"embedded data URI does not decode: {exc}") from exc


def _check_references(model: Model) -> None:
    """Refuse what optimisers and writers would trip over: ragged or dangling data."""
    meshes = model.document.get("meshes", [])
    materials = model.document.get("materials", [])
    for primitive in model.primitives():
        attributes = primitive.get("attributes", {})
        vertices = len(attributes.get("POSITION", ()))
        if vertices == 0:
            raise CorruptFile("a mesh primitive has no POSITION data")
        per_vertex = [*attributes.values(), *(v for t in primitive.get("targets", [])
                                              for v in t.values())]
        if any(len(values) != vertices for values in per_vertex):
            raise CorruptFile("a mesh primitive's attributes differ in length")
        indices = primitive.get("indices")
        if indices is not None and len(indices) and int(indices.max()) >= vertices:
            raise CorruptFile("a mesh primitive indexes past its vertices")
        if "material" in primitive and not 0 <= primitive["material"] < len(materials):
            raise CorruptFile("a mesh primitive refers to a missing material")
    for node in model.document.get("nodes", []):
        if "mesh" in node and not 0 <= node["mesh"] < len(meshes):
            raise CorruptFile("a node refers to a missing mesh")


def drop_extension(document: dict[str, Any], name: str) -> None:
    for key in ("extensionsUsed", "extensionsRequired"):
        if name in document.get(key, []):
            document[key] = [e for e in document[key] if e != name]
            if not document[key]:
                del document[key]


def add_extension(document: dict[str, Any], name: str, *, required: bool) -> None:
    keys = ("extensionsUsed", "extensionsRequired") if required else ("extensionsUsed",)
    for key in keys:
        names = document.setdefault(key, [])
        if name not in names:
            names.append(name)
