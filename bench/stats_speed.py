"""Benchmark stats and validation of a generated ~100 MB GLB: load, compute_stats, validate_glb.

    .venv/bin/python bench/stats_speed.py [--megabytes 100] [--repeats 5] [--khronos]

The GLB is a displaced grid (positions, normals, UVs, uint32 indices) of about `--megabytes`.
Each phase is timed `--repeats` times, as wall-clock and as this process's CPU time (the
machine is shared, so CPU time is the steadier figure). `--khronos` also times Khronos's
glTF-Validator (npm) on the same file. Prints a table and writes bench/results/stats_speed.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from app.geometry.gltf_io import build_glb, load_asset
from app.geometry.stats import compute_stats
from app.geometry.validation import validate_glb

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "stats_speed.json"
BYTES_PER_GRID_POINT = 32 + 2 * 12  # position, normal, UV; two uint32 triangles per point


def grid_glb(megabytes: float) -> tuple[bytes, int]:
    """A GLB of a displaced grid of about `megabytes`; returns it and its triangle count."""
    side = int((megabytes * 1e6 / BYTES_PER_GRID_POINT) ** 0.5)
    u, v = np.meshgrid(np.linspace(0, 1, side, dtype=np.float32),
                       np.linspace(0, 1, side, dtype=np.float32))
    height = 0.05 * np.sin(12 * u) * np.cos(9 * v)
    positions = np.stack([u, v, height], axis=-1).reshape(-1, 3).astype(np.float32)
    slope_u, slope_v = np.gradient(height, 1 / (side - 1))
    normals = np.stack([-slope_u.T, -slope_v.T, np.ones_like(height)], axis=-1).reshape(-1, 3)
    normals = (normals / np.linalg.norm(normals, axis=1, keepdims=True)).astype(np.float32)
    uvs = np.stack([u, v], axis=-1).reshape(-1, 2).astype(np.float32)
    grid = np.arange(side * side, dtype=np.uint32).reshape(side, side)
    a, b, c, d = grid[:-1, :-1], grid[:-1, 1:], grid[1:, :-1], grid[1:, 1:]
    faces = np.concatenate([np.stack([a, b, d], -1), np.stack([a, d, c], -1)]).reshape(-1, 3)
    arrays = [positions, normals, uvs, faces.astype(np.uint32)]
    views, offset = [], 0
    for array, target in zip(arrays, (34962, 34962, 34962, 34963), strict=True):
        views.append({"buffer": 0, "byteOffset": offset, "byteLength": array.nbytes,
                      "target": target})
        offset += array.nbytes
    document = {
        "asset": {"version": "2.0", "generator": "bench/stats_speed.py"},
        "buffers": [{"byteLength": offset}],
        "bufferViews": views,
        "accessors": [
            {"bufferView": 0, "componentType": 5126, "count": len(positions), "type": "VEC3",
             "min": positions.min(axis=0).tolist(), "max": positions.max(axis=0).tolist()},
            {"bufferView": 1, "componentType": 5126, "count": len(normals), "type": "VEC3"},
            {"bufferView": 2, "componentType": 5126, "count": len(uvs), "type": "VEC2"},
            {"bufferView": 3, "componentType": 5125, "count": faces.size, "type": "SCALAR"},
        ],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0, "NORMAL": 1, "TEXCOORD_0": 2},
                                    "indices": 3}]}],
        "nodes": [{"mesh": 0}],
        "scenes": [{"nodes": [0]}],
        "scene": 0,
    }
    return build_glb(document, b"".join(a.tobytes() for a in arrays)), len(faces)


def timed(action: Callable[[], Any]) -> tuple[Any, float, float]:
    """The action's result, its wall-clock seconds and this process's CPU seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def measure(data: bytes, repeats: int) -> dict[str, dict[str, list[float]]]:
    phases: dict[str, dict[str, list[float]]] = {
        name: {"wall_s": [], "cpu_s": []} for name in ("load", "stats", "validate", "total")}
    for _ in range(repeats):
        asset, load_wall, load_cpu = timed(lambda: load_asset(data))
        _, stats_wall, stats_cpu = timed(lambda: compute_stats(asset))  # noqa: B023
        report, validate_wall, validate_cpu = timed(lambda: validate_glb(asset))  # noqa: B023
        if report.num_errors:
            raise SystemExit(f"the generated GLB should be valid: {report.to_dict()}")
        for name, wall, cpu in (("load", load_wall, load_cpu), ("stats", stats_wall, stats_cpu),
                                ("validate", validate_wall, validate_cpu),
                                ("total", load_wall + stats_wall + validate_wall,
                                 load_cpu + stats_cpu + validate_cpu)):
            phases[name]["wall_s"].append(wall)
            phases[name]["cpu_s"].append(cpu)
    return phases


def khronos_seconds(data: bytes) -> float:
    """Wall-clock seconds of Khronos's glTF-Validator (npm) on the same file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "grid.glb"
        path.write_bytes(data)
        start = time.perf_counter()
        subprocess.run(["node", str(ROOT / "tests" / "support" / "gltf_validate.cjs"), str(path)],
                       cwd=ROOT, check=True, capture_output=True)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=100.0)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--khronos", action="store_true", help="also time Khronos's validator")
    args = parser.parse_args()
    data, triangles = grid_glb(args.megabytes)
    phases = measure(data, args.repeats)
    print(f"GLB: {len(data) / 1e6:.1f} MB, {triangles:,} triangles, {args.repeats} runs")
    print(f"{'phase':<10}{'best wall s':>13}{'median wall s':>15}{'best cpu s':>12}")
    for name, times in phases.items():
        print(f"{name:<10}{min(times['wall_s']):>13.3f}{statistics.median(times['wall_s']):>15.3f}"
              f"{min(times['cpu_s']):>12.3f}")
    result: dict[str, Any] = {
        "glb_bytes": len(data), "triangles": triangles, "repeats": args.repeats,
        "machine": platform.platform(), "python": platform.python_version(), "phases": phases,
        "best_total_wall_s": min(phases["total"]["wall_s"]),
        "best_total_cpu_s": min(phases["total"]["cpu_s"]),
    }
    if args.khronos:
        khronos = result["khronos_validator_wall_s"] = khronos_seconds(data)
        print(f"Khronos glTF-Validator on the same file: {khronos:.2f} s")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2))
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
