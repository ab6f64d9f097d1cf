"""The structural pass over a glTF asset, in Khronos's order: read, link, then check the data."""

from __future__ import annotations

from app.geometry.gltf_io import GltfAsset

from .animations import check_animations
from .buffers import check_accessors, check_buffer_views, check_buffers
from .cameras_lights import check_cameras, check_lights
from .context import Context
from .data_checks import check_accessor_values
from .document import read_document
from .images import UriResolver, check_images
from .influences import check_influences
from .material_extensions import check_material_extensions
from .materials import check_materials, check_texture_image_types, check_textures
from .meshes import check_meshes
from .model import Model
from .nodes import check_node_graph, check_nodes, check_scenes
from .skins import check_skins


def check_structure(ctx: Context, asset: GltfAsset,
                    resolve_uri: UriResolver | None) -> Model | None:
    """Run every structural check; the model is None when the asset version stops validation."""
    model = read_document(ctx, asset)
    if model is None:
        return None
    check_buffers(model)
    check_buffer_views(model)
    check_accessors(model)
    image_types = check_images(model, resolve_uri)
    check_textures(model)
    check_materials(model)
    check_material_extensions(model)
    check_cameras(model)
    check_meshes(model)
    check_nodes(model)
    check_skins(model)
    check_animations(model)
    check_scenes(model)
    check_lights(model)
    check_node_graph(model)
    check_accessor_values(model)
    check_influences(model)
    check_texture_image_types(model, image_types)
    return model


def looks_like_glb(asset: GltfAsset) -> bool:
    """A loaded asset whose first buffer has no URI got its bytes from a GLB BIN chunk."""
    buffers = asset.document.get("buffers")
    first = buffers[0] if isinstance(buffers, list) and buffers else None
    return bool(asset.buffers) and isinstance(first, dict) and "uri" not in first
