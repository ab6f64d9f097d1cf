"""IFC (2x3, 4, 4x3) as a GLB: one glTF node per element that has geometry, under the spatial
structure that holds it (project, site, building, storey), read with ifcopenshell.

ifcopenshell's geometry iterator (one thread: the ingest runs in its sandbox child already)
triangulates each product's body in the element's own coordinates, in metres whatever the
file's length unit, and gives the element's placement apart; elements drawing one
representation with the same styles share one glTF mesh. A shape's faces are split into one
primitive per style (`ifc_materials`). Each node is named by the entity's Name (its class
when it has none) and keeps its class, GlobalId, name and property sets in `extras`
(`ifc_properties`). A node's matrix is its placement relative to its parent's: the spatial
elements' placements come from the file (scaled to metres), and the top node also turns
IFC's Z up into glTF's Y up. Openings are cut out of their walls; openings and spaces
themselves are not drawn.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ifcopenshell
import ifcopenshell.geom
import ifcopenshell.util.element
import ifcopenshell.util.placement
import ifcopenshell.util.unit
import numpy as np
from ifcopenshell import ifcopenshell_wrapper
from numpy.typing import NDArray

from app.errors import AtelierError, CorruptFile, ErrorCode, LimitExceeded
from app.geometry.convert.model import Model
from app.geometry.convert.packing import pack_model
from app.geometry.crash_guard import run_guarded
from app.geometry.gltf_io import build_glb
from app.geometry.ifc_materials import IfcMaterials
from app.geometry.ifc_properties import entity_extras
from app.geometry.ingest_limits import IngestLimits

TRIANGLES = 4
END_OF_EXCHANGE = b"END-ISO-10303-21;"
# Openings are the holes cut out of their walls, spaces the rooms' air: IfcConvert and viewers
# leave both out of a model's view.
NOT_DRAWN = ("IfcOpeningElement", "IfcSpace")
MAX_REASON = 300
# Column-vector matrix turning Z up into Y up: (x, y, z) -> (x, z, -y).
Z_UP_TO_Y_UP = np.array([[1, 0, 0, 0], [0, 0, 1, 0], [0, -1, 0, 0], [0, 0, 0, 1]], float)
Matrix = NDArray[np.float64]


@dataclass(frozen=True)
class _Shape:
    element: ifcopenshell.entity_instance
    world: Matrix  # the element's placement in the file's world, in metres
    mesh: int


def ifc_to_glb(data: bytes, limits: IngestLimits) -> bytes:
    """The GLB of an IFC upload; raises CorruptFile, NO_GEOMETRY and LIMIT_EXCEEDED.

    ifcopenshell's geometry is OpenCascade's, which may crash on what a damaged file leaves
    out: the reading runs in a forked child (`crash_guard`), and a crash is CorruptFile."""
    if not data.rstrip().endswith(END_OF_EXCHANGE):
        # ifcopenshell reads a file cut short as far as it goes, without a word.
        raise CorruptFile("the IFC file is cut short: it does not end with END-ISO-10303-21;")

    def crashed(signal_name: str) -> AtelierError:
        return CorruptFile(f"ifcopenshell crashed ({signal_name}) reading the IFC file: it is "
                           "damaged, or holds what its reader cannot handle")

    return run_guarded(lambda: _convert(data, limits), crashed)


def _convert(data: bytes, limits: IngestLimits) -> bytes:
    with tempfile.TemporaryDirectory(prefix="atelier-ifc-") as work:
        path = Path(work) / "model.ifc"
        path.write_bytes(data)
        model = _open(path)
        reader = _ShapeReader(limits.max_triangles)
        shapes = reader.shapes(model)
    if not shapes:
        raise AtelierError("the IFC file has no element with geometry to show",
                           code=ErrorCode.NO_GEOMETRY)
    tree = _Tree(ifcopenshell.util.unit.calculate_unit_scale(model))
    for shape in shapes:
        tree.add(shape)
    document: dict[str, Any] = {
        "asset": {"version": "2.0",
                  "generator": f"Atelier IFC import (ifcopenshell {ifcopenshell.version})"},
        "scene": 0, "scenes": [{"nodes": tree.roots}], "nodes": tree.nodes,
        "meshes": reader.meshes, "materials": reader.materials.materials}
    packed = pack_model(Model(document, []))
    return build_glb(packed.document, packed.binary)


def _open(path: Path) -> ifcopenshell.file:
    """The parsed file; CorruptFile for the syntax errors ifcopenshell's lenient parser logs
    and steps over."""
    log = ifcopenshell_wrapper.logger()
    log.output_format(ifcopenshell_wrapper.logger.FMT_INMEMORY)
    try:
        model = ifcopenshell.open(str(path), logger=log)
    except (ifcopenshell.Error, RuntimeError) as exc:
        # Its message sends one to the log ("check logs"): say what the log says.
        raise CorruptFile(f"ifcopenshell cannot read the IFC file: "
                          f"{_first_error(log) or _shown(str(exc))}") from exc
    first = _first_error(log)
    if first:
        raise CorruptFile(f"the IFC file has syntax errors, the first: {first}")
    return model


def _first_error(log: ifcopenshell_wrapper.logger) -> str | None:
    return next((_shown(message.message) for message in log.log_messages()
                 if message.severity >= ifcopenshell_wrapper.logger.LOG_ERROR), None)


def _shown(reason: str) -> str:
    """A parser message fit to store and show: it quotes the file's bytes, which may be no
    text at all (lone surrogates once decoded), and at any length."""
    return reason.encode("utf-8", "backslashreplace").decode("utf-8")[:MAX_REASON]


class _ShapeReader:
    def __init__(self, max_triangles: int) -> None:
        self.max_triangles = max_triangles
        self.triangles = 0
        self.materials = IfcMaterials()
        self.meshes: list[dict[str, Any]] = []
        self._made: dict[str, int] = {}

    def shapes(self, model: ifcopenshell.file) -> list[_Shape]:
        settings = ifcopenshell.geom.settings()
        settings.set("use-world-coords", False)
        settings.set("weld-vertices", False)  # flat faces keep their own normals
        settings.set("use-material-names", True)  # a style's own Name, not its step id
        iterator = ifcopenshell.geom.iterator(settings, model, num_threads=1,
                                              exclude=list(NOT_DRAWN))
        try:
            if not iterator.initialize():
                return []
            shapes = []
            while True:
                shapes.append(self._shape(model, iterator.get()))
                if not iterator.next():
                    return shapes
        except RuntimeError as exc:
            raise CorruptFile(f"ifcopenshell cannot make the IFC file's geometry: {exc}"
                              ) from exc

    def _shape(self, model: ifcopenshell.file, shape: Any) -> _Shape:
        geometry = shape.geometry
        if geometry.id not in self._made:
            self._made[geometry.id] = self._mesh(geometry, shape.name or shape.type)
        # ifcopenshell's matrix is column-major, as glTF's.
        world = np.array(shape.transformation.matrix, dtype=np.float64).reshape(4, 4).T
        return _Shape(model.by_id(shape.id), world, self._made[geometry.id])

    def _mesh(self, geometry: Any, name: str) -> int:
        faces = np.asarray(geometry.faces, dtype=np.uint32).reshape(-1, 3)
        self.triangles += len(faces)
        if self.triangles > self.max_triangles:
            raise LimitExceeded(f"the IFC file has more than {self.max_triangles} triangles "
                                "(the limit)")
        positions = np.asarray(geometry.verts, dtype=np.float32).reshape(-1, 3)
        normals = np.asarray(geometry.normals, dtype=np.float32).reshape(-1, 3)
        styles = [self.materials.index(style) for style in geometry.materials]
        face_styles = np.asarray(geometry.material_ids, dtype=np.int64)
        attributes = {"POSITION": positions}
        if len(normals) == len(positions):
            attributes["NORMAL"] = normals
        primitives = []
        for style in np.unique(face_styles):
            primitive: dict[str, Any] = {
                "attributes": attributes, "indices": faces[face_styles == style].reshape(-1),
                "mode": TRIANGLES}
            if 0 <= style < len(styles):
                primitive["material"] = styles[style]
            primitives.append(primitive)
        self.meshes.append({"name": name, "primitives": primitives})
        return len(self.meshes) - 1


class _Tree:
    """glTF nodes for the shapes and every entity above them, each made once."""

    def __init__(self, unit_scale: float) -> None:
        self.unit_scale = unit_scale
        self.nodes: list[dict[str, Any]] = []
        self.roots: list[int] = []
        # step id -> its node and the inverse of its placement, which its children's undo
        self._made: dict[int, tuple[int, Matrix]] = {}
        self._making: set[int] = set()  # the entities whose parents are being made

    def add(self, shape: _Shape) -> None:
        node = self._node(shape.element, shape.world)
        self.nodes[node]["mesh"] = shape.mesh

    def _node(self, entity: ifcopenshell.entity_instance, world: Matrix | None = None) -> int:
        """The entity's node, made (with its parents') on first use; `world` is its placement
        in metres, read from the file when not given."""
        made = self._made.get(entity.id())
        if made is not None:
            return made[0]
        if world is None:
            world = self._placement(entity)
        if entity.id() in self._making:
            raise CorruptFile(f"the IFC file's spatial structure loops: #{entity.id()} "
                              f"({entity.is_a()}) is inside itself")
        self._making.add(entity.id())
        parent = _parent(entity)
        node: dict[str, Any] = {"name": getattr(entity, "Name", None) or entity.is_a(),
                                "extras": entity_extras(entity)}
        if parent is None:
            local = Z_UP_TO_Y_UP @ world
        else:
            parent_node = self._node(parent)
            local = self._made[parent.id()][1] @ world
        if not np.allclose(local, np.eye(4), rtol=0, atol=1e-12):
            node["matrix"] = local.T.reshape(-1).tolist()
        self.nodes.append(node)
        index = len(self.nodes) - 1
        # The exact inverse: a pseudo-inverse leaves errors the validator's TRS check catches.
        self._made[entity.id()] = (index, np.linalg.inv(world).astype(np.float64))
        if parent is None:
            self.roots.append(index)
        else:
            self.nodes[parent_node].setdefault("children", []).append(index)
        return index

    def _placement(self, entity: ifcopenshell.entity_instance) -> Matrix:
        """A spatial element's or group's placement in metres; the identity if it has none."""
        placement = getattr(entity, "ObjectPlacement", None)
        if placement is None:
            return np.eye(4)
        matrix = np.array(ifcopenshell.util.placement.get_local_placement(placement), float)
        matrix[:3, 3] *= self.unit_scale
        return matrix


def _parent(entity: ifcopenshell.entity_instance) -> ifcopenshell.entity_instance | None:
    """What holds the entity: its spatial container, else the whole it is part of."""
    util = ifcopenshell.util.element
    return (util.get_container(entity, should_get_direct=True) or util.get_aggregate(entity)
            or util.get_nest(entity))
