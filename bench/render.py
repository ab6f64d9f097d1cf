"""Benchmark rendering: the renderer on a warm GL context, then render jobs on the real stack.

    .venv/bin/python -m bench.render [--frames 30] [--size 512] [--samples 4] [--jobs 20]

1. A ~100k-triangle model rendered repeatedly: load (parse + upload), render (draw, MSAA
   resolve, sRGB pass, read back) and encode times (`measure_render`).
2. Job overhead: SecantusDB, redis-server, `atelier api` and `atelier worker` are started as
   the tests start them; `--jobs` renders of the same model are submitted one after another,
   each timed from renderSubmit to SUCCEEDED seen over jobProgress, minus the render time the
   worker measured on its render thread (reported in the job's message). The overhead is broken
   down by the job's own timestamps (same machine, same clock): submit → created (the API's
   checks), created → started (its transaction, the queue, the worker's pickup), started →
   finished less the render (the claim's transaction, fetching the model, storing the image)
   and finished → seen (the success transaction and the event's way to the subscriber).

Writes bench/results/render.json.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import platform
import re
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

import httpx
import numpy as np
import trimesh
from pymongo import MongoClient

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.geometry.render import OrbitCamera, Renderer, RenderOptions, encode_image
from app.models.common import new_id, utcnow
from app.models.job import JobKind, JobStatus
from tests.support.client import ASSET_READY, Api
from tests.support.stack import stack_env, start_api, start_worker

RESULTS = Path(__file__).resolve().parent / "results" / "render.json"
BENCH_TOKEN = "bench-admin-token"
DATABASE = "bench"
WARM_UP_JOBS = 2  # the first creates the worker's renderer and compiles its shaders
RENDER_SUBMIT = """
mutation Render($input: RenderSubmitInput!) { renderSubmit(input: $input) { job { id } } }"""
JOB_TIMELINE = """
subscription Timeline($id: ID!, $after: Int) { jobProgress(jobId: $id, afterSequence: $after) {
  job { status stage message createdAt startedAt finishedAt } } }"""


@dataclass
class RenderMeasurement:
    device: str
    triangles: int
    width: int
    height: int
    samples: int
    image_format: str
    load_s: float
    render_s: list[float]
    encode_s: list[float]
    encoded_bytes: int

    def summary(self) -> dict[str, float]:
        return {
            "load_ms": self.load_s * 1e3,
            "render_p50_ms": _percentile_ms(self.render_s, 50),
            "render_p95_ms": _percentile_ms(self.render_s, 95),
            "encode_p50_ms": _percentile_ms(self.encode_s, 50),
            "encode_p95_ms": _percentile_ms(self.encode_s, 95),
        }


def _percentile_ms(samples: list[float], percentile: float) -> float:
    return float(np.percentile(samples, percentile)) * 1e3


def measure_render(renderer: Renderer, glb: bytes, options: RenderOptions,
                   frames: int) -> RenderMeasurement:
    """Load `glb` once, then render and encode `frames` turntable views after one warm-up."""
    started = time.perf_counter()
    scene = renderer.load(glb)
    load_s = time.perf_counter() - started
    render_s: list[float] = []
    encode_s: list[float] = []
    encoded = b""
    try:
        renderer.render_pixels(scene, OrbitCamera(0.0, 20.0), options)  # compiles draw state
        for frame in range(frames):
            camera = OrbitCamera(360.0 * frame / frames, 20.0)
            started = time.perf_counter()
            pixels = renderer.render_pixels(scene, camera, options)
            rendered = time.perf_counter()
            encoded = encode_image(pixels, options)
            render_s.append(rendered - started)
            encode_s.append(time.perf_counter() - rendered)
        triangles = scene.triangle_count
    finally:
        scene.release()
    return RenderMeasurement(renderer.device, triangles, options.width, options.height,
                             options.samples, options.format, load_s, render_s, encode_s,
                             len(encoded))


def benchmark_model_glb(target_triangles: int = 100_000) -> bytes:
    """A torus of about `target_triangles` smooth-shaded triangles on a flat base, as a GLB."""
    minor_sections = 200
    major_sections = max(target_triangles // (2 * minor_sections), 3)
    torus = trimesh.creation.torus(1.0, 0.35, major_sections=major_sections,
                                   minor_sections=minor_sections)
    base = trimesh.creation.box(extents=(3.2, 0.1, 3.2))
    base.apply_translation((0.0, -1.4, 0.0))
    torus.visual = trimesh.visual.TextureVisuals(
        material=trimesh.visual.material.PBRMaterial(baseColorFactor=(60, 130, 220, 255),
                                                     metallicFactor=0.1, roughnessFactor=0.5))
    scene = trimesh.Scene({"torus": torus, "base": base})
    return scene.export(file_type="glb", include_normals=True)


@dataclass
class JobMeasurement:
    worker_poll_seconds: float
    end_to_end_s: list[float]  # renderSubmit sent → SUCCEEDED received over jobProgress
    worker_render_s: list[float]  # load and render on the worker's render thread
    stage_seen_s: dict[str, list[float]]  # when each stage's event arrived, after submit
    # The job's createdAt, startedAt and finishedAt, after submit (wall clock).
    timeline_s: dict[str, list[float]]

    def summary(self) -> dict[str, float]:
        overhead = [total - render for total, render in zip(self.end_to_end_s,
                                                            self.worker_render_s, strict=True)]
        created, started, finished = (self.timeline_s[name]
                                      for name in ("created", "started", "finished"))
        steps = {
            "submit_to_created": created,
            "created_to_started": [b - a for a, b in zip(created, started, strict=True)],
            "started_to_finished_less_render": [
                b - a - render for a, b, render in zip(started, finished, self.worker_render_s,
                                                       strict=True)],
            "finished_to_seen": [total - b for b, total in zip(finished, self.end_to_end_s,
                                                               strict=True)],
        }
        return {
            **{f"seen_{stage}_p50_ms": _percentile_ms(seen, 50)
               for stage, seen in self.stage_seen_s.items()},
            **{f"{step}_p50_ms": _percentile_ms(seconds, 50) for step, seconds in steps.items()},
            "end_to_end_p50_ms": _percentile_ms(self.end_to_end_s, 50),
            "worker_render_p50_ms": _percentile_ms(self.worker_render_s, 50),
            "overhead_p50_ms": _percentile_ms(overhead, 50),
            "overhead_p95_ms": _percentile_ms(overhead, 95),
            "overhead_max_ms": max(overhead) * 1e3,
        }


def store_history(mongodb_url: str, jobs: int) -> None:
    """`jobs` finished jobs of another owner, as a service in use has stored: what the job
    writes must not scan through."""
    with MongoClient(mongodb_url) as client:
        now = utcnow()
        finished = [{"_id": new_id("job"), "owner": "history", "kind": JobKind.RENDER.value,
                     "status": JobStatus.SUCCEEDED.value, "progress": 1.0, "attempts": 1,
                     "sequence": 3, "created_at": now, "finished_at": now, "params": {},
                     "outputs": []} for _ in range(jobs)]
        for start in range(0, jobs, 500):
            client[DATABASE]["jobs"].insert_many(finished[start:start + 500])


@contextlib.contextmanager
def running_stack(work: Path, worker_poll_seconds: float, history: int = 0) -> Iterator[str]:
    """Database (holding `history` finished jobs), Redis, API and one worker as the tests run
    them; yields the API's URL."""
    database = EmbeddedDatabase(work / "db", log_path=work / "db.log")
    redis = EmbeddedRedis(work / "redis", log_path=work / "redis.log")
    with contextlib.ExitStack() as stack:
        for server in (database, redis):
            server.start()
            stack.callback(server.stop)
        if history:
            store_history(database.url, history)
        env = stack_env(mongodb_url=database.url, redis_url=redis.url,
                        storage_dir=work / "objects", database_name=DATABASE,
                        admin_token=BENCH_TOKEN,
                        extra={"ATELIER_WORKER_POLL_SECONDS": str(worker_poll_seconds)})
        api, url = start_api(env, work / "api.log")
        stack.callback(api.stop)
        stack.callback(start_worker(env, work / "worker.log").stop)
        yield url


async def measure_job_overhead(glb: bytes, options: RenderOptions, jobs: int,
                               worker_poll_seconds: float, history: int = 0) -> JobMeasurement:
    """Time `jobs` renders of `glb` submitted one at a time, after two warm-up renders, with
    `history` finished jobs stored before."""
    measurement = JobMeasurement(worker_poll_seconds, [], [], {},
                                 {"created": [], "started": [], "finished": []})
    variables = {"input": {"width": options.width, "height": options.height,
                           "format": options.format, "samples": options.samples}}
    with tempfile.TemporaryDirectory(prefix="atelier-bench-") as work, running_stack(
            Path(work), worker_poll_seconds, history) as url:
        api = Api(url, BENCH_TOKEN)
        uploaded = await api.upload(glb, "benchmark.glb")
        async with httpx.AsyncClient(base_url=url, headers=api.headers) as http, \
                api.websocket() as subscriptions:
            ready = await subscriptions.start(ASSET_READY, {"id": uploaded["asset"]["id"]})
            await subscriptions.collect(ready)
            variables["input"]["assetId"] = uploaded["asset"]["id"]
            for attempt in range(jobs + WARM_UP_JOBS):
                started, submitted_at = time.perf_counter(), time.time()
                submitted = await http.post("/graphql", json={"query": RENDER_SUBMIT,
                                                              "variables": variables})
                job_id = submitted.json()["data"]["renderSubmit"]["job"]["id"]
                progress = await subscriptions.start(JOB_TIMELINE, {"id": job_id, "after": 0})
                job: dict = {"status": "QUEUED"}
                seen: dict[str, float] = {}
                while job["status"] not in ("SUCCEEDED", "FAILED", "CANCELLED"):
                    job = (await subscriptions.collect(progress, count=1))[0][
                        "jobProgress"]["job"]
                    seen[job["stage"]] = time.perf_counter() - started
                ended = time.perf_counter()
                if job["status"] != "SUCCEEDED":
                    raise RuntimeError(f"render job {job_id} ended {job['status']}: {job}")
                if attempt >= WARM_UP_JOBS:
                    for stage, seconds in seen.items():
                        measurement.stage_seen_s.setdefault(stage, []).append(seconds)
                    measurement.end_to_end_s.append(ended - started)
                    measurement.worker_render_s.append(_worker_render_seconds(job["message"]))
                    for name in ("created", "started", "finished"):
                        at = datetime.fromisoformat(job[f"{name}At"]).timestamp()
                        measurement.timeline_s[name].append(at - submitted_at)
    return measurement


def _worker_render_seconds(message: str) -> float:
    found = re.search(r"rendered in ([0-9.]+) ms", message)
    if found is None:
        raise RuntimeError(f"no render time in the job's message {message!r}")
    return float(found.group(1)) / 1e3


def _print_table(title: str, rows: dict[str, float]) -> None:
    print(f"{title:<42}{'ms':>10}")
    for name, value in rows.items():
        print(f"{name:<42}{value:>10.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=30)
    parser.add_argument("--size", type=int, default=512)
    parser.add_argument("--samples", type=int, default=4)
    parser.add_argument("--format", default="PNG", choices=("PNG", "JPEG", "WEBP"))
    parser.add_argument("--triangles", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=20, help="render jobs; 0 skips the stack")
    parser.add_argument("--history", type=int, default=0,
                        help="finished jobs stored before the render jobs run")
    parser.add_argument("--poll", type=float, default=Settings().worker_poll_seconds,
                        help="ATELIER_WORKER_POLL_SECONDS of the bench's worker")
    arguments = parser.parse_args()
    options = RenderOptions(width=arguments.size, height=arguments.size,
                            format=arguments.format, samples=arguments.samples)
    glb = benchmark_model_glb(arguments.triangles)
    with Renderer() as renderer:
        measurement = measure_render(renderer, glb, options, arguments.frames)
    print(f"device: {measurement.device}   machine: {platform.machine()} "
          f"{platform.processor() or ''}".rstrip())
    print(f"model: {measurement.triangles} triangles   image: {options.width}x{options.height} "
          f"{options.format}, {options.samples} samples, {arguments.frames} frames")
    results: dict = {**asdict(measurement), "summary": measurement.summary()}
    _print_table("renderer", measurement.summary())
    if arguments.jobs:
        jobs = asyncio.run(measure_job_overhead(glb, options, arguments.jobs, arguments.poll,
                                                arguments.history))
        print(f"render jobs: {arguments.jobs} in a row, worker polling every {arguments.poll}s, "
              f"{arguments.history} finished jobs stored before")
        _print_table("render job", jobs.summary())
        results["jobs"] = {**asdict(jobs), "summary": jobs.summary()}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2))
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
