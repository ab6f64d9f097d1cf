"""Building real glTF documents for the tests: numpy arrays packed into one GLB buffer."""

from __future__ import annotations

import numpy as np
import trimesh

from app.geometry.gltf_io import GltfAsset, build_glb, load_asset

COMPONENT_TYPES = {np.dtype(np.int8): 5120, np.dtype(np.uint8): 5121, np.dtype(np.int16): 5122,
                   np.dtype(np.uint16): 5123, np.dtype(np.uint32): 5125,
                   np.dtype(np.float32): 5126}
TYPES = {1: "SCALAR", 2: "VEC2", 3: "VEC3", 4: "VEC4", 16: "MAT4"}


class GltfBuilder:
    """Accumulates a glTF document and its single binary buffer."""

    def __init__(self) -> None:
        self.document: dict = {"asset": {"version": "2.0"}}
        self.binary = bytearray()

    def add(self, section: str, item: dict) -> int:
        items = self.document.setdefault(section, [])
        items.append(item)
        return len(items) - 1

    def accessor(self, values: np.ndarray, *, target: int | None = None,
                 bounds: bool = False) -> int:
        """Store `values` ((count,) or (count, n)) in its own buffer view; return the accessor."""
        values = np.ascontiguousarray(values)
        self.binary += b"\x00" * (-len(self.binary) % 4)
        view = {"buffer": 0, "byteOffset": len(self.binary), "byteLength": values.nbytes}
        if target is not None:
            view["target"] = target
        self.binary += values.tobytes()
        width = 1 if values.ndim == 1 else values.shape[1]
        accessor = {"bufferView": self.add("bufferViews", view),
                    "componentType": COMPONENT_TYPES[values.dtype], "count": len(values),
                    "type": TYPES[width]}
        if bounds:
            rows = values.reshape(len(values), width)
            accessor["min"] = rows.min(axis=0).tolist()
            accessor["max"] = rows.max(axis=0).tolist()
        return self.add("accessors", accessor)

    def mesh(self, vertices: np.ndarray, faces: np.ndarray | None, *,
             normals: np.ndarray | None = None, mode: int | None = None) -> int:
        attributes = {"POSITION": self.accessor(vertices.astype(np.float32), target=34962,
                                                bounds=True)}
        if normals is not None:
            attributes["NORMAL"] = self.accessor(normals.astype(np.float32), target=34962)
        primitive: dict = {"attributes": attributes}
        if faces is not None:
            primitive["indices"] = self.accessor(faces.reshape(-1).astype(np.uint32),
                                                 target=34963)
        if mode is not None:
            primitive["mode"] = mode
        return self.add("meshes", {"primitives": [primitive]})

    def scene(self, *roots: int) -> None:
        self.document["scenes"] = [{"nodes": list(roots)}]
        self.document["scene"] = 0

    def glb(self) -> bytes:
        if self.binary:
            self.document["buffers"] = [{"byteLength": len(self.binary)}]
        return build_glb(self.document, bytes(self.binary))

    def asset(self) -> GltfAsset:
        return load_asset(self.glb())


def box_builder() -> GltfBuilder:
    """A valid, watertight box with normals, in a one-node scene."""
    box = trimesh.creation.box(extents=(1.0, 2.0, 3.0))
    builder = GltfBuilder()
    mesh = builder.mesh(box.vertices, box.faces, normals=box.vertex_normals)
    builder.scene(builder.add("nodes", {"mesh": mesh}))
    return builder
