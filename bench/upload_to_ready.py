"""Benchmark the whole ingest job, upload to READY on the real stack, against obj2gltf alone.

    .venv/bin/python -m bench.upload_to_ready [--cells 806] [--repeat 3]

Writes the displaced grid of bench/convert.py (2 * cells**2 triangles, UVs and normals; the
default is 1,299,272) as an OBJ, starts SecantusDB, redis-server, `atelier api` and one
`atelier worker` on the filesystem store as bench/render.py does, then in alternation, `--repeat`
rounds: uploads the OBJ by GraphQL multipart (`assetUpload`) and follows it to READY over
`assetReady`, and runs obj2gltf on the same file under `/usr/bin/time` as bench/peers.py does.
Each round's upload ends with a comment line of its own, so the bytes differ and the upload is
ingested rather than answered with the asset of a previous round.

The per-stage breakdown is when each of the job's stage events arrived over `jobProgress`
(client clock, after the upload started): upload is the multipart request, queue wait runs to
the claim (stage `download`), and each later stage runs until the next event arrives; the
last, `thumbnail`, runs until `assetReady` says READY. Prints medians and writes
bench/results/upload_to_ready.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.convert import write_grid_obj
from bench.peers import BIN, measured
from bench.render import BENCH_TOKEN, running_stack
from tests.support.client import ASSET_READY, JOB_PROGRESS, Api

RESULTS = Path(__file__).resolve().parent / "results" / "upload_to_ready.json"
# The job's stages in the order it enters them, with what each one's time covers.
STAGES = {
    "upload": "multipart assetUpload request, bytes streamed to storage",
    "queue": "upload answered until a worker claims the job",
    "download": "original copied from storage, sandboxed child started",
    "detect": "format detected in the child",
    "parse": "OBJ parsed and written as GLB bytes",
    "analyse": "GLB loaded, validated, stats and limits, source facts",
    "write": "checked GLB written to the job's folder",
    "quality": "quality report in the child, the thumbnail drawn meanwhile; summary sent back",
    "store": "GLB put into storage",
    "thumbnail": "thumbnail finished and stored, READY written and published",
}
FAILED = ("FAILED", "CANCELLED")


async def upload_to_ready(api: Api, data: bytes, filename: str) -> dict[str, float]:
    """Seconds of each stage of one upload, and `total` from the request to READY seen."""
    async with api.websocket() as subscriptions:
        ready = await subscriptions.start(ASSET_READY, {"id": None})
        started = time.perf_counter()
        uploaded = await api.upload(data, filename)
        answered = time.perf_counter() - started
        asset_id, job_id = uploaded["asset"]["id"], uploaded["job"]["id"]
        progress = await subscriptions.start(JOB_PROGRESS, {"id": job_id, "after": 0})
        seen = {"upload": 0.0, "queue": answered}
        ended = None
        # One reader for both operations: READY usually arrives before the job's SUCCEEDED.
        async with asyncio.timeout(600):
            while ended is None:
                message = json.loads(await subscriptions.ws.recv())
                if message.get("type") != "next":
                    continue
                now = time.perf_counter() - started
                if message["id"] == progress:
                    job = message["payload"]["data"]["jobProgress"]["job"]
                    if job["status"] == "RUNNING":
                        seen.setdefault(job["stage"], now)
                    elif job["status"] in FAILED:
                        raise RuntimeError(f"ingest job {job_id} ended {job['status']}: {job}")
                elif message["id"] == ready:
                    asset = message["payload"]["data"]["assetReady"]["asset"]
                    if asset["id"] == asset_id:
                        if asset["status"] != "READY":
                            raise RuntimeError(f"asset {asset_id} ended {asset['status']}")
                        ended = now
    return {**_durations(seen, ended), "total": ended}


def _durations(seen: dict[str, float], ended: float) -> dict[str, float]:
    """Each stage's time until the next stage's event (or READY), in STAGES' order."""
    order = sorted((at, stage) for stage, at in seen.items() if stage in STAGES)
    ends = [at for at, _ in order[1:]] + [ended]
    return {stage: max(end - at, 0.0) for (at, stage), end in zip(order, ends, strict=True)}


async def run_rounds(url: str, obj: Path, text: bytes, folder: Path, repeat: int
                     ) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    api = Api(url, BENCH_TOKEN)
    peer_command = [str(BIN / "obj2gltf"), "-i", str(obj), "-o", str(folder / "obj2gltf.glb")]
    ours, peer = [], []
    for round_number in range(repeat):
        data = text + f"# round {round_number}\n".encode()
        ours.append(await upload_to_ready(api, data, obj.name))
        peer.append(await asyncio.to_thread(measured, peer_command))
    return ours, peer


def run(cells: int, repeat: int, folder: Path) -> dict[str, Any]:
    obj = folder / "grid.obj"
    triangles = write_grid_obj(obj, cells)
    with running_stack(folder / "stack", worker_poll_seconds=0.02) as url:
        ours, peer = asyncio.run(run_rounds(url, obj, obj.read_bytes(), folder, repeat))
    stages = [stage for stage in [*STAGES, "total"] if all(stage in r for r in ours)]
    medians = {stage: statistics.median(r[stage] for r in ours) for stage in stages}
    peer_seconds = statistics.median(r["seconds"] for r in peer)
    return {
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(),
                    "python": platform.python_version(), "load_average": os.getloadavg()},
        "source": {"cells": cells, "triangles": triangles,
                   "obj_mib": obj.stat().st_size / 2**20},
        "repeat": repeat,
        "medians_s": medians,
        "obj2gltf_s": peer_seconds,
        "ratio": medians["total"] / peer_seconds,
        # Each round's pair saw about the same load, so its ratio swings less than the times.
        "paired_ratio": statistics.median(r["total"] / p["seconds"]
                                          for r, p in zip(ours, peer, strict=True)),
        "rounds": ours,
        "obj2gltf_rounds": peer,
    }


def table(report: dict[str, Any]) -> str:
    total = report["medians_s"]["total"]
    lines = [f"{'stage':<12}{'median s':>10}{'share':>8}  covers"]
    for stage, seconds in report["medians_s"].items():
        covers = STAGES.get(stage, "upload request to READY seen over assetReady")
        lines.append(f"{stage:<12}{seconds:>10.2f}{seconds / total:>8.0%}  {covers}")
    lines.append(f"obj2gltf alone {report['obj2gltf_s']:.2f} s; upload to READY "
                 f"{report['ratio']:.2f}x obj2gltf (goal 0.8x), median of the rounds' "
                 f"ratios {report['paired_ratio']:.2f}x; "
                 f"{report['source']['triangles']:,} triangles, "
                 f"{report['source']['obj_mib']:.0f} MiB OBJ")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=806, help="grid cells per side")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of alternated runs")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="atelier-bench-") as scratch:
        report = run(arguments.cells, arguments.repeat, Path(scratch))
    print(table(report))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2))
    print(f"load average {report['machine']['load_average']}; wrote {RESULTS}")


if __name__ == "__main__":
    main()
