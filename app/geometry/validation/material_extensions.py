"""Advice on KHR_materials_* combinations that have no effect or need a partner extension."""

from __future__ import annotations

from typing import Any

from .context import join
from .model import Model

# Textures that should share texture coordinates with the material's normal texture.
_TEXTURES_BESIDE_NORMALS = (
    ("KHR_materials_anisotropy", "anisotropyTexture",
     "KHR_MATERIALS_ANISOTROPY_ANISOTROPY_TEXTURE_TEXCOORD"),
    ("KHR_materials_clearcoat", "clearcoatNormalTexture",
     "KHR_MATERIALS_CLEARCOAT_CLEARCOAT_NORMAL_TEXTURE_TEXCOORD"),
)


def check_material_extensions(model: Model) -> None:
    for _, material, pointer in model.enumerate("materials"):
        extensions = material["extensions"]
        at = join(pointer, "extensions")
        normal_texcoord = (material.get("normalTexture") or {}).get("texCoord", 0)
        for name, texture, code in _TEXTURES_BESIDE_NORMALS:
            info = (extensions.get(name) or {}).get(texture)
            if material.get("normalTexture") and info and \
                    info.get("texCoord", 0) != normal_texcoord:
                model.ctx.add(code, join(at, name, texture))
        if "KHR_materials_dispersion" in extensions and "KHR_materials_volume" not in extensions:
            model.ctx.add("KHR_MATERIALS_DISPERSION_NO_VOLUME",
                          join(at, "KHR_materials_dispersion"))
        strength = (extensions.get("KHR_materials_emissive_strength") or {}).get(
            "emissiveStrength", 1.0)
        if strength not in (None, 1.0) and material.get("emissiveFactor", [0, 0, 0]) == [0, 0, 0]:
            model.ctx.add("KHR_MATERIALS_EMISSIVE_STRENGTH_ZERO_FACTOR",
                          join(at, "KHR_materials_emissive_strength"))
        volume = extensions.get("KHR_materials_volume")
        if isinstance(volume, dict):
            _check_volume(model, material, volume, join(at, "KHR_materials_volume"))


def _check_volume(model: Model, material: dict[str, Any], volume: dict[str, Any],
                  where: str) -> None:
    extensions = material["extensions"]
    # An extension we cannot read might be the one that lets light through.
    unknown = any(name not in model.ctx.extensions_loaded for name in extensions)
    if "KHR_materials_transmission" not in extensions and not unknown:
        model.ctx.add("KHR_MATERIALS_VOLUME_NO_TRANSMISSION", where)
    if material.get("doubleSided") and (volume.get("thicknessFactor") or 0) > 0:
        model.ctx.add("KHR_MATERIALS_VOLUME_DOUBLE_SIDED", where)
