"""Benchmark STEP -> GLB on the ingest path against OpenCascade reading and tessellating alone.

    .venv/bin/python bench/cad_ingest.py [--parts 300] [--repeat 3]

Writes an AP214 assembly (millimetres) with OpenCascade's XCAF writer: `--parts` distinct tori
(each its own part, of its own size, colour and name, so nothing is shared), placed on a
grid. Then runs in alternation, `--repeat` rounds, each in a process of its own under
/usr/bin/time (wall and CPU seconds, peak memory): Atelier's ingest (`bench.atelier_task ingest`:
detection, the CAD reader in its forked child, packing, validation, stats, quality),
OpenCascade reading the file into an XCAF document and tessellating each part with the same
chord error (`--tessellate`: the library's own part of the work), and OpenCascade doing that
and writing the GLB itself with RWGltf_CafWriter (`--gltf`: its own conversion). Prints
medians and writes bench/results/cad_ingest.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.timed_runs import (  # noqa: E402
    FIGURES,
    alternated,
    atelier_ingest,
    machine,
    per_tool,
    write_results,
)

TOLERANCE = 0.001  # ATELIER_CAD_TESSELLATION_TOLERANCE's default
ANGULAR_DEFLECTION = 0.5
COLUMNS = 20


def write_assembly(path: Path, parts: int) -> None:
    from OCP.BRepPrimAPI import BRepPrimAPI_MakeTorus
    from OCP.gp import gp_Trsf, gp_Vec
    from OCP.Quantity import Quantity_Color, Quantity_TOC_RGB
    from OCP.STEPCAFControl import STEPCAFControl_Writer
    from OCP.STEPControl import STEPControl_AsIs
    from OCP.TCollection import TCollection_ExtendedString
    from OCP.TDataStd import TDataStd_Name
    from OCP.TDocStd import TDocStd_Document
    from OCP.TopLoc import TopLoc_Location
    from OCP.XCAFApp import XCAFApp_Application
    from OCP.XCAFDoc import XCAFDoc_ColorSurf, XCAFDoc_DocumentTool

    document = TDocStd_Document(TCollection_ExtendedString("MDTV-XCAF"))
    XCAFApp_Application.GetApplication_s().InitDocument(document)
    shapes = XCAFDoc_DocumentTool.ShapeTool_s(document.Main())
    colors = XCAFDoc_DocumentTool.ColorTool_s(document.Main())
    assembly = shapes.NewShape()
    TDataStd_Name.Set_s(assembly, TCollection_ExtendedString("Rack"))
    for index in range(parts):
        major = 20.0 + index % 17
        part = shapes.AddShape(BRepPrimAPI_MakeTorus(major, 4.0 + index % 5).Shape(), False)
        TDataStd_Name.Set_s(part, TCollection_ExtendedString(f"Ring {index}"))
        colors.SetColor(part, Quantity_Color((index % 7) / 7, (index % 11) / 11, 0.5,
                                             Quantity_TOC_RGB), XCAFDoc_ColorSurf)
        move = gp_Trsf()
        move.SetTranslation(gp_Vec(100.0 * (index % COLUMNS), 100.0 * (index // COLUMNS), 0.0))
        shapes.AddComponent(assembly, part, TopLoc_Location(move))
    shapes.UpdateAssemblies()
    writer = STEPCAFControl_Writer()
    writer.Transfer(document, STEPControl_AsIs)
    writer.Write(str(path))


def read_and_tessellate(source: Path) -> Any:
    """OpenCascade's own part: the XCAF document, each part meshed as ingest meshes it."""
    from OCP.Bnd import Bnd_Box
    from OCP.BRepBndLib import BRepBndLib
    from OCP.BRepMesh import BRepMesh_IncrementalMesh
    from OCP.STEPCAFControl import STEPCAFControl_Reader
    from OCP.TCollection import TCollection_ExtendedString
    from OCP.TDF import TDF_LabelSequence
    from OCP.TDocStd import TDocStd_Document
    from OCP.XCAFApp import XCAFApp_Application
    from OCP.XCAFDoc import XCAFDoc_DocumentTool, XCAFDoc_ShapeTool

    document = TDocStd_Document(TCollection_ExtendedString("MDTV-XCAF"))
    XCAFApp_Application.GetApplication_s().InitDocument(document)
    XCAFDoc_DocumentTool.SetLengthUnit_s(document, 0.001)
    reader = STEPCAFControl_Reader()
    reader.SetColorMode(True)
    reader.SetNameMode(True)
    reader.ReadFile(str(source))
    reader.Transfer(document)
    labels = TDF_LabelSequence()
    XCAFDoc_DocumentTool.ShapeTool_s(document.Main()).GetShapes(labels)
    for index in range(1, labels.Length() + 1):
        if XCAFDoc_ShapeTool.IsSimpleShape_s(labels.Value(index)):
            shape = XCAFDoc_ShapeTool.GetShape_s(labels.Value(index))
            box = Bnd_Box()
            BRepBndLib.Add_s(shape, box)
            BRepMesh_IncrementalMesh(shape, TOLERANCE * box.SquareExtent() ** 0.5, False,
                                     ANGULAR_DEFLECTION, False)
    return document


def write_gltf(source: Path, output: Path) -> None:
    """OpenCascade's own STEP -> GLB: read, tessellate, and RWGltf_CafWriter."""
    from OCP.Message import Message_ProgressRange
    from OCP.RWGltf import RWGltf_CafWriter
    from OCP.TCollection import TCollection_AsciiString
    from OCP.TColStd import TColStd_IndexedDataMapOfStringString

    document = read_and_tessellate(source)
    writer = RWGltf_CafWriter(TCollection_AsciiString(str(output)), True)
    writer.Perform(document, TColStd_IndexedDataMapOfStringString(), Message_ProgressRange())


def run(parts: int, repeat: int, folder: Path) -> dict[str, Any]:
    source = folder / "rack.step"
    write_assembly(source, parts)
    script = str(Path(__file__).resolve())
    tools = {"atelier": atelier_ingest(source, folder / "atelier.glb"),
             "opencascade read + tessellate": [sys.executable, script, "--tessellate",
                                               str(source)],
             "opencascade + RWGltf_CafWriter": [sys.executable, script, "--gltf", str(source),
                                                str(folder / "occt.glb")]}
    runs = alternated(tools, repeat)
    glb = (folder / "atelier.glb").read_bytes()
    document = json.loads(glb[20:20 + int.from_bytes(glb[12:16], "little")])
    triangles = sum(document["accessors"][p["indices"]]["count"] // 3
                    for mesh in document["meshes"] for p in mesh["primitives"])
    return {
        "machine": machine(),
        "source": {"parts": parts, "step_mib": source.stat().st_size / 2**20,
                   "glb_nodes": len(document["nodes"]), "glb_triangles": triangles,
                   "glb_mib": len(glb) / 2**20,
                   "occt_glb_mib": (folder / "occt.glb").stat().st_size / 2**20},
        "repeat": repeat,
        "tools": per_tool(runs, FIGURES),
    }


def table(report: dict[str, Any]) -> str:
    tools = report["tools"]
    alone = tools["opencascade read + tessellate"]
    lines = ["| tool | time | CPU time | CPU vs read + tessellate | peak memory |",
             "|---|---|---|---|---|"]
    for name, row in tools.items():
        lines.append(f"| {name} | {row['seconds']:.2f} s | {row['cpu_seconds']:.2f} s | "
                     f"{row['cpu_seconds'] / alone['cpu_seconds']:.2f}x | "
                     f"{row['mib']:.0f} MiB |")
    source = report["source"]
    lines.append(f"STEP {source['step_mib']:.1f} MiB, {source['parts']:,} parts; GLB "
                 f"{source['glb_triangles']:,} triangles, {source['glb_mib']:.1f} MiB "
                 f"(OpenCascade's {source['occt_glb_mib']:.1f} MiB)")
    return "\n".join(lines)


def main() -> None:
    if sys.argv[1:2] == ["--tessellate"]:
        read_and_tessellate(Path(sys.argv[2]))
        return
    if sys.argv[1:2] == ["--gltf"]:
        write_gltf(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--parts", type=int, default=300, help="distinct parts (tori)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of alternated runs")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        report = run(arguments.parts, arguments.repeat, Path(scratch))
    print(table(report))
    write_results("cad_ingest", report)


if __name__ == "__main__":
    main()
