"""Whole processes timed by GNU time, alternated between tools, and the report they end in.

The ingest benchmarks and bench/peers.py measure every tool the same way: each run a process
of its own under /usr/bin/time, the tools taking turns round by round so that all see the same
load on the machine, medians per tool, and a JSON report under bench/results/.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
# What `timed` measures: wall and CPU (user + system) seconds and peak resident MiB.
FIGURES = ("seconds", "cpu_seconds", "mib")
WALL_AND_MEMORY = ("seconds", "mib")

Runs = dict[str, list[dict[str, float]]]


def atelier_ingest(source: Path, output: Path) -> list[str]:
    """Atelier's ingest of `source` into `output`, in a child that loads only what it needs."""
    return [sys.executable, "-m", "bench.atelier_task", "ingest", str(source), str(output)]


def timed_with_output(command: Sequence[str]) -> tuple[dict[str, float], str]:
    """`FIGURES` of one command run from the repository root, and what it printed."""
    completed = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", *command], cwd=ROOT,
                               capture_output=True, text=True, check=False)
    if completed.returncode:
        raise RuntimeError(f"{list(command[:3])} failed: {completed.stderr[-2000:]}")
    wall, user, system, kib = completed.stderr.strip().splitlines()[-1].split()
    figures = {"seconds": float(wall), "cpu_seconds": float(user) + float(system),
               "mib": int(kib) / 1024}
    return figures, completed.stdout


def timed(command: Sequence[str], keys: Sequence[str] = FIGURES) -> dict[str, float]:
    """The `keys` of `FIGURES` for one command; on a machine shared with other work the CPU
    time is the steadier figure."""
    figures, _ = timed_with_output(command)
    return {key: figures[key] for key in keys}


def alternated(commands: dict[str, list[str]], repeat: int,
               keys: Sequence[str] = FIGURES) -> Runs:
    """`repeat` rounds in which every command runs once, in turn: each tool's timed runs."""
    runs: Runs = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(timed(command, keys))
    return runs


def medians(runs: list[dict[str, float]], keys: Sequence[str]) -> dict[str, float]:
    """The median of each of `keys` over one tool's runs."""
    return {key: statistics.median(run[key] for run in runs) for key in keys}


def per_tool(runs: Runs, keys: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Each tool's medians, and its runs under "runs"."""
    return {name: medians(results, keys) | {"runs": results} for name, results in runs.items()}


def machine() -> dict[str, Any]:
    """What the figures were measured on, with the load average as it is now."""
    return {"platform": platform.platform(), "cpus": os.cpu_count(),
            "python": platform.python_version(), "load_average": os.getloadavg()}


def write_results(name: str, report: dict[str, Any]) -> Path:
    """Write `report` as bench/results/`name`.json and say so, with the machine's load."""
    path = RESULTS / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2))
    print(f"load average {report['machine']['load_average']}; wrote {path.relative_to(ROOT)}")
    return path
