"""Compose a scene into one GLB: its hierarchy, transforms, cameras and lights, with the meshes
(and textures) it references copied out of their assets' GLBs and drawn with its materials.

A primitive draws with its node's material when the node has one, else with the scene material
that stands for the primitive's asset material. A node whose asset is missing from `sources`
(or whose version of it has no such mesh) keeps its place and transform but draws nothing.
`sources` are keyed by the references' source keys (app.geometry.scene_graph.source_key), so a
pinned version and the latest one of an asset are drawn each from its own GLB.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.geometry.gltf_io import GltfAsset
from app.geometry.scene_copy import GltfWriter, remap_texture_infos
from app.geometry.scene_graph import (
    AlphaMode,
    Camera,
    CameraType,
    Light,
    LightType,
    Material,
    Node,
    SceneGraph,
    TextureRef,
)
from app.geometry.scene_import import LIGHTS_EXTENSION, material_from_gltf

_DEFAULTS = Material(id="defaults")


def compose_glb(graph: SceneGraph, sources: Mapping[str, GltfAsset], *, name: str = "") -> bytes:
    """The scene as a self-contained GLB; `sources` maps source keys to their parsed GLBs."""
    return _Composer(graph, sources).glb(name)


class _Composer:
    def __init__(self, graph: SceneGraph, sources: Mapping[str, GltfAsset]) -> None:
        self.graph = graph
        self.writer = GltfWriter(sources)
        self.materials = {material.id: material for material in graph.materials}
        self.stands_for = {(m.source.source, m.source.material_index): m.id
                           for m in graph.materials if m.source is not None}
        self.cameras = {camera.id: camera for camera in graph.cameras}
        self.lights = {light.id: light for light in graph.lights}
        self._exported: dict[tuple[str, str], int] = {}
        self._meshes: dict[tuple[str, int, str | None], int] = {}

    def glb(self, name: str) -> bytes:
        indices = {node.id: i for i, node in enumerate(self.graph.nodes)}
        for node in self.graph.nodes:
            self.writer.add("nodes", self._node(node, indices))
        scene: dict[str, Any] = {"name": name} if name else {}
        if self.graph.roots:
            scene["nodes"] = [indices[root] for root in self.graph.roots]
        self.writer.add("scenes", scene)
        return self.writer.glb()

    def _node(self, node: Node, indices: dict[str, int]) -> dict[str, Any]:
        out: dict[str, Any] = {"name": node.name} if node.name else {}
        if node.matrix is not None:
            out["matrix"] = list(node.matrix)
        for key in ("translation", "rotation", "scale"):
            if getattr(node, key) is not None:
                out[key] = list(getattr(node, key))
        if node.children:
            out["children"] = [indices[child] for child in node.children]
        if node.mesh is not None and self._drawable(node.mesh.source, node.mesh.mesh_index):
            out["mesh"] = self._mesh(node.mesh.source, node.mesh.mesh_index, node.material)
        if node.camera is not None:
            out["camera"] = self._once("cameras", node.camera,
                                       lambda: _camera(self.cameras[str(node.camera)]))
        if node.light is not None:
            out["extensions"] = {LIGHTS_EXTENSION: {"light": self._light(node.light)}}
        if node.properties:
            out["extras"] = node.properties
        return out

    def _drawable(self, source: str, mesh_index: int) -> bool:
        """Whether `source` is given and has the mesh (a latest version may have fewer)."""
        found = self.writer.sources.get(source)
        return found is not None and mesh_index < len(found.document.get("meshes", []))

    def _mesh(self, source: str, mesh_index: int, override: str | None) -> int:
        key = (source, mesh_index, override)
        if key not in self._meshes:
            def material(source_index: int | None) -> int | None:
                if override is not None:
                    return self._material(override)
                if source_index is None:
                    return None
                linked = self.stands_for.get((source, source_index))
                if linked is not None:
                    return self._material(linked)
                document = self.writer.sources[source].document
                # Its own copy (the source key standing as the asset id of its textures).
                return self._once("materials", f"{source}#{source_index}", lambda: self._gltf(
                    material_from_gltf(document, source, source_index, "asset")))

            self._meshes[key] = self.writer.mesh(source, mesh_index, material)
        return self._meshes[key]

    def _material(self, material_id: str) -> int:
        return self._once("materials", material_id,
                          lambda: self._gltf(self.materials[material_id]))

    def _gltf(self, material: Material) -> dict[str, Any]:
        """A glTF material: the typed fields, plus its asset material's extensions."""
        pbr: dict[str, Any] = {}
        out: dict[str, Any] = {"name": material.name} if material.name else {}
        for key, field, value in (
            ("baseColorFactor", "base_color_factor", list(material.base_color_factor)),
            ("metallicFactor", "metallic_factor", material.metallic_factor),
            ("roughnessFactor", "roughness_factor", material.roughness_factor),
        ):
            if getattr(material, field) != getattr(_DEFAULTS, field):
                pbr[key] = value
        self._texture_slot(pbr, "baseColorTexture", material.base_color_texture)
        self._texture_slot(pbr, "metallicRoughnessTexture", material.metallic_roughness_texture)
        if pbr:
            out["pbrMetallicRoughness"] = pbr
        self._texture_slot(out, "normalTexture", material.normal_texture, "scale")
        self._texture_slot(out, "occlusionTexture", material.occlusion_texture, "strength")
        self._texture_slot(out, "emissiveTexture", material.emissive_texture)
        if any(material.emissive_factor):
            out["emissiveFactor"] = list(material.emissive_factor)
        if material.alpha_mode is not AlphaMode.OPAQUE:
            out["alphaMode"] = material.alpha_mode.value
        if material.alpha_mode is AlphaMode.MASK and material.alpha_cutoff != 0.5:
            out["alphaCutoff"] = material.alpha_cutoff
        if material.double_sided:
            out["doubleSided"] = True
        source = material.source
        if source is not None and source.source in self.writer.sources:
            original = self.writer.sources[source.source].section("materials")
            extensions = original[source.material_index].get("extensions")
            if extensions:
                out["extensions"] = remap_texture_infos(
                    extensions, lambda index: self.writer.texture(source.source, index))
        return out

    def _texture_slot(self, out: dict[str, Any], key: str, ref: TextureRef | None,
                      scale_key: str | None = None) -> None:
        if ref is None or ref.source not in self.writer.sources:
            return
        info: dict[str, Any] = {"index": self.writer.texture(ref.source, ref.texture_index)}
        if ref.tex_coord:
            info["texCoord"] = ref.tex_coord
        if scale_key is not None and ref.scale != 1.0:
            info[scale_key] = ref.scale
        out[key] = info

    def _light(self, light_id: str) -> int:
        key = ("lights", light_id)
        if key not in self._exported:
            lights = self.writer.extensions.setdefault(LIGHTS_EXTENSION, {"lights": []})["lights"]
            lights.append(_light(self.lights[light_id]))
            self._exported[key] = len(lights) - 1
        return self._exported[key]

    def _once(self, section: str, key: str, make: Any) -> int:
        if (section, key) not in self._exported:
            self._exported[(section, key)] = self.writer.add(section, make())
        return self._exported[(section, key)]


def _camera(camera: Camera) -> dict[str, Any]:
    kind = camera.type.value.lower()
    if camera.type is CameraType.PERSPECTIVE:
        projection = {"yfov": camera.yfov, "znear": camera.znear, "zfar": camera.zfar,
                      "aspectRatio": camera.aspect_ratio}
    else:
        projection = {"xmag": camera.xmag, "ymag": camera.ymag, "znear": camera.znear,
                      "zfar": camera.zfar}
    out: dict[str, Any] = {"type": kind,
                           kind: {k: v for k, v in projection.items() if v is not None}}
    if camera.name:
        out["name"] = camera.name
    return out


def _light(light: Light) -> dict[str, Any]:
    out: dict[str, Any] = {"type": light.type.value.lower(), "color": list(light.color),
                           "intensity": light.intensity}
    if light.name:
        out["name"] = light.name
    if light.range is not None:
        out["range"] = light.range
    if light.type is LightType.SPOT:
        out["spot"] = {"innerConeAngle": light.inner_cone_angle,
                       "outerConeAngle": light.outer_cone_angle}
    return out
