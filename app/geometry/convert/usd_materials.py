"""glTF metallic-roughness materials as UsdPreviewSurface networks, which AR Quick Look reads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pxr import Gf, Sdf, UsdGeom, UsdShade

from app.geometry.convert.materials import base_color_factor, slot_image, texture_info
from app.geometry.convert.model import Model

ST_PRIMVAR = "st"
COLOR_PRIMVAR = "displayColor"
WRAP_MODES = {33071: "clamp", 33648: "mirror", 10497: "repeat"}
Float4 = tuple[float, float, float, float]


class MaterialWriter:
    """Defines one UsdShade.Material per glTF material (and per vertex-coloured use of one)."""

    def __init__(self, stage: Any, scope: str, model: Model, texture_path: Callable[[int], str]):
        UsdGeom.Scope.Define(stage, scope)
        self.stage = stage
        self.scope = scope
        self.model = model
        self.texture_path = texture_path
        self.defined: dict[tuple[int | None, bool], Any] = {}

    def material(self, index: int | None, vertex_colors: bool) -> Any:
        key = (index, vertex_colors)
        if key not in self.defined:
            name = "default" if index is None else f"material_{index}"
            self.defined[key] = self._define(f"{name}_vertex_color" if vertex_colors else name,
                                             index, vertex_colors)
        return self.defined[key]

    def _define(self, name: str, index: int | None, vertex_colors: bool) -> Any:
        materials = self.model.document.get("materials", [])
        source = materials[index] if index is not None and index < len(materials) else {}
        path = f"{self.scope}/{name}"
        material = UsdShade.Material.Define(self.stage, path)
        surface = UsdShade.Shader.Define(self.stage, f"{path}/PreviewSurface")
        surface.CreateIdAttr("UsdPreviewSurface")
        material.CreateSurfaceOutput().ConnectToSource(surface.ConnectableAPI(), "surface")
        network = _Network(self, path, source)
        network.base_color(surface, vertex_colors)
        network.metallic_roughness(surface)
        network.emission(surface)
        network.normal_and_occlusion(surface)
        return material


class _Network:
    def __init__(self, writer: MaterialWriter, path: str, source: dict[str, Any]) -> None:
        self.writer = writer
        self.path = path
        self.source = source
        self.st_reader: Any = None

    def base_color(self, surface: Any, vertex_colors: bool) -> None:
        red, green, blue, alpha = base_color_factor(self.source)
        mode = self.source.get("alphaMode", "OPAQUE")
        texture = self.texture("baseColorTexture", "sRGB", (red, green, blue, alpha), (0,) * 4)
        color = surface.CreateInput("diffuseColor", Sdf.ValueTypeNames.Color3f)
        opacity = surface.CreateInput("opacity", Sdf.ValueTypeNames.Float)
        if texture is not None:
            color.ConnectToSource(texture.ConnectableAPI(), "rgb")
            if mode != "OPAQUE":
                opacity.ConnectToSource(texture.ConnectableAPI(), "a")
        elif vertex_colors:
            reader = self._shader("colorReader", "UsdPrimvarReader_float3")
            reader.CreateInput("varname", Sdf.ValueTypeNames.String).Set(COLOR_PRIMVAR)
            reader.CreateOutput("result", Sdf.ValueTypeNames.Float3)
            color.ConnectToSource(reader.ConnectableAPI(), "result")
        else:
            color.Set(Gf.Vec3f(red, green, blue))
        if texture is None or mode == "OPAQUE":
            opacity.Set(alpha if mode != "OPAQUE" else 1.0)
        if mode == "MASK":
            cutoff = float(self.source.get("alphaCutoff", 0.5))
            surface.CreateInput("opacityThreshold", Sdf.ValueTypeNames.Float).Set(cutoff)

    def metallic_roughness(self, surface: Any) -> None:
        pbr = self.source.get("pbrMetallicRoughness", {})
        metallic = float(pbr.get("metallicFactor", 1.0))
        roughness = float(pbr.get("roughnessFactor", 1.0))
        texture = self.texture("metallicRoughnessTexture", "raw",
                               (1.0, roughness, metallic, 1.0), (0,) * 4)
        for name, value, channel in (("metallic", metallic, "b"), ("roughness", roughness, "g")):
            usd_input = surface.CreateInput(name, Sdf.ValueTypeNames.Float)
            if texture is None:
                usd_input.Set(value)
            else:  # glTF packs roughness in green and metalness in blue
                usd_input.ConnectToSource(texture.ConnectableAPI(), channel)

    def emission(self, surface: Any) -> None:
        red, green, blue = (float(v) for v in self.source.get("emissiveFactor", (0, 0, 0)))
        texture = self.texture("emissiveTexture", "sRGB", (red, green, blue, 1.0), (0,) * 4)
        if texture is None and (red, green, blue) == (0.0, 0.0, 0.0):
            return
        emissive = surface.CreateInput("emissiveColor", Sdf.ValueTypeNames.Color3f)
        if texture is not None:
            emissive.ConnectToSource(texture.ConnectableAPI(), "rgb")
        else:
            emissive.Set(Gf.Vec3f(red, green, blue))

    def normal_and_occlusion(self, surface: Any) -> None:
        strength = float(self.source.get("normalTexture", {}).get("scale", 1.0))
        # Normal maps store [-1, 1] as [0, 1]: scale by 2 and bias by -1 to unpack them.
        normal = self.texture("normalTexture", "raw", (2.0 * strength, 2.0 * strength, 2.0, 1.0),
                              (-strength, -strength, -1.0, 0.0))
        if normal is not None:
            surface.CreateInput("normal", Sdf.ValueTypeNames.Normal3f).ConnectToSource(
                normal.ConnectableAPI(), "rgb")
        occlusion = self.texture("occlusionTexture", "raw", (1.0, 1.0, 1.0, 1.0), (0,) * 4)
        if occlusion is not None:
            surface.CreateInput("occlusion", Sdf.ValueTypeNames.Float).ConnectToSource(
                occlusion.ConnectableAPI(), "r")

    def texture(self, slot: str, color_space: str, scale: Float4, bias: Float4) -> Any:
        image = slot_image(self.writer.model, self.source, slot)
        if image is None:
            return None
        texture = self._shader(slot, "UsdUVTexture")
        texture.CreateInput("file", Sdf.ValueTypeNames.Asset).Set(self.writer.texture_path(image))
        texture.CreateInput("sourceColorSpace", Sdf.ValueTypeNames.Token).Set(color_space)
        texture.CreateInput("scale", Sdf.ValueTypeNames.Float4).Set(Gf.Vec4f(*scale))
        texture.CreateInput("bias", Sdf.ValueTypeNames.Float4).Set(Gf.Vec4f(*bias))
        for axis, wrap in zip(("wrapS", "wrapT"), self._wrap_modes(slot), strict=True):
            texture.CreateInput(axis, Sdf.ValueTypeNames.Token).Set(wrap)
        texture.CreateInput("st", Sdf.ValueTypeNames.Float2).ConnectToSource(
            self._st_reader().ConnectableAPI(), "result")
        for output, kind in (("rgb", Sdf.ValueTypeNames.Float3), ("r", Sdf.ValueTypeNames.Float),
                             ("g", Sdf.ValueTypeNames.Float), ("b", Sdf.ValueTypeNames.Float),
                             ("a", Sdf.ValueTypeNames.Float)):
            texture.CreateOutput(output, kind)
        return texture

    def _wrap_modes(self, slot: str) -> tuple[str, str]:
        info = texture_info(self.source, slot) or {}
        document = self.writer.model.document
        texture = document.get("textures", [])[info["index"]]
        sampler_index = texture.get("sampler")
        sampler = {} if sampler_index is None else document["samplers"][sampler_index]
        return (WRAP_MODES.get(sampler.get("wrapS", 10497), "repeat"),
                WRAP_MODES.get(sampler.get("wrapT", 10497), "repeat"))

    def _st_reader(self) -> Any:
        if self.st_reader is None:
            self.st_reader = self._shader("stReader", "UsdPrimvarReader_float2")
            self.st_reader.CreateInput("varname", Sdf.ValueTypeNames.String).Set(ST_PRIMVAR)
            self.st_reader.CreateOutput("result", Sdf.ValueTypeNames.Float2)
        return self.st_reader

    def _shader(self, name: str, shader_id: str) -> Any:
        shader = UsdShade.Shader.Define(self.writer.stage, f"{self.path}/{name}")
        shader.CreateIdAttr(shader_id)
        return shader
