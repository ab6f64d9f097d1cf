"""UsdPreviewSurface materials as glTF metallic-roughness materials, with their diffuse textures.

diffuseColor, metallic, roughness, emissiveColor, opacity and opacityThreshold map onto their
glTF factors (USD's defaults where unauthored: a 0.18 grey, roughness 0.5); a diffuseColor
read from a UsdUVTexture becomes the base colour texture (PNG or JPEG, as core glTF allows),
its alpha the opacity when opacity reads the same texture. Values are followed through
material interface inputs and node graphs (`GetValueProducingAttributes`). Other maps
(normal, occlusion, metallic, roughness, emissive) and texture transforms are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pxr import Sdf, UsdShade

from app.geometry.convert.model import Image
from app.geometry.usd_textures import TextureSource
from app.geometry.validation import Severity, ValidationIssue
from app.geometry.validation.image_headers import detect_mime

DEFAULT_DIFFUSE = (0.18, 0.18, 0.18)
DEFAULT_ROUGHNESS = 0.5
GLTF_IMAGE_TYPES = frozenset({"image/png", "image/jpeg"})
REPEAT, MIRRORED_REPEAT, CLAMP_TO_EDGE = 10497, 33648, 33071
# glTF has no "black" border: clamping to the edge is the nearest it has.
WRAP_MODES = {"repeat": REPEAT, "mirror": MIRRORED_REPEAT, "clamp": CLAMP_TO_EDGE,
              "black": CLAMP_TO_EDGE}
Color = tuple[float, float, float]


@dataclass
class GltfMaterials:
    """The glTF materials, textures, samplers and images of a stage, each made once."""

    source: TextureSource
    warnings: list[ValidationIssue]
    materials: list[dict[str, Any]] = field(default_factory=list)
    textures: list[dict[str, Any]] = field(default_factory=list)
    samplers: list[dict[str, Any]] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    _made: dict[tuple[object, ...], int] = field(default_factory=dict)

    def bound(self, material: UsdShade.Material, double_sided: bool) -> int:
        """The glTF material of a UsdShade.Material (glTF puts doubleSided on materials)."""
        key = ("material", str(material.GetPath()), double_sided)
        if key not in self._made:
            converted = self._convert(material)
            self._made[key] = self._add(self.materials, {
                **converted, **({"doubleSided": True} if double_sided else {})})
        return self._made[key]

    def fallback(self, colored: bool, double_sided: bool) -> int:
        """The material of a mesh bound to none: USD's fallback surface (a plain dielectric,
        not glTF's default metal), white under vertex colours, else USD's 0.18 grey."""
        key = ("fallback", colored, double_sided)
        if key not in self._made:
            base = [1.0, 1.0, 1.0] if colored else list(DEFAULT_DIFFUSE)
            material: dict[str, Any] = {"name": "displayColor" if colored else "default",
                                        "pbrMetallicRoughness": {
                                            "baseColorFactor": [*base, 1.0],
                                            "metallicFactor": 0.0,
                                            "roughnessFactor": DEFAULT_ROUGHNESS}}
            if double_sided:
                material["doubleSided"] = True
            self._made[key] = self._add(self.materials, material)
        return self._made[key]

    def _convert(self, material: UsdShade.Material) -> dict[str, Any]:
        name = material.GetPrim().GetName()
        shader = _preview_surface(material)
        if shader is None:
            self._warn(f"the material {material.GetPath()} has no UsdPreviewSurface; it is "
                       "drawn with glTF's default material")
            return {"name": name}
        diffuse, diffuse_texture = _input(shader, "diffuseColor")
        opacity, opacity_texture = _input(shader, "opacity")
        metallic, _ = _input(shader, "metallic")
        roughness, _ = _input(shader, "roughness")
        emissive, _ = _input(shader, "emissiveColor")
        threshold, _ = _input(shader, "opacityThreshold")
        alpha = _unit(opacity, 1.0) if opacity_texture is None else 1.0
        pbr: dict[str, Any] = {
            "baseColorFactor": [*_unit_color(diffuse, DEFAULT_DIFFUSE), alpha],
            "metallicFactor": _unit(metallic, 0.0),
            "roughnessFactor": _unit(roughness, DEFAULT_ROUGHNESS)}
        texture = self._texture(diffuse_texture) if diffuse_texture is not None else None
        if texture is not None:
            pbr["baseColorFactor"][:3] = [1.0, 1.0, 1.0]
            pbr["baseColorTexture"] = texture
        converted: dict[str, Any] = {"name": name, "pbrMetallicRoughness": pbr}
        translucent = alpha < 1.0 or (opacity_texture is not None and texture is not None
                                      and _same_prim(opacity_texture, diffuse_texture))
        if translucent and _unit(threshold, 0.0) > 0.0:
            converted.update(alphaMode="MASK", alphaCutoff=_unit(threshold, 0.0))
        elif translucent:
            converted["alphaMode"] = "BLEND"
        emissive_factor = _unit_color(emissive, (0.0, 0.0, 0.0))
        if any(emissive_factor):
            converted["emissiveFactor"] = emissive_factor
        return converted

    def _texture(self, shader: UsdShade.Shader) -> dict[str, int] | None:
        if shader.GetIdAttr().Get() != "UsdUVTexture":
            self._warn(f"{shader.GetPath()} is no UsdUVTexture; its colour is left out")
            return None
        asset, _ = _input(shader, "file")
        if not isinstance(asset, Sdf.AssetPath) or not asset.path:
            return None
        image = self._image(asset)
        if image is None:
            return None
        wrap_s, _ = _input(shader, "wrapS")
        wrap_t, _ = _input(shader, "wrapT")
        sampler = self._once(("sampler", wrap_s, wrap_t), self.samplers, {
            "wrapS": WRAP_MODES.get(str(wrap_s), REPEAT),
            "wrapT": WRAP_MODES.get(str(wrap_t), REPEAT)})
        return {"index": self._once(("texture", image, sampler), self.textures,
                                    {"source": image, "sampler": sampler})}

    def _image(self, asset: Sdf.AssetPath) -> int | None:
        key = ("image", asset.resolvedPath or asset.path)
        if key in self._made:
            return self._made[key]
        data = self.source.read(asset)
        if data is None:
            return None
        mime = detect_mime(data)
        if mime not in GLTF_IMAGE_TYPES:
            self._warn(f"the texture '{asset.path[:200]}' is not PNG or JPEG, so it is left "
                       "out")
            return None
        self.images.append(Image(data, mime))
        self._made[key] = len(self.images) - 1
        return self._made[key]

    def _once(self, key: tuple[object, ...], section: list[dict[str, Any]],
              entry: dict[str, Any]) -> int:
        if key not in self._made:
            self._made[key] = self._add(section, entry)
        return self._made[key]

    @staticmethod
    def _add(section: list[dict[str, Any]], entry: dict[str, Any]) -> int:
        section.append(entry)
        return len(section) - 1

    def _warn(self, message: str) -> None:
        self.warnings.append(ValidationIssue("USD_FEATURE_LEFT_OUT", Severity.WARNING,
                                             message, None))


def _preview_surface(material: UsdShade.Material) -> UsdShade.Shader | None:
    shader = material.ComputeSurfaceSource()[0]
    if not shader or shader.GetIdAttr().Get() != "UsdPreviewSurface":
        return None
    return shader


def _input(shader: UsdShade.Shader, name: str) -> tuple[Any, UsdShade.Shader | None]:
    """An input's value, or the shader whose output it reads."""
    source = shader.GetInput(name)
    if not source:
        return None, None
    for attribute in source.GetValueProducingAttributes(shaderOutputsOnly=False):
        if UsdShade.Output.IsOutput(attribute):
            return None, UsdShade.Shader(attribute.GetPrim())
        return attribute.Get(), None
    return None, None


def _same_prim(first: UsdShade.Shader, second: UsdShade.Shader | None) -> bool:
    return second is not None and first.GetPath() == second.GetPath()


def _unit(value: Any, default: float) -> float:
    """A factor in [0, 1], glTF's range for them."""
    return default if not isinstance(value, (int, float)) else _clamped(value)


def _unit_color(value: Any, default: Color = DEFAULT_DIFFUSE) -> list[float]:
    try:
        return [_clamped(value[i]) for i in range(3)]
    except (TypeError, IndexError, ValueError):
        return list(default)


def _clamped(value: Any) -> float:
    # Rounded to what a 32-bit float holds, so 0.1 reads 0.1 rather than 0.10000000149.
    return round(min(max(float(value), 0.0), 1.0), 7)
