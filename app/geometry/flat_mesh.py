"""One mesh of a text format as flat arrays, and the trimesh mesh it becomes for the export.

The text readers (`off_parse`, `ply_text`, `stl_text`) fill these arrays without a Python
object per vertex; trimesh is handed the same arrays its own loaders would have built, so the
GLB it exports is the one it made before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import trimesh
from numpy.typing import NDArray
from trimesh.visual.texture import TextureVisuals

BYTE = 255


@dataclass(frozen=True)
class FlatMesh:
    name: str | None
    positions: NDArray[np.float64]
    triangles: NDArray[np.int64]
    vertex_normals: NDArray[np.float64] | None = None
    face_normals: NDArray[np.float64] | None = None
    vertex_colors: NDArray[np.generic] | None = None
    face_colors: NDArray[np.generic] | None = None
    uvs: NDArray[np.float64] | None = None

    def to_trimesh(self) -> trimesh.Trimesh:
        options: dict[str, Any] = {key: value for key, value in (
            ("vertex_normals", self.vertex_normals), ("face_normals", self.face_normals),
            ("vertex_colors", self.vertex_colors), ("face_colors", self.face_colors),
        ) if value is not None}
        if self.uvs is not None:
            options["visual"] = TextureVisuals(uv=self.uvs)  # type: ignore[no-untyped-call]
        return trimesh.Trimesh(vertices=self.positions, faces=self.triangles, process=False,
                               **options)


def color_bytes(values: NDArray[np.float64]) -> NDArray[np.uint8]:
    """Colours written as 0..255 integers or as 0..1 fractions, as bytes."""
    whole = bool((values == np.floor(values)).all()) and float(values.max(initial=0)) > 1
    scaled = values if whole else values * BYTE
    return np.clip(np.rint(scaled), 0, BYTE).astype(np.uint8)
