"""Judge GLB and glTF files with Khronos's glTF-Validator (npm `gltf-validator`) via Node."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("gltf_validate.cjs")


def khronos_reports(*paths: Path) -> list[dict]:
    """Return the validator's full JSON report for each path, in order."""
    completed = subprocess.run(
        ["node", str(SCRIPT), *map(str, paths)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=True,
    )
    return [json.loads(line) for line in completed.stdout.splitlines() if line.strip()]


def khronos_report(path: Path) -> dict:
    return khronos_reports(path)[0]


def khronos_errors(path: Path) -> list[dict]:
    """The error-severity messages (severity 0) Khronos's validator finds in `path`."""
    report = khronos_report(path)
    return [m for m in report["issues"]["messages"] if m["severity"] == 0]


def khronos_bytes_errors(data: bytes, tmp_path: Path, name: str = "asset.glb") -> list[dict]:
    path = tmp_path / name
    path.write_bytes(data)
    return khronos_errors(path)
