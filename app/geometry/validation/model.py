"""The document as validation sees it: sanitised objects plus what linking learns about them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from app.geometry.gltf_io import GltfAsset

from .context import Context, join
from .objects import ObjectReader

COLLECTIONS = {
    "accessors": "accessor", "animations": "animation", "buffers": "buffer",
    "bufferViews": "bufferView", "cameras": "camera", "images": "image",
    "materials": "material", "meshes": "mesh", "nodes": "node", "samplers": "sampler",
    "scenes": "scene", "skins": "skin", "textures": "texture",
}
# How linking uses a buffer view; vertex and index data expect a matching `target`.
VERTEX, INDEX, IMAGE, IBM, OTHER = "VertexBuffer", "IndexBuffer", "Image", "IBM", "Other"


@dataclass(frozen=True)
class ElementCheck:
    """A check of an accessor's values, scheduled while linking and run on the data later."""

    kind: str  # "normal", "tangent", "clamped", "indices", "input", "quaternion", "ibm"
    accessor: int
    pointer: str
    options: tuple[Any, ...] = ()


@dataclass
class PrimitiveFacts:
    """What a mesh primitive's attributes declare, as later checks need it."""

    has_normal: bool = False
    has_tangent: bool = False
    texcoords: int = 0
    joints: int = 0
    weights: int = 0
    targets: int | None = None  # morph target count; None when absent or invalid
    attributes: dict[str, int] = field(default_factory=dict)  # resolved semantic -> accessor
    vertex_count: int | None = None


@dataclass
class MaterialFacts:
    """What primitives need from a material: tangents, and the TEXCOORD sets its textures use."""

    needs_tangent: bool = False
    can_provide_tangent: bool = False
    texcoords: list[tuple[str, int]] = field(default_factory=list)  # (texture pointer, set)


@dataclass
class Model:
    ctx: Context
    reader: ObjectReader
    asset: GltfAsset
    items: dict[str, list[dict[str, Any] | None]]
    extensions: dict[str, Any]
    scene: int | None = None
    accessor_usage: dict[int, str] = field(default_factory=dict)
    view_usage: dict[int, str] = field(default_factory=dict)
    parents: dict[int, int] = field(default_factory=dict)
    node_scenes: dict[int, set[int]] = field(default_factory=dict)
    joints: set[int] = field(default_factory=set)
    skin_roots: dict[int, list[int]] = field(default_factory=dict)
    checks: list[ElementCheck] = field(default_factory=list)
    primitives: dict[int, list[PrimitiveFacts]] = field(default_factory=dict)
    materials: dict[int, MaterialFacts] = field(default_factory=dict)
    arrays: dict[int, np.ndarray | None] = field(default_factory=dict)  # raw accessor values
    _listed: dict[str, list[tuple[int, dict[str, Any], str]]] = field(default_factory=dict,
                                                                   repr=False)
    # Buffer views shared by several strideless vertex accessors (mesh.dart's byteStride rule).
    strideless_views: dict[int, set[int]] = field(default_factory=dict)

    def get(self, collection: str, index: int | None) -> dict[str, Any] | None:
        objects = self.items.get(collection, [])
        if index is None or not 0 <= index < len(objects):
            return None
        return objects[index]

    def resolve(self, collection: str, index: int | None, pointer: str,
                *tokens: object) -> dict[str, Any] | None:
        """The referenced object; UNRESOLVED_REFERENCE at `pointer`/`tokens` when it is missing."""
        if index is None:
            return None
        target = self.get(collection, index)
        if target is None:
            self.ctx.add("UNRESOLVED_REFERENCE", join(pointer, *tokens), index)
        return target

    def enumerate(self, collection: str) -> list[tuple[int, dict[str, Any], str]]:
        """(index, object, pointer) for each readable object of a collection."""
        if collection not in self._listed:
            self._listed[collection] = [
                (i, obj, f"/{collection}/{i}")
                for i, obj in enumerate(self.items.get(collection, [])) if obj is not None]
        return self._listed[collection]

    def use_accessor(self, index: int, usage: str, pointer: str) -> None:
        previous = self.accessor_usage.setdefault(index, usage)
        if previous != usage:
            self.ctx.add("ACCESSOR_USAGE_OVERRIDE", pointer, previous, usage)
        view = self.get("accessors", index) or {}
        if self.get("bufferViews", view.get("bufferView")) is not None:
            self.use_view(view["bufferView"], usage_for_view(usage), pointer)

    def use_view(self, index: int, usage: str, pointer: str) -> None:
        previous = self.view_usage.get(index)
        if previous is None:
            self.view_usage[index] = usage
            if usage in (VERTEX, INDEX):
                self.ctx.add("BUFFER_VIEW_TARGET_MISSING", pointer)
        elif previous != usage:
            self.ctx.add("BUFFER_VIEW_TARGET_OVERRIDE", pointer, previous, usage)


def usage_for_view(accessor_usage: str) -> str:
    return {"VertexAttribute": VERTEX, "PrimitiveIndices": INDEX, "IBM": IBM}.get(
        accessor_usage, OTHER)
