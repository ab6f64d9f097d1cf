"""Benchmark IFC -> GLB on the ingest path against ifcopenshell's geometry iteration alone.

    .venv/bin/python bench/ifc_ingest.py [--storeys 10] [--walls 100] [--repeat 3]

Writes an IFC4 building (millimetres) with ifcopenshell.api: `--storeys` storeys of `--walls`
extruded walls each, every wall with a surface style and a property set, every tenth with an
opening cut out of it. Then runs in alternation, `--repeat` rounds, each in a process of its
own under /usr/bin/time as bench/timed_runs.py measures: Atelier's ingest (`bench.atelier_task
ingest`: detection, the IFC reader, packing, validation, stats, quality) and ifcopenshell
opening the file and iterating its geometry with the same settings, reading every shape's
arrays into numpy (`--iterate`: the library's own part of the work). Prints medians and
writes bench/results/ifc_ingest.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.timed_runs import (  # noqa: E402
    WALL_AND_MEMORY,
    alternated,
    atelier_ingest,
    machine,
    per_tool,
    write_results,
)


def write_building(path: Path, storeys: int, walls: int) -> None:
    import ifcopenshell.api

    api = ifcopenshell.api.run
    model = api("project.create_file", version="IFC4")
    project = api("root.create_entity", model, ifc_class="IfcProject", name="Bench")
    api("unit.assign_unit", model, length={"is_metric": True, "raw": "MILLIMETERS"})
    body = api("context.add_context", model, context_type="Model", context_identifier="Body",
               target_view="MODEL_VIEW",
               parent=api("context.add_context", model, context_type="Model"))
    building = api("root.create_entity", model, ifc_class="IfcBuilding", name="Tower")
    api("aggregate.assign_object", model, products=[building], relating_object=project)
    style = api("style.add_style", model, name="Plaster")
    api("style.add_surface_style", model, style=style, ifc_class="IfcSurfaceStyleShading",
        attributes={"SurfaceColour": {"Name": None, "Red": 0.9, "Green": 0.85, "Blue": 0.8}})
    representation = api("geometry.add_wall_representation", model, context=body, length=3.0,
                         height=3.0, thickness=0.2)
    api("style.assign_representation_styles", model, shape_representation=representation,
        styles=[style])
    for level in range(storeys):
        storey = api("root.create_entity", model, ifc_class="IfcBuildingStorey",
                     name=f"Level {level}")
        api("aggregate.assign_object", model, products=[storey], relating_object=building)
        api("geometry.edit_object_placement", model, product=storey,
            matrix=_at(0.0, 0.0, 3.0 * level))
        for index in range(walls):
            wall = api("root.create_entity", model, ifc_class="IfcWall", name=f"W{level}-{index}")
            api("spatial.assign_container", model, products=[wall], relating_structure=storey)
            api("geometry.edit_object_placement", model, product=wall,
                matrix=_at(3.0 * index, 0.0, 3.0 * level))
            # Walls without openings share the one representation, as a typed wall would.
            wall_body = representation
            if index % 10 == 0:
                wall_body = api("geometry.add_wall_representation", model, context=body,
                                length=3.0, height=3.0, thickness=0.2)
                api("style.assign_representation_styles", model,
                    shape_representation=wall_body, styles=[style])
            api("geometry.assign_representation", model, product=wall,
                representation=wall_body)
            if index % 10 == 0:
                _cut_opening(model, body, wall, 3.0 * index, 3.0 * level)
            pset = api("pset.add_pset", model, product=wall, name="Pset_WallCommon")
            api("pset.edit_pset", model, pset=pset,
                properties={"IsExternal": index in (0, walls - 1), "FireRating": "REI60"})
    model.write(str(path))


def _cut_opening(model: Any, body: Any, wall: Any, x: float, z: float) -> None:
    import ifcopenshell.api

    api = ifcopenshell.api.run
    opening = api("root.create_entity", model, ifc_class="IfcOpeningElement")
    api("geometry.edit_object_placement", model, product=opening, matrix=_at(x + 1.0, -0.1,
                                                                             z + 0.9))
    api("geometry.assign_representation", model, product=opening,
        representation=api("geometry.add_wall_representation", model, context=body,
                           length=1.0, height=1.2, thickness=0.4))
    api("feature.add_feature", model, feature=opening, element=wall)


def _at(x: float, y: float, z: float) -> np.ndarray:
    matrix = np.eye(4)
    matrix[:3, 3] = (x, y, z)
    return matrix


def iterate_with_ifcopenshell(source: Path) -> None:
    """ifcopenshell's own part: open the file and triangulate every element, as ingest asks."""
    import ifcopenshell
    import ifcopenshell.geom

    model = ifcopenshell.open(str(source))
    settings = ifcopenshell.geom.settings()
    settings.set("use-world-coords", False)
    settings.set("weld-vertices", False)
    settings.set("use-material-names", True)
    iterator = ifcopenshell.geom.iterator(settings, model, num_threads=1,
                                          exclude=["IfcOpeningElement", "IfcSpace"])
    if iterator.initialize():
        while True:
            geometry = iterator.get().geometry
            for values in (geometry.verts, geometry.faces, geometry.normals,
                           geometry.material_ids):
                np.asarray(values)
            if not iterator.next():
                break


def run(storeys: int, walls: int, repeat: int, folder: Path) -> dict[str, Any]:
    source = folder / "tower.ifc"
    write_building(source, storeys, walls)
    tools = {"atelier": atelier_ingest(source, folder / "atelier.glb"),
             "ifcopenshell iterate": [sys.executable, str(Path(__file__).resolve()),
                                      "--iterate", str(source)]}
    runs = alternated(tools, repeat, WALL_AND_MEMORY)
    glb = (folder / "atelier.glb").read_bytes()
    document = json.loads(glb[20:20 + int.from_bytes(glb[12:16], "little")])
    return {
        "machine": machine(),
        "source": {"storeys": storeys, "walls": storeys * walls,
                   "ifc_mib": source.stat().st_size / 2**20,
                   "glb_nodes": len(document["nodes"]), "glb_meshes": len(document["meshes"])},
        "repeat": repeat,
        "tools": per_tool(runs, WALL_AND_MEMORY),
    }


def table(report: dict[str, Any]) -> str:
    tools = report["tools"]
    alone = tools["ifcopenshell iterate"]
    lines = ["| tool | time | vs ifcopenshell | peak memory |", "|---|---|---|---|"]
    for name, row in tools.items():
        lines.append(f"| {name} | {row['seconds']:.2f} s | "
                     f"{row['seconds'] / alone['seconds']:.2f}x | {row['mib']:.0f} MiB |")
    source = report["source"]
    lines.append(f"IFC {source['ifc_mib']:.1f} MiB, {source['walls']:,} walls; GLB "
                 f"{source['glb_nodes']:,} nodes, {source['glb_meshes']:,} meshes")
    return "\n".join(lines)


def main() -> None:
    if sys.argv[1:2] == ["--iterate"]:
        iterate_with_ifcopenshell(Path(sys.argv[2]))
        return
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--storeys", type=int, default=10, help="storeys in the building")
    parser.add_argument("--walls", type=int, default=100, help="walls on each storey")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of alternated runs")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        report = run(arguments.storeys, arguments.walls, arguments.repeat, Path(scratch))
    print(table(report))
    write_results("ifc_ingest", report)


if __name__ == "__main__":
    main()
