"""Benchmark USD -> GLB on the ingest path against usd-core alone: time and peak memory.

    .venv/bin/python bench/usd_ingest.py [--cells 707] [--repeat 3]

Writes the displaced grid of bench/convert.py as a USDC layer (cells**2 quads, so 2 *
cells**2 triangles once fanned; vertex normals and faceVarying UVs, as DCC exports write
them), then runs in alternation, `--repeat` rounds, each in a process of its own under
/usr/bin/time as bench/timed_runs.py measures: Atelier's ingest (`bench.atelier_task ingest`:
detection, the USD reader, packing, validation, stats, quality); usd-core opening the stage
and reading every mesh's arrays into numpy (`--read`: the library's own part of the work);
and usd-core writing the layer out as USDA (`--usdcat`: what `usdcat -o` does; the usd-core
wheel ships no usdcat). Prints medians and writes bench/results/usd_ingest.json.
"""

from __future__ import annotations

import argparse
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


def write_grid_usdc(path: Path, cells: int) -> int:
    """The displaced grid as one USD mesh of quads; returns its triangle count."""
    from pxr import Sdf, Usd, UsdGeom, Vt

    u, v = np.meshgrid(np.linspace(0, 1, cells + 1), np.linspace(0, 1, cells + 1))
    height = 0.05 * np.sin(12 * u) * np.cos(9 * v)
    points = np.column_stack([u.ravel() * 10, height.ravel(), v.ravel() * 10])
    normals = np.column_stack([-0.6 * np.cos(12 * u).ravel() * np.cos(9 * v).ravel(),
                               np.ones(u.size), 0.45 * np.sin(12 * u).ravel()
                               * np.sin(9 * v).ravel()])
    normals /= np.linalg.norm(normals, axis=1, keepdims=True)
    index = np.arange((cells + 1) ** 2).reshape(cells + 1, cells + 1)
    quads = np.column_stack([index[:-1, :-1].ravel(), index[1:, :-1].ravel(),
                             index[1:, 1:].ravel(), index[:-1, 1:].ravel()]).astype(np.int32)
    uvs = np.column_stack([u.ravel(), v.ravel()])[quads.ravel()]
    stage = Usd.Stage.CreateNew(str(path))
    UsdGeom.SetStageMetersPerUnit(stage, 1.0)
    mesh = UsdGeom.Mesh.Define(stage, "/Grid")
    mesh.CreateSubdivisionSchemeAttr(UsdGeom.Tokens.none)
    mesh.CreatePointsAttr(Vt.Vec3fArray.FromNumpy(points.astype(np.float32)))
    mesh.CreateFaceVertexCountsAttr(Vt.IntArray.FromNumpy(np.full(len(quads), 4, np.int32)))
    mesh.CreateFaceVertexIndicesAttr(Vt.IntArray.FromNumpy(quads.ravel()))
    mesh.CreateNormalsAttr(Vt.Vec3fArray.FromNumpy(normals.astype(np.float32)))
    mesh.SetNormalsInterpolation(UsdGeom.Tokens.vertex)
    UsdGeom.PrimvarsAPI(mesh).CreatePrimvar(
        "st", Sdf.ValueTypeNames.TexCoord2fArray, UsdGeom.Tokens.faceVarying).Set(
        Vt.Vec2fArray.FromNumpy(uvs.astype(np.float32)))
    stage.GetRootLayer().Save()
    return 2 * len(quads)


def read_with_usd_core(source: Path) -> None:
    """usd-core's own part: compose the stage and read every mesh's arrays into numpy."""
    from pxr import Usd, UsdGeom

    stage = Usd.Stage.Open(str(source))
    for prim in Usd.PrimRange.Stage(stage):
        if prim.IsA(UsdGeom.Mesh):  # type: ignore[call-overload]
            mesh = UsdGeom.Mesh(prim)
            for attribute in (mesh.GetPointsAttr(), mesh.GetFaceVertexCountsAttr(),
                              mesh.GetFaceVertexIndicesAttr(), mesh.GetNormalsAttr()):
                np.array(attribute.Get())
            np.array(UsdGeom.PrimvarsAPI(mesh).GetPrimvar("st").ComputeFlattened())


def usdcat(source: Path, output: Path) -> None:
    from pxr import Sdf

    Sdf.Layer.FindOrOpen(str(source)).Export(str(output))


def run(cells: int, repeat: int, folder: Path) -> dict[str, Any]:
    source = folder / "grid.usdc"
    triangles = write_grid_usdc(source, cells)
    script = [sys.executable, str(Path(__file__).resolve())]
    tools = {"atelier": atelier_ingest(source, folder / "atelier.glb"),
             "usd-core read": [*script, "--read", str(source)],
             "usd-core usdcat": [*script, "--usdcat", str(source), str(folder / "grid.usda")]}
    runs = alternated(tools, repeat, WALL_AND_MEMORY)
    return {
        "machine": machine(),
        "source": {"cells": cells, "triangles": triangles,
                   "usdc_mib": source.stat().st_size / 2**20},
        "repeat": repeat,
        "tools": per_tool(runs, WALL_AND_MEMORY),
    }


def table(report: dict[str, Any]) -> str:
    tools = report["tools"]
    read = tools["usd-core read"]
    lines = ["| tool | time | vs usd-core read | peak memory |", "|---|---|---|---|"]
    for name, row in tools.items():
        lines.append(f"| {name} | {row['seconds']:.2f} s | {row['seconds'] / read['seconds']:.2f}x"
                     f" | {row['mib']:.0f} MiB |")
    lines.append(f"USDC {report['source']['usdc_mib']:.0f} MiB, "
                 f"{report['source']['triangles']:,} triangles")
    return "\n".join(lines)


def main() -> None:
    if sys.argv[1:2] == ["--read"]:
        read_with_usd_core(Path(sys.argv[2]))
        return
    if sys.argv[1:2] == ["--usdcat"]:
        usdcat(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--cells", type=int, default=707, help="grid cells per side")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of alternated runs")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        report = run(arguments.cells, arguments.repeat, Path(scratch))
    print(table(report))
    write_results("usd_ingest", report)


if __name__ == "__main__":
    main()
