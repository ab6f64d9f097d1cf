"""glTF PBR materials from the styles ifcopenshell's geometry gives each shape.

A style's diffuse colour is the base colour, its transparency the alpha (BLEND when above
0); none is metallic. Its specular exponent n gives the roughness of a full highlight by the
Blinn-Phong to GGX mapping sqrt(2 / (n + 2)), and its specular colour how much of the way
from matte (roughness 1) to that it goes: Revit's faint 0.4 % highlights stay matte. Shapes
without a style get ifcopenshell's default material of their class. Equal styles share one
glTF material.
"""

from __future__ import annotations

import math
from typing import Any

from ifcopenshell.ifcopenshell_wrapper import style as Style


class IfcMaterials:
    def __init__(self) -> None:
        self.materials: list[dict[str, Any]] = []
        self._made: dict[tuple[object, ...], int] = {}

    def index(self, style: Style) -> int:
        """The glTF material of `style`, made on first use."""
        material = _gltf_material(style)
        key = (material["name"], repr(material["pbrMetallicRoughness"]),
               material.get("alphaMode"))
        if key not in self._made:
            self.materials.append(material)
            self._made[key] = len(self.materials) - 1
        return self._made[key]


def _gltf_material(style: Style) -> dict[str, Any]:
    colour = style.diffuse
    red, green, blue = (_unit(channel) for channel in (colour.r(), colour.g(), colour.b()))
    transparency = _unit(style.transparency) if style.has_transparency() else 0.0
    pbr: dict[str, Any] = {"baseColorFactor": [red, green, blue, 1.0 - transparency],
                           "metallicFactor": 0.0}
    roughness = _roughness(style)
    if roughness < 1.0:
        pbr["roughnessFactor"] = roughness
    material: dict[str, Any] = {"name": style.name, "pbrMetallicRoughness": pbr}
    if transparency > 0:
        material["alphaMode"] = "BLEND"
    return material


def _roughness(style: Style) -> float:
    exponent = style.specularity if style.has_specularity() else math.nan
    if not math.isfinite(exponent) or exponent < 0:
        return 1.0
    highlight = style.specular
    gloss = max(_unit(channel) for channel in (highlight.r(), highlight.g(), highlight.b()))
    return 1.0 - gloss * (1.0 - math.sqrt(2.0 / (exponent + 2.0)))


def _unit(value: float) -> float:
    """A channel in [0, 1]; an unset one (NaN) is 0."""
    return min(max(value, 0.0), 1.0) if math.isfinite(value) else 0.0
