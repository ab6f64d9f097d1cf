"""Benchmark Atelier's optimisation side by side with gltfpack, glTF-Transform, obj2gltf and assimp.

    .venv/bin/python bench/peers.py [--cells 707] [--repeat 1]

One run builds a displaced grid (2 * cells**2 triangles, UVs and normals) as OBJ, turns it
into the normalised GLB through Atelier's ingest path, and then, for each task, runs
Atelier and each peer on the same file in alternation (`--repeat` pairs), every run in a
process of its own under /usr/bin/time, so wall time and peak memory are measured the same
way for all. The tools are the project's own: npm devDependencies (gltfpack, glTF-Transform,
obj2gltf, gltf-validator) and assimp-utils; gltfpack gets -kv so it keeps the UVs (the
grid has no texture, and gltfpack drops attributes nothing reads). Output quality is
measured against the source: for compression, the largest position distance, normal angle
and UV distance of each output vertex to its source vertex (found by position); for
simplification, the mean and largest height difference of the source grid to the
simplified surface.

Prints a table of Atelier / peer ratios (medians of the paired runs) and writes
bench/results/peers.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import trimesh
from scipy.interpolate import LinearNDInterpolator
from scipy.spatial import cKDTree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.atelier_task import atelier_task  # noqa: E402
from bench.convert import write_grid_obj  # noqa: E402
from bench.timed_runs import (  # noqa: E402
    WALL_AND_MEMORY,
    machine,
    medians,
    timed,
    write_results,
)

BIN = ROOT / "node_modules" / ".bin"
VALIDATE = ROOT / "tests" / "support" / "gltf_validate.cjs"
# Each Atelier run is a child that loads only what the task needs, as a peer's process does.
ATELIER = [sys.executable, "-m", "bench.atelier_task"]

# task: (what Atelier runs, [(peer, command template)], how quality is measured)
TASKS: list[tuple[str, str, list[tuple[str, list[str]]], str]] = [
    ("COMPRESS meshopt + quantise", "meshopt", [
        ("gltfpack -cc -kv", [str(BIN / "gltfpack"), "-cc", "-kv", "-i", "{src}", "-o", "{out}"]),
        ("gltfpack -c -kv", [str(BIN / "gltfpack"), "-c", "-kv", "-i", "{src}", "-o", "{out}"]),
        ("gltf-transform meshopt", [str(BIN / "gltf-transform"), "meshopt", "{src}", "{out}"]),
    ], "compress"),
    ("COMPRESS Draco", "draco", [
        ("gltf-transform draco", [str(BIN / "gltf-transform"), "draco", "{src}", "{out}"]),
    ], "compress"),
    ("SIMPLIFY to 10%", "simplify", [
        ("gltf-transform simplify", [str(BIN / "gltf-transform"), "simplify", "{src}", "{out}",
                                     "--ratio", "0.1", "--error", "1"]),
        ("gltfpack -si 0.1 -noq -kv", [str(BIN / "gltfpack"), "-si", "0.1", "-noq", "-kv",
                                       "-i", "{src}", "-o", "{out}"]),
    ], "simplify"),
    ("OBJ -> GLB (ingest path)", "ingest", [
        ("obj2gltf", [str(BIN / "obj2gltf"), "-i", "{obj}", "-o", "{out}"]),
        ("assimp export", ["assimp", "export", "{obj}", "{out}"]),
    ], "none"),
    ("validate", "validate", [
        ("gltf-validator", ["node", str(VALIDATE), "{src}"]),
    ], "none"),
]


def plain_mesh(path: Path, folder: Path) -> Any:
    """The file's geometry in world space, floats throughout: meshopt and quantised data
    decoded by glTF-Transform (trimesh reads neither)."""
    data = path.read_bytes()
    document = json.loads(data[20:20 + int.from_bytes(data[12:16], "little")])
    if {"EXT_meshopt_compression", "KHR_mesh_quantization"} & set(
            document.get("extensionsUsed", [])):
        decoded = folder / f"{path.stem}.decoded.glb"
        subprocess.run([str(BIN / "gltf-transform"), "dequantize", str(path), str(decoded)],
                       cwd=ROOT, check=True, capture_output=True)
        path = decoded
    return trimesh.load(path, process=False, force="mesh")


def compression_quality(source: Any, output: Any) -> dict[str, float]:
    tree = cKDTree(source.vertices)
    distance, nearest = tree.query(output.vertices)
    normals = np.asarray(output.vertex_normals)
    expected = np.asarray(source.vertex_normals)[nearest]
    cosine = np.einsum("ij,ij->i", normals, expected) / (
        np.linalg.norm(normals, axis=1) * np.linalg.norm(expected, axis=1))
    quality = {"position_max": float(distance.max()),
               "normal_max_degrees": float(np.degrees(np.arccos(np.clip(cosine, -1, 1))).max())}
    uv, source_uv = getattr(output.visual, "uv", None), getattr(source.visual, "uv", None)
    if uv is not None and source_uv is not None:
        quality["uv_max"] = float(np.abs(np.asarray(uv) - np.asarray(source_uv)[nearest]).max())
    return quality


def simplification_quality(source: Any, output: Any) -> dict[str, float]:
    # The grid is a height field over x, z: compare heights where the source has vertices.
    surface = LinearNDInterpolator(output.vertices[:, [0, 2]], output.vertices[:, 1])
    heights = surface(source.vertices[:, [0, 2]])
    difference = np.abs(heights - source.vertices[:, 1])
    difference = difference[np.isfinite(difference)]
    return {"height_mean": float(difference.mean()), "height_max": float(difference.max()),
            "triangles": len(output.faces)}


def run_task(label: str, task: str, peers: list[tuple[str, list[str]]], quality: str,
             paths: dict[str, Path], folder: Path, repeat: int,
             source_mesh: Any) -> list[dict[str, Any]]:
    source = paths["obj" if task == "ingest" else "src"]
    rows = []
    for peer, template in peers:
        runs: dict[str, list[dict[str, float]]] = {"atelier": [], "peer": []}
        outputs = {"atelier": folder / f"{task}.atelier.glb",
                   "peer": folder / f"{task}.{peer.split()[0]}.glb"}
        for _ in range(repeat):  # alternate, so both see the same load on the machine
            runs["atelier"].append(timed([*ATELIER, task, str(source), str(outputs["atelier"])],
                                         WALL_AND_MEMORY))
            fields = {**{k: str(v) for k, v in paths.items()}, "out": str(outputs["peer"])}
            runs["peer"].append(timed([part.format(**fields) for part in template],
                                      WALL_AND_MEMORY))
        row: dict[str, Any] = {"task": label, "against": peer}
        for side in ("atelier", "peer"):
            row[side] = medians(runs[side], WALL_AND_MEMORY)
            if task != "validate":
                row[side]["bytes"] = outputs[side].stat().st_size
            if quality != "none":
                mesh = plain_mesh(outputs[side], folder)
                measure = compression_quality if quality == "compress" else simplification_quality
                row[side]["quality"] = measure(source_mesh, mesh)
        report = folder / f"{task}.atelier.report.json"
        if report.exists():
            row["atelier"]["report"] = json.loads(report.read_text())
        rows.append(row)
        print(format_row(row), flush=True)
    return rows


def ratio(row: dict[str, Any], key: str) -> str:
    ours, theirs = row["atelier"].get(key), row["peer"].get(key)
    return f"{ours / theirs:.2f}x" if ours and theirs else ""


def format_row(row: dict[str, Any]) -> str:
    quality = ""
    ours, theirs = row["atelier"].get("quality"), row["peer"].get("quality")
    if ours and theirs:
        key = "position_max" if "position_max" in ours else "height_mean"
        quality = f"{key} {ours[key]:.2e} vs {theirs[key]:.2e}"
    return (f"| {row['task']} vs `{row['against']}` | {ratio(row, 'seconds')} | "
            f"{ratio(row, 'bytes')} | {quality} | "
            f"{row['atelier']['mib']:.0f} vs {row['peer']['mib']:.0f} MiB |")


def run(cells: int, repeat: int, folder: Path) -> dict[str, Any]:
    obj = folder / "grid.obj"
    triangles = write_grid_obj(obj, cells)
    glb = folder / "grid.glb"
    atelier_task("ingest", obj, glb)
    source_mesh = trimesh.load(glb, process=False, force="mesh")
    paths = {"obj": obj, "src": glb}
    print("| task | time | bytes | quality (Atelier vs peer) | memory |\n|---|---|---|---|---|")
    rows = [row for label, task, peers, quality in TASKS
            for row in run_task(label, task, peers, quality, paths, folder, repeat, source_mesh)]
    return {
        "machine": machine(),
        "source": {"cells": cells, "triangles": triangles, "glb_bytes": glb.stat().st_size,
                   "obj_bytes": obj.stat().st_size},
        "repeat": repeat,
        "rows": rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=707, help="grid cells per side")
    parser.add_argument("--repeat", type=int, default=1, help="paired runs per row")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        report = run(arguments.cells, arguments.repeat, Path(scratch))
    write_results("peers", report)


if __name__ == "__main__":
    main()
