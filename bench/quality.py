"""Benchmark the mesh-quality step of ingest on a 1M-triangle model: its CPU time against the
whole of `ingest_path` (which it is part of), and its peak memory (numpy's, by tracemalloc).

    .venv/bin/python -m bench.quality [--cells 707] [--repeats 3]

The model is bench/convert.py's displaced grid (2 * cells**2 triangles, with UVs), ingested
from OBJ and from the GLB that ingest makes of it. Prints a table and writes
bench/results/quality.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from app.geometry.gltf_io import load_asset
from app.geometry.ingest import ingest_path
from app.geometry.quality import assess_quality
from app.geometry.stats import compute_stats
from bench.convert import write_grid_obj

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "quality.json"


def measure(source: Path, folder: Path, repeats: int) -> dict[str, Any]:
    output = folder / f"{source.stem}-out.glb"
    ingest = min(_cpu_seconds(lambda: ingest_path(source, source.name, output))
                 for _ in range(repeats))
    asset = load_asset(output.read_bytes())
    stats = compute_stats(asset)
    quality = min(_cpu_seconds(lambda: assess_quality(asset, stats)) for _ in range(repeats))
    tracemalloc.start()
    assess_quality(asset, stats)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"source": source.suffix[1:].upper(), "triangles": stats.triangle_count,
            "ingest_s": ingest, "quality_s": quality, "share": quality / ingest,
            "quality_peak_mib": peak / 2**20}


def _cpu_seconds(work: Any) -> float:
    """CPU time, which other work on a shared machine disturbs far less than wall time."""
    started = time.process_time()
    work()
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=707)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="atelier-bench-quality-") as work:
        folder = Path(work)
        obj = folder / "grid.obj"
        write_grid_obj(obj, args.cells)
        rows = [measure(obj, folder, args.repeats)]
        glb = folder / "grid.glb"
        glb.write_bytes((folder / "grid-out.glb").read_bytes())
        rows.append(measure(glb, folder, args.repeats))
    print(f"{'source':<8}{'triangles':>11}{'ingest s':>10}{'quality s':>11}{'share':>8}"
          f"{'peak MiB':>10}   (CPU seconds, best of {args.repeats})")
    for row in rows:
        print(f"{row['source']:<8}{row['triangles']:>11,}{row['ingest_s']:>10.2f}"
              f"{row['quality_s']:>11.2f}{row['share']:>8.1%}{row['quality_peak_mib']:>10.0f}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"machine": {"cpus": os.cpu_count(),
                                               "python": platform.python_version()},
                                   "rows": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()
