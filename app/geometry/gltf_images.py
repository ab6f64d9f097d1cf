"""Images of a glTF document: measuring embedded ones, and removing the ones a file lacks.

Removing an image also removes the textures that show it and every material slot (any
`...Texture` member) that points at such a texture, renumbering the rest, so the document
stays valid and the material keeps its factors.
"""

from __future__ import annotations

from typing import Any

from app.geometry.gltf_io import GltfAsset
from app.geometry.resources import Resources, check_image_size
from app.geometry.uris import is_data_uri

# Enough of an image to read its size: PNG and WebP say it at once, JPEG after its markers.
HEADER_BYTES = 256 * 1024


def check_embedded_images(asset: GltfAsset, max_pixels: int) -> None:
    """Raise LimitExceeded for an image (in a bufferView) larger than `max_pixels`."""
    views = asset.section("bufferViews")
    for index, image in enumerate(asset.section("images")):
        view_index = image.get("bufferView") if isinstance(image, dict) else None
        if not isinstance(view_index, int) or not 0 <= view_index < len(views):
            continue
        view = views[view_index]
        buffer_index, start = view.get("buffer", 0), int(view.get("byteOffset", 0))
        if isinstance(buffer_index, int) and 0 <= buffer_index < len(asset.buffers):
            length = min(int(view.get("byteLength", 0)), HEADER_BYTES)
            check_image_size(asset.buffers[buffer_index][start:start + length], max_pixels,
                             f"image {index}")


def resolve_external_images(document: dict[str, Any], resources: Resources) -> dict[str, bytes]:
    """The bytes of every external image the upload holds, by URI; images it lacks are
    removed from `document` (each with a warning in `resources`)."""
    found: dict[str, bytes] = {}
    missing: list[int] = []
    for index, image in enumerate(document.get("images") or []):
        uri = image.get("uri") if isinstance(image, dict) else None
        if isinstance(uri, str) and not is_data_uri(uri) and uri not in found:
            data = resources.lenient(uri)
            if data is None:
                missing.append(index)
            else:
                found[uri] = data
    drop_images(document, missing)
    return found


def drop_images(document: dict[str, Any], dropped: list[int]) -> None:
    if not dropped:
        return
    image_map = _renumber(document, "images", set(dropped))
    gone_textures = set()
    for index, texture in enumerate(document.get("textures") or []):
        if _remap_sources(texture, image_map):
            gone_textures.add(index)
    texture_map = _renumber(document, "textures", gone_textures)
    for material in document.get("materials") or []:
        _remap_texture_slots(material, texture_map)


def _renumber(document: dict[str, Any], section: str, removed: set[int]) -> dict[int, int]:
    """Delete `removed` items of a section; the new index of each kept one."""
    items = document.get(section) or []
    kept = [i for i in range(len(items)) if i not in removed]
    if kept:
        document[section] = [items[i] for i in kept]
    else:
        document.pop(section, None)
    return {old: new for new, old in enumerate(kept)}


def _remap_sources(texture: Any, image_map: dict[int, int]) -> bool:
    """Point a texture (and its extensions) at renumbered images; True if it lost its image."""
    if not isinstance(texture, dict):
        return False
    holders = [texture, *[e for e in (texture.get("extensions") or {}).values()
                          if isinstance(e, dict)]]
    lost = False
    for holder in holders:
        source = holder.get("source")
        if isinstance(source, int):
            if source in image_map:
                holder["source"] = image_map[source]
            else:
                lost = True
    return lost


def _remap_texture_slots(node: Any, texture_map: dict[int, int]) -> None:
    if not isinstance(node, dict):
        return
    for key in list(node):
        value = node[key]
        if key.endswith("Texture") and isinstance(value, dict) and "index" in value:
            if value["index"] in texture_map:
                value["index"] = texture_map[value["index"]]
            else:
                del node[key]
        elif isinstance(value, dict):
            _remap_texture_slots(value, texture_map)
