"""Benchmark ingest: stats and validation of a ~100 MB GLB, and OBJ -> GLB of a 1M-triangle
OBJ side by side with obj2gltf on the same file in the same run.

    .venv/bin/python -m bench.ingest [--megabytes 100] [--repeats 3] [--cells 707]

The GLB and the OBJ are the generated grids of bench/stats_speed.py and bench/convert.py,
measured with their code (`measure`; `write_grid_obj`, `glb_triangles`), so the three
benchmarks agree. Prints a table and writes bench/results/ingest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import tempfile
from pathlib import Path
from typing import Any

from bench.convert import obj_side_by_side, write_grid_obj
from bench.stats_speed import grid_glb, measure

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "ingest.json"


def stats_and_validation(megabytes: float, repeats: int) -> dict[str, Any]:
    data, triangles = grid_glb(megabytes)
    phases = measure(data, repeats)
    return {"glb_bytes": len(data), "triangles": triangles, "repeats": repeats,
            "best": {name: {kind: min(times[kind]) for kind in times}
                     for name, times in phases.items()},
            "median_total_wall_s": statistics.median(phases["total"]["wall_s"])}


def obj_to_glb(cells: int, folder: Path) -> dict[str, Any]:
    """A generated OBJ through obj2gltf and through Atelier's ingest, side by side."""
    obj = folder / "grid.obj"
    triangles = write_grid_obj(obj, cells)
    return {"obj_bytes": obj.stat().st_size, "triangles": triangles,
            "rows": obj_side_by_side(obj, folder)}


def print_table(report: dict[str, Any]) -> None:
    glb = report["stats_and_validation"]
    print(f"GLB {glb['glb_bytes'] / 1e6:.1f} MB, {glb['triangles']:,} triangles, best of "
          f"{glb['repeats']}:")
    print(f"  {'phase':<10}{'wall s':>9}{'cpu s':>9}")
    for name, best in glb["best"].items():
        print(f"  {name:<10}{best['wall_s']:>9.3f}{best['cpu_s']:>9.3f}")
    obj = report["obj_to_glb"]
    print(f"OBJ {obj['obj_bytes'] / 2**20:.1f} MiB, {obj['triangles']:,} triangles -> GLB:")
    print(f"  {'tool':<22}{'seconds':>9}{'MiB':>8}{'triangles':>11}")
    for row in obj["rows"]:
        print(f"  {row['tool']:<22}{row['seconds']:>9.2f}{row['bytes'] / 2**20:>8.2f}"
              f"{row['triangles']:>11,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=100.0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--cells", type=int, default=707, help="OBJ grid cells per side")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        report = {
            "machine": {"platform": platform.platform(), "cpus": os.cpu_count(),
                        "python": platform.python_version()},
            "stats_and_validation": stats_and_validation(args.megabytes, args.repeats),
            "obj_to_glb": obj_to_glb(args.cells, Path(scratch)),
        }
    print_table(report)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2))
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
