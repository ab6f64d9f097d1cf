"""GraphQL types of an asset's mesh-quality report."""

from __future__ import annotations

from enum import Enum

import strawberry

from app.schema.enums import described


@described(description="How much a quality finding matters.", values={
    "INFO": "Worth knowing; often intended (tiling UVs, unused vertices).",
    "WARNING": "Likely to look wrong or cost something in some viewers or pipelines.",
    "ERROR": "Breaks rendering, printing or editing: the mesh needs repair.",
})
class QualitySeverity(Enum):
    INFO = "INFO"
    WARNING = "WARNING"
    ERROR = "ERROR"


@strawberry.type(description="One kind of problem the quality report found, with its count.")
class QualityItem:
    code: str = strawberry.field(description=(
        "Stable code: OPEN_EDGES, NON_MANIFOLD_EDGES, NON_MANIFOLD_VERTICES, "
        "INCONSISTENT_WINDING, DEGENERATE_FACES, DUPLICATE_FACES, UNREFERENCED_VERTICES, "
        "UV_OUT_OF_RANGE, UV_OVERLAP, TEXTURE_NOT_POWER_OF_TWO, TEXTURE_TOO_LARGE, "
        "EXTENSION_REQUIRED_UNSUPPORTED, MATERIAL_EXTENSION_UNSUPPORTED, SCALE_TOO_LARGE or "
        "SCALE_TOO_SMALL."))
    severity: QualitySeverity = strawberry.field(description="How much it matters.")
    count: int = strawberry.field(description=(
        "How many: edges, faces, vertices, UV coordinates, primitives, images, materials or "
        "extensions, as the code says."))
    message: str = strawberry.field(description="What it is and why it matters.")
    where: list[str] = strawberry.field(description=(
        "JSON pointers into the normalised GLB of the first places it occurs (at most 10), as "
        "/meshes/0 for topology, /meshes/0/primitives/1 for faces, vertices and UVs, "
        "/images/2 or /materials/0."))


@strawberry.type(description=(
    "Mesh quality of the normalised GLB, measured at ingest: topology per glTF mesh (its "
    "primitives welded by position), faces, vertices and UVs per primitive, textures, "
    "material extensions and scale."))
class QualityReport:
    watertight: bool = strawberry.field(description=(
        "Every edge of every mesh is shared by exactly two faces (false without triangles)."))
    manifold: bool = strawberry.field(description=(
        "No edge is shared by more than two faces and no vertex joins separate fans of faces."))
    uv_overlap_ratio: float | None = strawberry.field(description=(
        "Share of the UV area in use covered by two or more triangles (TEXCOORD_0 within "
        "[0, 1], estimated on a 256 x 256 grid per primitive); null without UVs."))
    items: list[QualityItem] = strawberry.field(description=(
        "The problems found, one per code; empty for a clean model."))
