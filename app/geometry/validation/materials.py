"""Materials and textures: texture references, alpha cutoff, and what materials ask of meshes."""

from __future__ import annotations

from .context import join
from .model import MaterialFacts, Model

TEXTURE_INFOS = ("textureInfo", "normalTextureInfo", "occlusionTextureInfo")


def check_materials(model: Model) -> None:
    for i, material, pointer in model.enumerate("materials"):
        raw = model.asset.document["materials"][i]
        if material.get("alphaMode", "OPAQUE") != "MASK" and "alphaCutoff" in raw:
            model.ctx.add("MATERIAL_ALPHA_CUTOFF_INVALID_MODE", join(pointer, "alphaCutoff"))
        facts = MaterialFacts(can_provide_tangent=material.get("normalTexture") is not None)
        for info in model.reader.under(pointer, *TEXTURE_INFOS):
            model.resolve("textures", info.value.get("index"), info.pointer, "index")
            texcoord = info.value.get("texCoord", 0)
            if texcoord is not None:
                facts.texcoords.append((info.pointer, texcoord))
            facts.needs_tangent |= info.kind == "normalTextureInfo"
        for transform in model.reader.under(pointer, "KHR_texture_transform"):
            if transform.value.get("texCoord") is not None:
                facts.texcoords.append((transform.pointer, transform.value["texCoord"]))
        anisotropy = material["extensions"].get("KHR_materials_anisotropy")
        facts.needs_tangent |= isinstance(anisotropy, dict) and bool(
            anisotropy.get("anisotropyTexture"))
        model.materials[i] = facts


def material_facts(model: Model, index: int) -> MaterialFacts:
    return model.materials.get(index, MaterialFacts())


def check_textures(model: Model) -> None:
    for _, texture, pointer in model.enumerate("textures"):
        model.resolve("samplers", texture.get("sampler"), pointer, "sampler")
        model.resolve("images", texture.get("source"), pointer, "source")
        webp = texture["extensions"].get("EXT_texture_webp")
        if isinstance(webp, dict):
            model.resolve("images", webp.get("source"),
                          join(pointer, "extensions", "EXT_texture_webp", "source"))


def check_texture_image_types(model: Model, image_types: dict[int, str]) -> None:
    """Core textures sample PNG or JPEG only; EXT_texture_webp sources must be WebP."""
    for _, texture, pointer in model.enumerate("textures"):
        source = texture.get("source")
        mime = image_types.get(source) if isinstance(source, int) else None
        if mime is not None and mime not in ("image/jpeg", "image/png"):
            model.ctx.add("TEXTURE_INVALID_IMAGE_MIME_TYPE", join(pointer, "source"), f"'{mime}'")
        webp = texture["extensions"].get("EXT_texture_webp")
        source = webp.get("source") if isinstance(webp, dict) else None
        mime = image_types.get(source) if isinstance(source, int) else None
        if mime is not None and mime != "image/webp":
            model.ctx.add("TEXTURE_INVALID_IMAGE_MIME_TYPE",
                          join(pointer, "extensions", "EXT_texture_webp", "source"), f"'{mime}'")
