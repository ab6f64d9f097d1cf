"""Remove what no longer draws: empty primitives and meshes, unused materials, textures, images."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from app.geometry.convert.model import Model


def drop_empty_meshes(document: dict[str, Any]) -> None:
    """Drop primitives left without indices, then meshes left without primitives."""
    meshes = document.get("meshes", [])
    for mesh in meshes:
        mesh["primitives"] = [p for p in mesh["primitives"]
                              if "indices" not in p or len(p["indices"]) > 0]
    kept = [i for i, mesh in enumerate(meshes) if mesh["primitives"]]
    if len(kept) == len(meshes):
        return
    renumber = {old: new for new, old in enumerate(kept)}
    document["meshes"] = [meshes[i] for i in kept]
    for node in document.get("nodes", []):
        if "mesh" not in node:
            continue
        if node["mesh"] in renumber:
            node["mesh"] = renumber[node["mesh"]]
        else:  # a skin or instancing without a mesh is invalid glTF
            for key in ("mesh", "skin", "weights"):
                node.pop(key, None)
            node.get("extensions", {}).pop("EXT_mesh_gpu_instancing", None)
    if not document["meshes"]:
        del document["meshes"]


def prune_unused(model: Model) -> None:
    """Drop materials no primitive uses, then textures, images and samplers nothing uses."""
    document = model.document
    material_refs = list(_material_refs(document))
    materials = _compact(document, "materials", {c[k] for c, k in material_refs})
    for container, key in material_refs:
        container[key] = materials[container[key]]
    texture_refs = [(info, "index") for m in document.get("materials", [])
                    for info in _texture_infos(m)]
    textures = _compact(document, "textures", {c[k] for c, k in texture_refs})
    for container, key in texture_refs:
        container[key] = textures[container[key]]
    image_refs = [ref for t in document.get("textures", []) for ref in _image_refs(t)]
    used_images = {c[k] for c, k in image_refs}
    model.images = [image for i, image in enumerate(model.images) if i in used_images]
    images = _compact(document, "images", used_images)
    for container, key in image_refs:
        container[key] = images[container[key]]
    sampler_refs = [(t, "sampler") for t in document.get("textures", []) if "sampler" in t]
    samplers = _compact(document, "samplers", {c[k] for c, k in sampler_refs})
    for container, key in sampler_refs:
        container[key] = samplers[container[key]]


def _compact(document: dict[str, Any], section: str, used: set[int]) -> dict[int, int]:
    """Keep only the `used` items of a section; returns old index -> new index."""
    items = document.get(section, [])
    kept = [i for i in range(len(items)) if i in used]
    if kept:
        document[section] = [items[i] for i in kept]
    else:
        document.pop(section, None)
    return {old: new for new, old in enumerate(kept)}


def _material_refs(document: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str]]:
    for mesh in document.get("meshes", []):
        for primitive in mesh["primitives"]:
            if "material" in primitive:
                yield primitive, "material"
            variants = primitive.get("extensions", {}).get("KHR_materials_variants", {})
            for mapping in variants.get("mappings", []):
                yield mapping, "material"


def _texture_infos(value: Any) -> Iterator[dict[str, Any]]:
    """Every textureInfo in a material, extensions included: keys named '...Texture'."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key.endswith("Texture") and isinstance(item, dict) and "index" in item:
                yield item
            else:
                yield from _texture_infos(item)


def _image_refs(texture: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str]]:
    if "source" in texture:
        yield texture, "source"
    for extension in texture.get("extensions", {}).values():
        if isinstance(extension, dict) and "source" in extension:
            yield extension, "source"
