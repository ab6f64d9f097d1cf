"""Benchmark conversion on a generated 1M-triangle OBJ: ingest next to obj2gltf, then our presets.

    .venv/bin/python bench/convert.py [--cells 707] [--target 100000]

1. OBJ -> GLB with `obj2gltf` (node_modules/.bin) and with our ingest path
   (`app.geometry.ingest.ingest_path`), on the same file in the same run;
2. SIMPLIFY of the normalised GLB to `--target` triangles;
3. GLB size with no optimisation and after COMPRESS (meshopt with and without quantisation,
   Draco);
4. the normalised GLB written as every output format.

Prints a table and writes bench/results/convert.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from app.geometry.convert import OptimizeOptions, OptimizePreset, OutputFormat, convert_glb
from app.geometry.gltf_io import load_asset
from app.geometry.ingest import ingest_path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "convert.json"
OBJ2GLTF = ROOT / "node_modules" / ".bin" / "obj2gltf"


def write_grid_obj(path: Path, cells: int) -> int:
    """A displaced grid of 2 * cells**2 triangles with UVs and normals; returns the count."""
    u, v = np.meshgrid(np.linspace(0, 1, cells + 1), np.linspace(0, 1, cells + 1))
    height = 0.05 * np.sin(12 * u) * np.cos(9 * v)
    positions = np.column_stack([u.ravel() * 10, height.ravel(), v.ravel() * 10])
    normals = np.column_stack([-0.6 * np.cos(12 * u).ravel() * np.cos(9 * v).ravel(),
                               np.ones(u.size),
                               0.45 * np.sin(12 * u).ravel() * np.sin(9 * v).ravel()])
    normals /= np.linalg.norm(normals, axis=1, keepdims=True)
    index = np.arange((cells + 1) ** 2).reshape(cells + 1, cells + 1) + 1
    a, b = index[:-1, :-1].ravel(), index[:-1, 1:].ravel()
    c, d = index[1:, :-1].ravel(), index[1:, 1:].ravel()
    faces = np.concatenate([np.column_stack([a, c, d]), np.column_stack([a, d, b])])
    with path.open("w") as stream:
        stream.write(("v %.6f %.6f %.6f\n" * len(positions)) % tuple(positions.ravel()))
        stream.write(("vt %.6f %.6f\n" * u.size) % tuple(np.column_stack([u.ravel(),
                                                                            v.ravel()]).ravel()))
        stream.write(("vn %.5f %.5f %.5f\n" * len(normals)) % tuple(normals.ravel()))
        corners = np.repeat(faces, 3, axis=1)  # v/vt/vn share one number per corner
        stream.write(("f %d/%d/%d %d/%d/%d %d/%d/%d\n" * len(faces)) % tuple(corners.ravel()))
    return len(faces)


def glb_triangles(path: Path) -> int:
    """Triangles a GLB's meshes hold, read from its index accessors."""
    asset = load_asset(path.read_bytes())
    accessors = asset.section("accessors")
    return sum(accessors[p["indices"]]["count"] // 3 for mesh in asset.section("meshes")
               for p in mesh["primitives"])


def timed(action: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def obj_side_by_side(obj: Path, folder: Path) -> list[dict[str, Any]]:
    """The same OBJ through obj2gltf (node) and through Atelier's `ingest_path`, in that
    order; Atelier's GLB is left at `folder`/ingest.glb."""
    rows = []
    for label, output, convert in (
        ("obj2gltf 3.2 (node)", folder / "obj2gltf.glb",
         lambda out: subprocess.run([str(OBJ2GLTF), "-i", str(obj), "-o", str(out)],
                                    check=True, capture_output=True)),
        ("Atelier ingest_path", folder / "ingest.glb",
         lambda out: ingest_path(obj, obj.name, out)),
    ):
        _, seconds = timed(lambda c=convert, o=output: c(o))  # type: ignore[misc]
        rows.append({"tool": label, "seconds": seconds, "bytes": output.stat().st_size,
                     "triangles": glb_triangles(output)})
    return rows


def run(cells: int, target: int, folder: Path) -> dict[str, Any]:
    obj = folder / "grid.obj"
    triangles, generate_s = timed(lambda: write_grid_obj(obj, cells))
    rows: list[dict[str, Any]] = [
        {"step": f"OBJ -> GLB, {row.pop('tool')}", **row}
        for row in obj_side_by_side(obj, folder)]
    glb = folder / "ingest.glb"
    presets = [
        ("GLB, NONE", OutputFormat.GLB, OptimizeOptions()),
        (f"GLB, SIMPLIFY to {target}", OutputFormat.GLB,
         OptimizeOptions(OptimizePreset.SIMPLIFY, target_triangles=target)),
        ("GLB, COMPRESS meshopt + quantise", OutputFormat.GLB,
         OptimizeOptions(OptimizePreset.COMPRESS)),
        ("GLB, COMPRESS meshopt lossless", OutputFormat.GLB,
         OptimizeOptions(OptimizePreset.COMPRESS, quantize=False)),
        ("GLB, COMPRESS Draco", OutputFormat.GLB,
         OptimizeOptions(OptimizePreset.COMPRESS, compression="DRACO")),
        *[(f"{fmt}, NONE", fmt, OptimizeOptions()) for fmt in OutputFormat
          if fmt is not OutputFormat.GLB],
    ]
    for number, (label, fmt, options) in enumerate(presets):
        result, seconds = timed(lambda f=fmt, o=options, n=number: convert_glb(
            glb, f, o, folder, stem=f"out{n}"))
        rows.append({"step": label, "seconds": seconds, "bytes": result.path.stat().st_size,
                     "triangles": result.triangle_count})
    return {
        "machine": {"platform": platform.platform(), "processor": platform.processor(),
                    "cpus": os.cpu_count(), "python": platform.python_version()},
        "source": {"cells": cells, "triangles": triangles, "obj_bytes": obj.stat().st_size,
                   "generate_seconds": generate_s},
        "rows": rows,
    }


def print_table(report: dict[str, Any]) -> None:
    source = report["source"]
    print(f"source: {source['triangles']:,} triangle OBJ, {source['obj_bytes'] / 2**20:.1f} MiB;"
          f" machine: {report['machine']['cpus']} CPUs, {report['machine']['platform']}")
    print(f"{'step':<38} {'seconds':>8} {'MiB':>8} {'triangles':>10}")
    for row in report["rows"]:
        print(f"{row['step']:<38} {row['seconds']:>8.2f} {row['bytes'] / 2**20:>8.2f} "
              f"{row['triangles']:>10,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=707, help="grid cells per side")
    parser.add_argument("--target", type=int, default=100_000, help="SIMPLIFY target")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        report = run(arguments.cells, arguments.target, Path(scratch))
    print_table(report)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2))
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
