"""Run one Atelier operation in a process of its own, for bench/peers.py to time and measure.

    .venv/bin/python -m bench.atelier_task meshopt|draco|simplify|ingest|validate SOURCE OUTPUT

A COMPRESS task also writes its compression report next to OUTPUT (<stem>.report.json).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def atelier_task(task: str, source: Path, output: Path) -> None:
    # Each branch imports only what its task needs, so memory is the task's, as a peer's is.
    if task == "ingest":
        from app.geometry.ingest import ingest_path

        ingest_path(source, source.name, output)
    elif task == "validate":
        from app.geometry.validation.validate import validate_bytes

        validate_bytes(source.read_bytes())
    else:
        from app.geometry.convert import OptimizeOptions, OptimizePreset, OutputFormat, convert_glb

        presets = {
            "meshopt": OptimizeOptions(OptimizePreset.COMPRESS),
            "draco": OptimizeOptions(OptimizePreset.COMPRESS, compression="DRACO"),
            "simplify": OptimizeOptions(OptimizePreset.SIMPLIFY, ratio=0.1),
        }
        result = convert_glb(source, OutputFormat.GLB, presets[task], output.parent,
                             stem=output.stem)
        if result.compression:
            (output.parent / f"{output.stem}.report.json").write_text(
                json.dumps(result.compression))


if __name__ == "__main__":
    atelier_task(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))
