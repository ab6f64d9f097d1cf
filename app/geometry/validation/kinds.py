"""The members of every glTF 2.0 object kind and of the extensions Khronos validates.

Each kind maps member names to specs (see schema.py). `EXTENSION_HOSTS` says on which kinds an
extension may appear and which kind its object is; anywhere else it is an unexpected object.
The extension list is that of the gltf-validator npm release the project tests against
(2.0.0-dev.3.10), so both judge the same extensions.
"""

from __future__ import annotations

import math
from typing import TypedDict

from .context import ARRAY_BUFFER, COMPONENT_SIZES, ELEMENT_ARRAY_BUFFER
from .schema import (
    Child,
    Children,
    Flag,
    Index,
    IndexList,
    Number,
    Numbers,
    Raw,
    Spec,
    Text,
    UInt,
)

Kinds = dict[str, dict[str, Spec]]


class Range(TypedDict):
    """Bounds spread into Number and Numbers specs."""

    minimum: float
    maximum: float


VERSION_PATTERN = r"^([0-9]+)\.([0-9]+)$"
ANIMATION_PATHS = ("translation", "rotation", "scale", "weights")
IMAGE_TYPES = ("image/jpeg", "image/png")
NAME = {"name": Text()}
UNIT: Range = {"minimum": 0.0, "maximum": 1.0}
TEXTURE = Child(kind="textureInfo")

CORE_KINDS: Kinds = {
    "asset": {"copyright": Text(), "generator": Text(),
              "version": Text(required=True, pattern=VERSION_PATTERN),
              "minVersion": Text(pattern=VERSION_PATTERN)},
    "accessor": {"bufferView": Index(), "byteOffset": Raw(),
                 "componentType": UInt(required=True, choices=tuple(COMPONENT_SIZES)),
                 "count": UInt(required=True, minimum=1),
                 "type": Text(required=True, choices=("SCALAR", "VEC2", "VEC3", "VEC4", "MAT2",
                                                      "MAT3", "MAT4")),
                 "normalized": Flag(), "max": Raw(), "min": Raw(),
                 "sparse": Child(kind="accessorSparse"), **NAME},
    "accessorSparse": {"count": UInt(required=True, minimum=1),
                       "indices": Child(required=True, kind="accessorSparseIndices"),
                       "values": Child(required=True, kind="accessorSparseValues")},
    "accessorSparseIndices": {"bufferView": Index(required=True), "byteOffset": UInt(),
                              "componentType": UInt(required=True, choices=(5121, 5123, 5125))},
    "accessorSparseValues": {"bufferView": Index(required=True), "byteOffset": UInt()},
    "animation": {"channels": Children(kind="animationChannel"),
                  "samplers": Children(kind="animationSampler"), **NAME},
    "animationChannel": {"sampler": Index(required=True),
                         "target": Child(required=True, kind="animationChannelTarget")},
    "animationChannelTarget": {"node": Index(), "path": Text(required=True,
                                                              choices=ANIMATION_PATHS)},
    "animationSampler": {"input": Index(required=True),
                         "interpolation": Text(choices=("LINEAR", "STEP", "CUBICSPLINE")),
                         "output": Index(required=True)},
    "buffer": {"uri": Raw(), "byteLength": UInt(required=True, minimum=1), **NAME},
    "bufferView": {"buffer": Index(required=True), "byteOffset": UInt(),
                   "byteLength": UInt(required=True, minimum=1),
                   "byteStride": UInt(minimum=4, maximum=252),
                   "target": UInt(choices=(ARRAY_BUFFER, ELEMENT_ARRAY_BUFFER)), **NAME},
    "camera": {"type": Text(required=True, choices=("orthographic", "perspective")),
               "orthographic": Raw(), "perspective": Raw(), **NAME},
    "cameraOrthographic": {"xmag": Number(required=True), "ymag": Number(required=True),
                           "zfar": Number(required=True, above=0.0),
                           "znear": Number(required=True, minimum=0.0)},
    "cameraPerspective": {"aspectRatio": Number(above=0.0),
                          "yfov": Number(required=True, above=0.0),
                          "zfar": Number(above=0.0), "znear": Number(required=True, above=0.0)},
    "image": {"bufferView": Index(), "mimeType": Text(choices=IMAGE_TYPES), "uri": Raw(), **NAME},
    "material": {"pbrMetallicRoughness": Child(kind="pbrMetallicRoughness"),
                 "normalTexture": Child(kind="normalTextureInfo"),
                 "occlusionTexture": Child(kind="occlusionTextureInfo"),
                 "emissiveTexture": TEXTURE,
                 "emissiveFactor": Numbers(lengths=(3,), **UNIT),
                 "alphaMode": Text(choices=("OPAQUE", "MASK", "BLEND")),
                 "alphaCutoff": Number(minimum=0.0), "doubleSided": Flag(), **NAME},
    "pbrMetallicRoughness": {"baseColorFactor": Numbers(lengths=(4,), **UNIT),
                             "baseColorTexture": TEXTURE, "metallicFactor": Number(**UNIT),
                             "roughnessFactor": Number(**UNIT),
                             "metallicRoughnessTexture": TEXTURE},
    "textureInfo": {"index": Index(required=True), "texCoord": UInt()},
    "normalTextureInfo": {"index": Index(required=True), "texCoord": UInt(), "scale": Number()},
    "occlusionTextureInfo": {"index": Index(required=True), "texCoord": UInt(),
                             "strength": Number(**UNIT)},
    "mesh": {"primitives": Children(kind="meshPrimitive"), "weights": Numbers(), **NAME},
    "meshPrimitive": {"attributes": Raw(), "indices": Index(), "material": Index(),
                      "mode": UInt(maximum=6), "targets": Raw()},
    "node": {"camera": Index(), "children": IndexList(), "skin": Index(),
             "matrix": Numbers(lengths=(16,)), "mesh": Index(),
             "rotation": Numbers(lengths=(4,), minimum=-1.0, maximum=1.0),
             "scale": Numbers(lengths=(3,)), "translation": Numbers(lengths=(3,)),
             "weights": Numbers(), **NAME},
    "sampler": {"magFilter": UInt(choices=(9728, 9729)),
                "minFilter": UInt(choices=(9728, 9729, 9984, 9985, 9986, 9987)),
                "wrapS": UInt(choices=(33071, 33648, 10497)),
                "wrapT": UInt(choices=(33071, 33648, 10497)), **NAME},
    "scene": {"nodes": IndexList(), **NAME},
    "skin": {"inverseBindMatrices": Index(), "skeleton": Index(),
             "joints": IndexList(required=True), **NAME},
    "texture": {"sampler": Index(), "source": Index(), **NAME},
}

EXTENSION_KINDS: Kinds = {
    "KHR_lights_punctual": {"lights": Children(kind="KHR_lights_punctual.light")},
    "KHR_lights_punctual.light": {
        "color": Numbers(lengths=(3,), **UNIT), "intensity": Number(minimum=0.0),
        "spot": Raw(), "type": Text(required=True, choices=("directional", "point", "spot")),
        "range": Number(above=0.0), **NAME},
    "KHR_lights_punctual.spot": {"innerConeAngle": Number(minimum=0.0, below=math.pi / 2),
                                 "outerConeAngle": Number(above=0.0, maximum=math.pi / 2)},
    "KHR_lights_punctual.node": {"light": Index(required=True)},
    "KHR_materials_variants": {"variants": Children(kind="KHR_materials_variants.variant")},
    "KHR_materials_variants.variant": {"name": Text(required=True)},
    "KHR_materials_variants.primitive": {
        "mappings": Children(kind="KHR_materials_variants.mapping")},
    "KHR_materials_variants.mapping": {"variants": IndexList(required=True),
                                       "material": Index(required=True), **NAME},
    "EXT_texture_webp": {"source": Index()},
    "KHR_animation_pointer": {"pointer": Text(required=True,
                                              pattern=r"^(?:\/(?:[^/~]|~0|~1)*)*$")},
    "KHR_texture_transform": {"offset": Numbers(lengths=(2,)), "rotation": Number(),
                              "scale": Numbers(lengths=(2,)), "texCoord": UInt()},
    "KHR_materials_anisotropy": {"anisotropyStrength": Number(**UNIT),
                                 "anisotropyRotation": Number(), "anisotropyTexture": TEXTURE},
    "KHR_materials_clearcoat": {
        "clearcoatFactor": Number(**UNIT), "clearcoatTexture": TEXTURE,
        "clearcoatRoughnessFactor": Number(**UNIT), "clearcoatRoughnessTexture": TEXTURE,
        "clearcoatNormalTexture": Child(kind="normalTextureInfo")},
    "KHR_materials_dispersion": {"dispersion": Number(minimum=0.0)},
    "KHR_materials_emissive_strength": {"emissiveStrength": Number(minimum=0.0)},
    "KHR_materials_ior": {"ior": Number(minimum=1.0, exempt=0.0)},
    "KHR_materials_iridescence": {
        "iridescenceFactor": Number(**UNIT), "iridescenceTexture": TEXTURE,
        "iridescenceIor": Number(minimum=1.0), "iridescenceThicknessMinimum": Number(minimum=0.0),
        "iridescenceThicknessMaximum": Number(minimum=0.0),
        "iridescenceThicknessTexture": TEXTURE},
    "KHR_materials_pbrSpecularGlossiness": {
        "diffuseFactor": Numbers(lengths=(4,), **UNIT), "diffuseTexture": TEXTURE,
        "specularFactor": Numbers(lengths=(3,), **UNIT), "glossinessFactor": Number(**UNIT),
        "specularGlossinessTexture": TEXTURE},
    "KHR_materials_sheen": {
        "sheenColorFactor": Numbers(lengths=(3,), **UNIT), "sheenColorTexture": TEXTURE,
        "sheenRoughnessFactor": Number(**UNIT), "sheenRoughnessTexture": TEXTURE},
    "KHR_materials_specular": {
        "specularFactor": Number(**UNIT), "specularTexture": TEXTURE,
        "specularColorFactor": Numbers(lengths=(3,), minimum=0.0),
        "specularColorTexture": TEXTURE},
    "KHR_materials_transmission": {"transmissionFactor": Number(**UNIT),
                                   "transmissionTexture": TEXTURE},
    "KHR_materials_unlit": {},
    "KHR_materials_volume": {
        "attenuationColor": Numbers(lengths=(3,), **UNIT),
        "attenuationDistance": Number(above=0.0), "thicknessFactor": Number(minimum=0.0),
        "thicknessTexture": TEXTURE},
}

_MATERIAL_EXTENSIONS = (
    "KHR_materials_anisotropy", "KHR_materials_clearcoat", "KHR_materials_dispersion",
    "KHR_materials_emissive_strength", "KHR_materials_ior", "KHR_materials_iridescence",
    "KHR_materials_pbrSpecularGlossiness", "KHR_materials_sheen", "KHR_materials_specular",
    "KHR_materials_transmission", "KHR_materials_unlit", "KHR_materials_volume",
)
_TEXTURE_INFOS = ("textureInfo", "normalTextureInfo", "occlusionTextureInfo")

# extension name -> {host kind -> kind of the extension object}
EXTENSION_HOSTS: dict[str, dict[str, str]] = {
    "KHR_lights_punctual": {"gltf": "KHR_lights_punctual",
                            "node": "KHR_lights_punctual.node"},
    "KHR_materials_variants": {"gltf": "KHR_materials_variants",
                               "meshPrimitive": "KHR_materials_variants.primitive"},
    "EXT_texture_webp": {"texture": "EXT_texture_webp"},
    "KHR_animation_pointer": {"animationChannelTarget": "KHR_animation_pointer"},
    "KHR_texture_transform": dict.fromkeys(_TEXTURE_INFOS, "KHR_texture_transform"),
    "KHR_mesh_quantization": {},
    **{name: {"material": name} for name in _MATERIAL_EXTENSIONS},
}
# Extensions that must be in extensionsRequired when used.
ALWAYS_REQUIRED = frozenset({"KHR_mesh_quantization"})
# Extensions that replace the whole material model, so they should stand alone.
STANDALONE = frozenset({"KHR_materials_pbrSpecularGlossiness", "KHR_materials_unlit"})


def kinds_for(extensions_loaded: set[str]) -> Kinds:
    """Every kind, with the enums that loaded extensions widen (animation paths, image types)."""
    kinds: Kinds = {**CORE_KINDS, **EXTENSION_KINDS}
    if "KHR_animation_pointer" in extensions_loaded:
        target = dict(kinds["animationChannelTarget"])
        target["path"] = Text(required=True, choices=(*ANIMATION_PATHS, "pointer"))
        kinds["animationChannelTarget"] = target
    if "EXT_texture_webp" in extensions_loaded:
        image = dict(kinds["image"])
        image["mimeType"] = Text(choices=(*IMAGE_TYPES, "image/webp"))
        kinds["image"] = image
    return kinds
