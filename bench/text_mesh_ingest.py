"""Benchmark the flat readers of ASCII STL, OFF and ASCII PLY against trimesh's loaders.

    .venv/bin/python bench/text_mesh_ingest.py [--cells 707] [--repeat 3]

Writes the displaced grid of bench/convert.py (2 * cells**2 triangles) as an ASCII STL, an
OFF and an ASCII PLY, then reads each into a trimesh scene both ways, each read a process of
its own under /usr/bin/time (as bench/timed_runs.py measures), alternated for `--repeat` rounds:
`flat` is `app.geometry.text_meshes.text_mesh_scene`, what ingest now runs; `trimesh` is
`trimesh.load_scene` alone, what it ran before. The time is the read's own, from the file's
bytes in memory to the scene; the peak memory is the process's (imports, about 120 MiB, and
the bytes included). Prints medians and writes bench/results/text_mesh_ingest.json.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, TextIO

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.timed_runs import machine, medians, timed_with_output, write_results  # noqa: E402

MIB = 1024 * 1024
FORMATS = {"STL": "stl", "OFF": "off", "PLY": "ply"}
READERS = ("flat", "trimesh")
ROWS_PER_WRITE = 100_000  # the generator's own memory stays small


def grid(cells: int) -> tuple[np.ndarray, np.ndarray]:
    """bench/convert.py's displaced grid: positions and zero-based triangles."""
    u, v = np.meshgrid(np.linspace(0, 1, cells + 1), np.linspace(0, 1, cells + 1))
    height = 0.05 * np.sin(12 * u) * np.cos(9 * v)
    positions = np.column_stack([u.ravel() * 10, height.ravel(), v.ravel() * 10])
    index = np.arange((cells + 1) ** 2).reshape(cells + 1, cells + 1)
    a, b = index[:-1, :-1].ravel(), index[:-1, 1:].ravel()
    c, d = index[1:, :-1].ravel(), index[1:, 1:].ravel()
    faces = np.concatenate([np.column_stack([a, c, d]), np.column_stack([a, d, b])])
    return positions, faces


def write_rows(stream: TextIO, pattern: str, values: np.ndarray) -> None:
    for start in range(0, len(values), ROWS_PER_WRITE):
        chunk = values[start:start + ROWS_PER_WRITE]
        stream.write((pattern * len(chunk)) % tuple(chunk.ravel()))


def write_sources(folder: Path, cells: int) -> dict[str, Path]:
    positions, faces = grid(cells)
    paths = {name: folder / f"grid.{suffix}" for name, suffix in FORMATS.items()}
    corners = positions[faces]
    normals = np.cross(corners[:, 1] - corners[:, 0], corners[:, 2] - corners[:, 0])
    normals /= np.linalg.norm(normals, axis=1, keepdims=True)
    with paths["STL"].open("w") as stream:
        stream.write("solid grid\n")
        write_rows(stream, " facet normal %.6e %.6e %.6e\n  outer loop\n"
                   "   vertex %.6e %.6e %.6e\n   vertex %.6e %.6e %.6e\n"
                   "   vertex %.6e %.6e %.6e\n  endloop\n endfacet\n",
                   np.hstack([normals, corners.reshape(len(faces), 9)]))
        stream.write("endsolid grid\n")
    with paths["OFF"].open("w") as stream:
        stream.write(f"OFF\n{len(positions)} {len(faces)} 0\n")
        write_rows(stream, "%.6f %.6f %.6f\n", positions)
        write_rows(stream, "3 %d %d %d\n", faces)
    with paths["PLY"].open("w") as stream:
        stream.write(f"ply\nformat ascii 1.0\nelement vertex {len(positions)}\n"
                     "property float x\nproperty float y\nproperty float z\n"
                     f"element face {len(faces)}\nproperty list uchar int vertex_indices\n"
                     "end_header\n")
        write_rows(stream, "%.6f %.6f %.6f\n", positions)
        write_rows(stream, "3 %d %d %d\n", faces)
    return paths


def read_once(reader: str, source_format: str, path: Path) -> float:
    """One read, in this process (the command /usr/bin/time measures); its seconds, the
    file's bytes in memory to the scene."""
    import trimesh

    from app.geometry.formats import SourceFormat
    from app.geometry.text_meshes import text_mesh_scene

    data = path.read_bytes()
    started = time.perf_counter()
    if reader == "flat":
        scene = text_mesh_scene(data, SourceFormat(source_format))
    else:
        scene = trimesh.load_scene(io.BytesIO(data), file_type=FORMATS[source_format],
                                   process=False)
    if scene is None or not sum(len(m.faces) for m in scene.geometry.values()):
        raise SystemExit(f"{reader} read no triangles from {path}")
    return time.perf_counter() - started


def measured_read(reader: str, source_format: str, path: Path) -> dict[str, float]:
    """The read's own seconds, and the process's wall seconds and peak resident MiB (GNU
    time), imports included: both readers import the same trimesh and numpy."""
    process, output = timed_with_output([sys.executable, str(Path(__file__)), "--read",
                                         reader, source_format, str(path)])
    return {"seconds": float(output.strip().splitlines()[-1]),
            "process_seconds": process["seconds"], "mib": process["mib"]}


def run(cells: int, repeat: int, folder: Path) -> dict[str, Any]:
    paths = write_sources(folder, cells)
    results: dict[str, Any] = {}
    for name, path in paths.items():
        runs: dict[str, list[dict[str, float]]] = {reader: [] for reader in READERS}
        for _ in range(repeat):
            for reader in READERS:
                runs[reader].append(measured_read(reader, name, path))
        results[name] = {"mib_on_disk": path.stat().st_size / MIB} | {
            reader: medians(rows, ("seconds", "process_seconds", "mib")) | {"runs": rows}
            for reader, rows in runs.items()}
    return {
        "machine": machine(),
        "source": {"cells": cells, "triangles": 2 * cells * cells},
        "repeat": repeat,
        "formats": results,
    }


def table(report: dict[str, Any]) -> str:
    lines = ["| format | file | flat time | trimesh time | ratio | flat peak | trimesh peak | "
             "ratio |", "|---|---|---|---|---|---|---|---|"]
    for name, row in report["formats"].items():
        flat, peer = row["flat"], row["trimesh"]
        lines.append(f"| {name} | {row['mib_on_disk']:.0f} MiB | {flat['seconds']:.2f} s | "
                     f"{peer['seconds']:.2f} s | {flat['seconds'] / peer['seconds']:.2f}x | "
                     f"{flat['mib']:.0f} MiB | {peer['mib']:.0f} MiB | "
                     f"{flat['mib'] / peer['mib']:.2f}x |")
    lines.append(f"{report['source']['triangles']:,} triangles, medians of "
                 f"{report['repeat']} runs")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=707, help="grid cells per side")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of alternated runs")
    parser.add_argument("--read", nargs=3, metavar=("READER", "FORMAT", "PATH"),
                        help=argparse.SUPPRESS)  # one measured read, run by the bench itself
    arguments = parser.parse_args()
    if arguments.read:
        reader, source_format, path = arguments.read
        print(read_once(reader, source_format, Path(path)))
        return
    with tempfile.TemporaryDirectory() as scratch:
        report = run(arguments.cells, arguments.repeat, Path(scratch))
    print(table(report))
    write_results("text_mesh_ingest", report)


if __name__ == "__main__":
    main()
