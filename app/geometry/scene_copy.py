"""Build one glTF from parts of others: copy meshes, accessors, buffer views and textures out of
source GLBs into a new document with one binary buffer, each part copied once.

Skins are not carried over, so skinning attributes (JOINTS_n, WEIGHTS_n) are dropped.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

from app.errors import CorruptFile, UnsupportedFormat
from app.geometry.gltf_io import GltfAsset, build_glb

GENERATOR = "Atelier scene export"
DRACO = "KHR_draco_mesh_compression"
ARRAY_BUFFER, ELEMENT_ARRAY_BUFFER = 34962, 34963
_SKINNING = ("JOINTS_", "WEIGHTS_")
_SECTIONS = ("scenes", "nodes", "meshes", "materials", "textures", "images", "samplers",
             "accessors", "bufferViews", "cameras")


class GltfWriter:
    """An output document under construction, copying parts from `sources` by asset id."""

    def __init__(self, sources: Mapping[str, GltfAsset]) -> None:
        self.sources = sources
        self.sections: dict[str, list[dict[str, Any]]] = {name: [] for name in _SECTIONS}
        self.extensions: dict[str, Any] = {}
        self.blob = bytearray()
        self._copied: dict[tuple[str, str, int], int] = {}
        self._required: set[str] = set()

    def add(self, section: str, item: dict[str, Any]) -> int:
        self.sections[section].append(item)
        return len(self.sections[section]) - 1

    def mesh(self, asset_id: str, index: int, material: Callable[[int | None], int | None]
             ) -> int:
        """Copy a mesh whose primitives draw with `material(their source material)`."""
        source = self._source(asset_id)
        mesh = _item(source, "meshes", index)
        copied = {k: v for k, v in mesh.items() if k in ("name", "weights", "extras")}
        copied["primitives"] = [self._primitive(asset_id, p, material)
                                for p in mesh.get("primitives", [])]
        return self.add("meshes", copied)

    def texture(self, asset_id: str, index: int) -> int:
        def copy_texture() -> dict[str, Any]:
            texture = copy.deepcopy(_item(self._source(asset_id), "textures", index))
            sampler = texture.get("sampler")
            if sampler is not None:
                texture["sampler"] = self._once(
                    "samplers", asset_id, sampler,
                    lambda: copy.deepcopy(_item(self._source(asset_id), "samplers", sampler)))
            if "source" in texture:
                texture["source"] = self.image(asset_id, texture["source"])
            for extension in texture.get("extensions", {}).values():
                if isinstance(extension, dict) and "source" in extension:
                    extension["source"] = self.image(asset_id, extension["source"])
            return texture

        return self._once("textures", asset_id, index, copy_texture)

    def image(self, asset_id: str, index: int) -> int:
        def copy_image() -> dict[str, Any]:
            image = copy.deepcopy(_item(self._source(asset_id), "images", index))
            if "bufferView" in image:
                image["bufferView"] = self.view(asset_id, image["bufferView"])
            return image

        return self._once("images", asset_id, index, copy_image)

    def accessor(self, asset_id: str, index: int) -> int:
        def copy_accessor() -> dict[str, Any]:
            accessor = copy.deepcopy(_item(self._source(asset_id), "accessors", index))
            if "bufferView" in accessor:
                accessor["bufferView"] = self.view(asset_id, accessor["bufferView"])
            sparse = accessor.get("sparse")
            if sparse:
                for part in (sparse["indices"], sparse["values"]):
                    part["bufferView"] = self.view(asset_id, part["bufferView"])
            return accessor

        return self._once("accessors", asset_id, index, copy_accessor)

    def view(self, asset_id: str, index: int) -> int:
        def copy_view() -> dict[str, Any]:
            source = self._source(asset_id)
            view = copy.deepcopy(_item(source, "bufferViews", index))
            if "EXT_meshopt_compression" in view.get("extensions", {}):
                raise UnsupportedFormat("meshopt-compressed assets cannot be composed into a "
                                        "scene; convert them without compression first")
            start, length = int(view.get("byteOffset", 0)), int(view["byteLength"])
            data = source.buffers[view.get("buffer", 0)][start:start + length]
            if len(data) != length:
                raise CorruptFile(f"bufferView {index} of asset {asset_id} runs past its buffer")
            # Keep each view's offset modulo 4, so every accessor inside stays aligned.
            self.blob.extend(b"\x00" * ((start - len(self.blob)) % 4))
            view.update(buffer=0, byteOffset=len(self.blob))
            self.blob.extend(data)
            return view

        return self._once("bufferViews", asset_id, index, copy_view)

    def glb(self) -> bytes:
        document: dict[str, Any] = {"asset": {"version": "2.0", "generator": GENERATOR}}
        document.update({name: items for name, items in self.sections.items() if items})
        if self.sections["scenes"]:
            document["scene"] = 0
        if self.extensions:
            document["extensions"] = self.extensions
        used = sorted(_extension_names(document))
        if used:
            document["extensionsUsed"] = used
        required = sorted(self._required & set(used))
        if required:
            document["extensionsRequired"] = required
        if self.blob:
            document["buffers"] = [{"byteLength": len(self.blob)}]
        return build_glb(document, bytes(self.blob))

    def _primitive(self, asset_id: str, primitive: dict[str, Any],
                   material: Callable[[int | None], int | None]) -> dict[str, Any]:
        copied: dict[str, Any] = {k: v for k, v in primitive.items() if k in ("mode", "extras")}
        copied["attributes"] = {name: self._targeted(asset_id, index, ARRAY_BUFFER)
                                for name, index in primitive["attributes"].items()
                                if not name.startswith(_SKINNING)}
        if "indices" in primitive:
            copied["indices"] = self._targeted(asset_id, primitive["indices"],
                                               ELEMENT_ARRAY_BUFFER)
        if "targets" in primitive:
            copied["targets"] = [{name: self.accessor(asset_id, index)
                                  for name, index in target.items()}
                                 for target in primitive["targets"]]
        chosen = material(primitive.get("material"))
        if chosen is not None:
            copied["material"] = chosen
        draco = primitive.get("extensions", {}).get(DRACO)
        if draco is not None:
            self._required.update(self._source(asset_id).document.get("extensionsRequired", []))
            copied["extensions"] = {DRACO: {
                "bufferView": self.view(asset_id, draco["bufferView"]),
                "attributes": {name: value for name, value in draco["attributes"].items()
                               if not name.startswith(_SKINNING)},
            }}
        return copied

    def _targeted(self, asset_id: str, index: int, target: int) -> int:
        """Copy an accessor of vertex or index data, marking its view's target if unmarked."""
        copied = self.accessor(asset_id, index)
        accessor = self.sections["accessors"][copied]
        if "bufferView" in accessor and "sparse" not in accessor:
            self.sections["bufferViews"][accessor["bufferView"]].setdefault("target", target)
        return copied

    def _once(self, section: str, asset_id: str, index: int,
              make: Callable[[], dict[str, Any]]) -> int:
        key = (section, asset_id, index)
        if key not in self._copied:
            self._copied[key] = self.add(section, make())
        return self._copied[key]

    def _source(self, asset_id: str) -> GltfAsset:
        return self.sources[asset_id]


def remap_texture_infos(value: Any, texture: Callable[[int], int]) -> Any:
    """A copy of `value` whose textureInfo objects (keys ending in "Texture") point at
    `texture(their index)`; glTF and its KHR extensions name every textureInfo that way."""
    if isinstance(value, list):
        return [remap_texture_infos(item, texture) for item in value]
    if not isinstance(value, dict):
        return value
    result = {}
    for key, item in value.items():
        if key.endswith("Texture") and isinstance(item, dict) and "index" in item:
            item = {**item, "index": texture(item["index"])}
        result[key] = remap_texture_infos(item, texture)
    return result


def _item(source: GltfAsset, section: str, index: int) -> dict[str, Any]:
    items = source.section(section)
    if not isinstance(index, int) or not 0 <= index < len(items):
        raise CorruptFile(f"{section} {index} does not exist")
    return items[index]


def _extension_names(value: Any) -> set[str]:
    if isinstance(value, list):
        return set().union(*(_extension_names(item) for item in value)) if value else set()
    if not isinstance(value, dict):
        return set()
    found = set(value["extensions"]) if isinstance(value.get("extensions"), dict) else set()
    return found.union(*(_extension_names(item) for key, item in value.items()
                         if key not in ("extras",)))
