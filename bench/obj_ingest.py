"""Benchmark OBJ -> GLB on the ingest path against obj2gltf: time and peak memory.

    .venv/bin/python bench/obj_ingest.py [--cells 707] [--repeat 3] [--baseline TREE]

Writes the displaced grid of bench/peers.py (2 * cells**2 triangles, UVs and normals) as an
OBJ, then runs Atelier's ingest (`bench.atelier_task ingest`, a process of its own) and
obj2gltf on it in alternation, `--repeat` rounds, every run under /usr/bin/time, as
bench/timed_runs.py measures. `--baseline` names another checkout of Atelier (an older commit,
say) whose ingest is run in the same rounds, so a before/after pair sees the same machine
load. Prints medians and writes bench/results/obj_ingest.json, with issue 18's budget: peak
memory within 1.5x the output GLB plus the input.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.convert import write_grid_obj  # noqa: E402
from bench.peers import BIN  # noqa: E402
from bench.timed_runs import (  # noqa: E402
    WALL_AND_MEMORY,
    alternated,
    atelier_ingest,
    machine,
    medians,
    write_results,
)

MIB = 1024 * 1024
BUDGET = 1.5


def commands(obj: Path, folder: Path, baseline: Path | None) -> dict[str, list[str]]:
    tools = {"atelier": atelier_ingest(obj, folder / "atelier.glb"),
             "obj2gltf": [str(BIN / "obj2gltf"), "-i", str(obj), "-o",
                          str(folder / "obj2gltf.glb")]}
    if baseline is not None:
        # Run from the other tree's root, so `bench` and `app` are its own.
        tools["baseline"] = ["env", "-C", str(baseline), sys.executable, "-m",
                             "bench.atelier_task", "ingest", str(obj),
                             str(folder / "baseline.glb")]
    return tools


def run(cells: int, repeat: int, baseline: Path | None, folder: Path) -> dict[str, Any]:
    obj = folder / "grid.obj"
    triangles = write_grid_obj(obj, cells)
    tools = commands(obj, folder, baseline)
    runs = alternated(tools, repeat, WALL_AND_MEMORY)
    rows = {name: medians(results, WALL_AND_MEMORY) | {
                "bytes": (folder / f"{name}.glb").stat().st_size, "runs": results}
            for name, results in runs.items()}
    glb_mib = rows["atelier"]["bytes"] / MIB
    obj_mib = obj.stat().st_size / MIB
    return {
        "machine": machine(),
        "source": {"cells": cells, "triangles": triangles, "obj_mib": obj_mib},
        "repeat": repeat,
        "budget_mib": BUDGET * (glb_mib + obj_mib),
        "tools": rows,
    }


def table(report: dict[str, Any]) -> str:
    tools = report["tools"]
    peer = tools["obj2gltf"]
    lines = ["| tool | time | vs obj2gltf | peak memory | vs obj2gltf | GLB bytes |",
             "|---|---|---|---|---|---|"]
    for name, row in tools.items():
        lines.append(f"| {name} | {row['seconds']:.2f} s | {row['seconds'] / peer['seconds']:.2f}x"
                     f" | {row['mib']:.0f} MiB | {row['mib'] / peer['mib']:.2f}x |"
                     f" {row['bytes']:,} |")
    lines.append(f"budget (1.5x (GLB + OBJ)): {report['budget_mib']:.0f} MiB; OBJ "
                 f"{report['source']['obj_mib']:.0f} MiB, {report['source']['triangles']:,} "
                 "triangles")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=707, help="grid cells per side")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of alternated runs")
    parser.add_argument("--baseline", type=Path, help="another Atelier checkout to run too")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        report = run(arguments.cells, arguments.repeat, arguments.baseline, Path(scratch))
    print(table(report))
    write_results("obj_ingest", report)


if __name__ == "__main__":
    main()
