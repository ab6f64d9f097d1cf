"""The mesh-quality report of an ingested model: whether its meshes are closed and manifold,
and findings (each a code, a severity, a count and where) about faces, vertices, UVs, textures,
material extensions and scale that validation does not judge.

Pure and vectorised (numpy only), so it runs inside the ingest job's sandboxed child on models
of millions of triangles. Topology is per glTF mesh (all its primitives welded by position);
faces, vertices and UVs per primitive; locations are JSON pointers into the normalised GLB.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from app.geometry.gltf_io import GltfAsset
from app.geometry.quality import materials, topology, uv
from app.geometry.quality.primitives import Mesh, triangle_meshes
from app.geometry.quality.report import QualityItem, QualityReport, Severity, first_locations
from app.geometry.stats import AssetStats, Vec3

__all__ = ["QualityReport", "Severity", "assess_quality"]

DEFAULT_MAX_TEXTURE_SIZE = 4096
# glTF's unit is the metre: past a kilometre or under a millimetre the exporter most likely
# wrote centimetres or millimetres (or metres meant as kilometres) as metres.
LARGEST_PLAUSIBLE_METRES = 1000.0
SMALLEST_PLAUSIBLE_METRES = 0.001
# Below this share of a primitive's UV area, overlap is rasterisation noise, not a layout.
UV_OVERLAP_NOTICE = 0.01

MESSAGES: dict[str, tuple[Severity, str]] = {
    "OPEN_EDGES": (Severity.WARNING, "Edges used by one face only: the surface has holes or "
                   "open borders, so it is not watertight."),
    "NON_MANIFOLD_EDGES": (Severity.ERROR, "Edges shared by more than two faces: the surface "
                           "is not manifold."),
    "NON_MANIFOLD_VERTICES": (Severity.WARNING, "Vertices where separate fans of faces touch "
                              "(bowties): the surface is not manifold there."),
    "INCONSISTENT_WINDING": (Severity.ERROR, "Edges traversed twice in the same direction: "
                             "neighbouring faces are wound oppositely, so some face inwards."),
    "DEGENERATE_FACES": (Severity.WARNING, "Faces with no area (repeated or collinear "
                         "corners)."),
    "DUPLICATE_FACES": (Severity.WARNING, "Faces over the same three vertices as another face "
                        "(they z-fight)."),
    "UNREFERENCED_VERTICES": (Severity.INFO, "Vertices no face uses: they only take space."),
    "UV_OUT_OF_RANGE": (Severity.INFO, "UV coordinates outside [0, 1]: right for a repeating "
                        "texture, wrong for an atlas or a lightmap."),
    "TEXTURE_NOT_POWER_OF_TWO": (Severity.INFO, "Images whose width or height is not a power "
                                 "of two: some GPUs and engines cannot mipmap or repeat them."),
}


@dataclass(frozen=True)
class _Figures:
    """Counts of one code by location, in model order."""

    found: dict[str, list[tuple[str, int]]]

    def add(self, code: str, pointer: str, count: int) -> None:
        if count:
            self.found[code].append((pointer, count))

    def item(self, code: str, severity: Severity, message: str) -> QualityItem | None:
        places = self.found.get(code)
        if not places:
            return None
        return QualityItem(code, severity, sum(count for _, count in places), message,
                           first_locations(pointer for pointer, _ in places))


def assess_quality(asset: GltfAsset, stats: AssetStats,
                   max_texture_size: int = DEFAULT_MAX_TEXTURE_SIZE) -> QualityReport:
    """The report of `asset`, whose `stats` give its world bounds."""
    figures = _Figures(defaultdict(list))
    meshes = list(triangle_meshes(asset))
    closed, has_uvs, covered, overlapped = bool(meshes), False, 0.0, 0.0
    for mesh in meshes:
        closed &= _check_topology(mesh, figures)
        for primitive in mesh.primitives:
            figures.add("DEGENERATE_FACES", primitive.pointer, topology.degenerate_faces(primitive))
            figures.add("UNREFERENCED_VERTICES", primitive.pointer,
                        topology.unreferenced_vertices(primitive))
            if primitive.uvs is None:
                continue
            has_uvs = True
            figures.add("UV_OUT_OF_RANGE", primitive.pointer, uv.out_of_range(primitive.uvs))
            share = uv.coverage(primitive.uvs, primitive.faces)
            covered, overlapped = covered + share.covered, overlapped + share.overlapped
            figures.add("UV_OVERLAP", primitive.pointer, int(share.ratio >= UV_OVERLAP_NOTICE))
    _check_images(asset, figures, max_texture_size)
    ratio = overlapped / covered if covered else 0.0
    items = [figures.item(code, severity, message) for code, (severity, message)
             in MESSAGES.items()]
    items += [
        figures.item("UV_OVERLAP", Severity.WARNING, (
            f"Primitives whose UV triangles overlap ({ratio:.1%} of the UV area in use is "
            "covered twice or more): baked maps and lightmaps would share texels.")),
        figures.item("TEXTURE_TOO_LARGE", Severity.WARNING, (
            f"Images larger than {max_texture_size} pixels on a side: many devices cannot "
            "load them, and they cost memory.")),
        *_extension_items(asset),
        _scale_item(stats.bounds_min, stats.bounds_max),
    ]
    found = figures.found
    return QualityReport(
        watertight=closed,
        manifold=not found.get("NON_MANIFOLD_EDGES") and not found.get("NON_MANIFOLD_VERTICES"),
        uv_overlap_ratio=round(ratio, 4) if has_uvs else None,
        items=[item for item in items if item is not None])


def _check_topology(mesh: Mesh, figures: _Figures) -> bool:
    """Record the mesh's topology findings; True when it is closed."""
    faces, vertex_count = topology.welded_faces(mesh.primitives)
    found = topology.mesh_topology(faces, vertex_count)
    figures.add("OPEN_EDGES", mesh.pointer, found.open_edges)
    figures.add("NON_MANIFOLD_EDGES", mesh.pointer, found.non_manifold_edges)
    figures.add("NON_MANIFOLD_VERTICES", mesh.pointer, found.non_manifold_vertices)
    figures.add("INCONSISTENT_WINDING", mesh.pointer, found.inconsistent_edges)
    figures.add("DUPLICATE_FACES", mesh.pointer, found.duplicate_faces)
    return len(faces) > 0 and not found.open_edges and not found.non_manifold_edges


def _check_images(asset: GltfAsset, figures: _Figures, max_texture_size: int) -> None:
    for image in materials.image_sizes(asset):
        power_of_two = materials.is_power_of_two(image.width) and materials.is_power_of_two(
            image.height)
        figures.add("TEXTURE_NOT_POWER_OF_TWO", image.pointer, int(not power_of_two))
        figures.add("TEXTURE_TOO_LARGE", image.pointer,
                    int(max(image.width, image.height) > max_texture_size))


def _extension_items(asset: GltfAsset) -> list[QualityItem | None]:
    required = materials.required_unsupported(asset)
    used = materials.material_unsupported(asset)
    names = sorted({name for _, found in used for name in found})
    return [
        QualityItem("EXTENSION_REQUIRED_UNSUPPORTED", Severity.WARNING, len(required), (
            f"Required extensions common viewers do not implement "
            f"({', '.join(name for _, name in required[:5])}): they refuse the file."),
            first_locations(pointer for pointer, _ in required)) if required else None,
        QualityItem("MATERIAL_EXTENSION_UNSUPPORTED", Severity.INFO, len(used), (
            f"Materials using extensions common viewers do not implement "
            f"({', '.join(names[:5])}): they show the core material instead."),
            first_locations(pointer for pointer, _ in used)) if used else None,
    ]


def _scale_item(low: Vec3 | None, high: Vec3 | None) -> QualityItem | None:
    if low is None or high is None:
        return None
    extent = max(top - bottom for bottom, top in zip(low, high, strict=True))
    if extent > LARGEST_PLAUSIBLE_METRES:
        return QualityItem("SCALE_TOO_LARGE", Severity.WARNING, 1, (
            f"The model is {extent:,.0f} m across (glTF units are metres): probably exported "
            "in centimetres or millimetres."), ("/nodes",))
    if 0 < extent < SMALLEST_PLAUSIBLE_METRES:
        return QualityItem("SCALE_TOO_SMALL", Severity.WARNING, 1, (
            f"The model is {extent * 1000:.3g} mm across (glTF units are metres): probably "
            "exported in kilometres, or scaled down by mistake."))
    return None
