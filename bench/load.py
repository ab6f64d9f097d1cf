"""Benchmark the read path under load: N concurrent clients against `atelier api` and a floor.

    .venv/bin/python -m bench.load [--clients 50 200] [--seconds 15] [--assets 200]
                                   [--rounds 3] [--profile api.prof]

SecantusDB and redis-server are started as the tests start them, seeded with READY assets
(stats, a validation report, original, GLB and thumbnail files, a finished ingest job each)
and a scene, then one `atelier api` process serves them. The floor is a plain Strawberry app
in its own Uvicorn process that answers the same queries with the same shape from memory
(the API's own answers, read once). Each client loops over a read mix for a fixed time:
`assets(first: 20)` with nested stats, files and signed URLs (half the requests), an asset by
id with its ingest job, a page of jobs, and a scene with its nodes and their assets. Nothing
writes meanwhile, so the API serves the catalog's pages from its page cache after the first
read of each; a second API process with the cache off (`ATELIER_LIST_CACHE_SECONDS=0`, every
page and count read from the database) is measured beside it. The three servers are measured
one after the other at each client count, with the same mix, and the whole sequence is
repeated `--rounds` times on the same servers: the summary gives the medians over rounds
of each ratio and of the CPU time per request (the machine may be shared and noisy).
`--profile` runs the API under cProfile and writes its stats there when the run ends.
Writes bench/results/load.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx
import trimesh

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.process import ChildProcess, free_port
from app.embedded.redis import EmbeddedRedis
from app.models.asset import Asset, AssetStatus
from app.models.common import (
    AssetStats,
    Bounds,
    FileRole,
    StoredFile,
    ValidationIssue,
    ValidationSummary,
)
from app.models.job import Job, JobKind, JobStatus
from app.models.token import Scope
from app.services.container import Services, opened_services
from app.services.scenes.operations import AddNode, MeshUse, Transform

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "load.json"
DATABASE = "bench_load"
SIGNING_KEY = "bench-signing-key"
# The same API with its catalog page cache off: every page and count read from the database.
UNCACHED = "api uncached"

ASSET_NODE = """
  id name status sourceFormat sizeBytes tags createdAt
  stats { vertexCount triangleCount meshCount materialCount nodeCount bounds { min max } }
  files { role format sizeBytes url }
  glbUrl thumbnailUrl
"""
ASSETS = f"""query Assets {{ assets(first: 20) {{
  totalCount pageInfo {{ hasNextPage endCursor }}
  edges {{ cursor node {{ {ASSET_NODE} }} }}
}} }}"""
ASSET = f"""query Asset($id: ID!) {{ asset(id: $id) {{
  {ASSET_NODE} validation {{ numErrors numWarnings }} ingestJob {{ id status progress }}
}} }}"""
JOBS = """query Jobs { jobs(first: 20) {
  totalCount edges { node { id kind status progress stage createdAt finishedAt } }
} }"""
SCENE = """query Scene($id: ID!) { scene(id: $id) {
  id name version nodeCount bounds { min max }
  rootNodes { id name translation rotation scale mesh { meshIndex asset { id name status } } }
} }"""
# (query, share of requests); each asset and scene query is asked with the seeded ids.
MIX = (("assets", ASSETS, 0.5), ("asset", ASSET, 0.2), ("jobs", JOBS, 0.15),
       ("scene", SCENE, 0.15))


@dataclass
class Seeded:
    secret: str
    asset_ids: list[str]
    scene_id: str


@dataclass
class Measured:
    server: str
    clients: int
    round: int
    seconds: float
    requests: int
    errors: int
    requests_per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    # CPU time per answered request of the server process, the database and this client:
    # unlike req/s, these hold on a machine that other work is slowing down.
    server_cpu_ms: float
    database_cpu_ms: float
    client_cpu_ms: float
    by_query: dict[str, int] = field(default_factory=dict)

    @property
    def server_capacity(self) -> float:
        """Requests per second the server process could answer on one free core."""
        return 1000 / self.server_cpu_ms if self.server_cpu_ms else 0.0


async def seed(services: Services, assets: int, work: Path) -> Seeded:
    """`assets` READY assets with their ingest jobs, five of them real boxes in a scene."""
    glb = work / "box.glb"
    glb.write_bytes(trimesh.Scene(trimesh.creation.box()).export(file_type="glb"))
    owner, ids = "bench", []
    for number in range(assets):
        asset = Asset(owner=owner, name=f"model {number}.glb", filename=f"model{number}.glb",
                      status=AssetStatus.READY, source_format="GLB", size_bytes=1234,
                      sha256=f"{number:064x}", tags=["bench", f"batch-{number % 5}"],
                      stats=AssetStats(vertex_count=24, triangle_count=12, mesh_count=1,
                                       material_count=1, node_count=1,
                                       bounds=Bounds(min=[-0.5] * 3, max=[0.5] * 3)),
                      validation=ValidationSummary(num_warnings=2, issues=[
                          ValidationIssue(code="UNUSED_OBJECT", severity="WARNING",
                                          message="This object may be unused.",
                                          pointer=f"/meshes/{i}") for i in range(2)]))
        key = f"assets/{asset.id}"
        if number < 5:
            await services.storage.put_file(f"{key}/model.glb", glb)
        asset.files = [
            StoredFile(role=role, format=fmt, key=f"{key}/{name}", size_bytes=1234,
                       content_type=kind, filename=name)
            for role, fmt, name, kind in (
                (FileRole.ORIGINAL, "GLB", "original.glb", "application/octet-stream"),
                (FileRole.GLB, "GLB", "model.glb", "model/gltf-binary"),
                (FileRole.THUMBNAIL, "PNG", "thumbnail.png", "image/png"))]
        job = Job(owner=owner, kind=JobKind.INGEST, status=JobStatus.SUCCEEDED, progress=1.0,
                  stage="done", attempts=1, asset_id=asset.id)
        await job.insert()
        asset.ingest_job_id = job.id
        await asset.insert()
        ids.append(asset.id)
    _, secret = await services.tokens.create(None, owner=owner, name="bench", scopes=[
        Scope.ASSETS_READ, Scope.SCENES_READ, Scope.SCENES_WRITE, Scope.JOBS_READ])
    principal = await services.tokens.authenticate(f"Bearer {secret}")
    scene = await services.scenes.create(principal, name="bench", operations=[
        AddNode(name=f"node {i}", mesh=MeshUse(ids[i % 5]),
                transform=Transform(translation=(float(i), 0.0, 0.0))) for i in range(50)])
    return Seeded(secret=secret, asset_ids=ids, scene_id=scene.id)


def request_body(name: str, query: str, seeded: Seeded, rng: random.Random) -> dict[str, Any]:
    if name == "asset":
        return {"query": query, "variables": {"id": rng.choice(seeded.asset_ids)}}
    if name == "scene":
        return {"query": query, "variables": {"id": seeded.scene_id}}
    return {"query": query}


def pid_of(child: ChildProcess) -> int | None:
    return child.process.pid if child.process else None


def cpu_seconds(pid: int | None) -> float:
    """User and system CPU time a process has used so far (Linux /proc)."""
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def load(url: str, seeded: Seeded, clients: int, seconds: float, server: str,
               pids: tuple[int | None, int | None], round_number: int = 0) -> Measured:
    """`clients` loops asking the mix for `seconds`; latencies of answers without errors, and
    the CPU time the server (`pids[0]`) and its database (`pids[1]`) spent meanwhile."""
    timings: list[float] = []
    errors = 0
    by_query: dict[str, int] = {}
    names = [name for name, _, _ in MIX]
    weights = [share for *_, share in MIX]
    queries = {name: query for name, query, _ in MIX}
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    headers = {"Authorization": f"Bearer {seeded.secret}"}
    async with httpx.AsyncClient(base_url=url, headers=headers, limits=limits,
                                 timeout=120) as http:

        async def client(number: int) -> None:
            nonlocal errors
            rng = random.Random(number)
            while time.perf_counter() < deadline:
                name = rng.choices(names, weights)[0]
                begun = time.perf_counter()
                try:
                    response = await http.post(
                        "/graphql", json=request_body(name, queries[name], seeded, rng))
                    failed = response.status_code != 200 or "errors" in response.json()
                except httpx.HTTPError:
                    failed = True
                if failed:
                    errors += 1
                    continue
                timings.append(time.perf_counter() - begun)
                by_query[name] = by_query.get(name, 0) + 1

        cpu_before = [cpu_seconds(pid) for pid in pids] + [time.process_time()]
        started = time.perf_counter()
        await asyncio.gather(*(client(number) for number in range(clients)))
        elapsed = time.perf_counter() - started
        cpu_after = [cpu_seconds(pid) for pid in pids] + [time.process_time()]
    cuts = statistics.quantiles(timings, n=100) if len(timings) > 1 else [0.0] * 99
    per_request = [round((after - before) * 1e3 / max(len(timings), 1), 2)
                   for before, after in zip(cpu_before, cpu_after, strict=True)]
    return Measured(server=server, clients=clients, round=round_number,
                    seconds=round(elapsed, 2),
                    requests=len(timings), errors=errors,
                    requests_per_second=round(len(timings) / elapsed, 1),
                    p50_ms=round(cuts[49] * 1e3, 1), p95_ms=round(cuts[94] * 1e3, 1),
                    p99_ms=round(cuts[98] * 1e3, 1), server_cpu_ms=per_request[0],
                    database_cpu_ms=per_request[1], client_cpu_ms=per_request[2],
                    by_query=by_query)


async def answers(url: str, seeded: Seeded) -> dict[str, Any]:
    """The API's answer to each query of the mix, which the floor then serves from memory."""
    headers = {"Authorization": f"Bearer {seeded.secret}"}
    rng = random.Random(0)
    found: dict[str, Any] = {"assets_by_id": {}}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=60) as http:
        for name, query, _ in MIX:
            data = (await http.post("/graphql", json=request_body(
                name, query, seeded, rng))).json()
            assert "errors" not in data, data
            found[name] = data["data"][name]
        for asset_id in seeded.asset_ids:
            data = (await http.post("/graphql", json={"query": ASSET,
                                                      "variables": {"id": asset_id}})).json()
            found["assets_by_id"][asset_id] = data["data"]["asset"]
    return found


def start_api(env: dict[str, str], work: Path, profile: Path | None,
              name: str = "api") -> tuple[ChildProcess, str]:
    port = free_port()
    runner = ["-m", "cProfile", "-o", str(profile)] if profile else []
    api = ChildProcess(name, [sys.executable, *runner, "-m", "app", "api", "--host",
                              "127.0.0.1", "--port", str(port)],
                       env=env, log_path=work / f"{name}.log")
    api.start()
    url = f"http://127.0.0.1:{port}"
    api.wait_ready(lambda: _answers(f"{url}/readyz"), timeout=60)
    return api, url


def stop_api(api: ChildProcess, *, profiled: bool) -> None:
    # Uvicorn re-raises SIGTERM after its graceful shutdown, which would end the process before
    # cProfile writes; SIGINT ends it through KeyboardInterrupt, and cProfile writes on the way.
    if profiled and api.process is not None:
        api.process.send_signal(signal.SIGINT)
        api.process.wait(30)
    api.stop()


def start_floor(data: Path, work: Path) -> tuple[ChildProcess, str]:
    port = free_port()
    floor = ChildProcess("floor", [sys.executable, "-m", "bench.load_floor", str(data),
                                   str(port)], log_path=work / "floor.log")
    floor.start()
    url = f"http://127.0.0.1:{port}"
    floor.wait_ready(lambda: _answers(f"{url}/healthz"), timeout=60)
    return floor, url


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def api_env(settings: Settings, work: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("ATELIER_")}
    env.update({"ATELIER_MONGODB_URL": settings.mongodb_url or "",
                "ATELIER_REDIS_URL": settings.redis_url or "",
                "ATELIER_DATABASE_NAME": DATABASE, "ATELIER_SECRET_KEY": SIGNING_KEY,
                "ATELIER_STORAGE_DIR": str(work / "objects"), "PYTHONPATH": str(ROOT),
                # One token asks for everything here: limits sized for many clients would
                # refuse it, so they are lifted (their checks still run and cost what they cost).
                "ATELIER_RATE_LIMIT_PER_TOKEN": "1000000/minute",
                "ATELIER_RATE_LIMIT_PER_IP": "1000000/minute",
                "ATELIER_QUERY_COST_PER_MINUTE": str(10**12)})
    return env


async def bench(args: argparse.Namespace) -> list[Measured]:
    with tempfile.TemporaryDirectory(prefix="atelier-load-") as tmp:
        work = Path(tmp)
        database = EmbeddedDatabase(work / "db", log_path=work / "db.log")
        redis = EmbeddedRedis(work / "redis", log_path=work / "redis.log")
        database.start()
        redis.start()
        settings = Settings(mongodb_url=database.url, redis_url=redis.url,
                            database_name=DATABASE, secret_key=SIGNING_KEY,
                            storage_dir=work / "objects")
        try:
            async with opened_services(settings) as services:
                seeded = await seed(services, args.assets, work)
            api, api_url = start_api(api_env(settings, work), work, args.profile)
            floor_data = work / "floor.json"
            floor_data.write_text(json.dumps(await answers(api_url, seeded)))
            floor, floor_url = start_floor(floor_data, work)
            uncached, uncached_url = start_api(
                {**api_env(settings, work), "ATELIER_LIST_CACHE_SECONDS": "0"}, work, None,
                "api-uncached")
            try:
                db_pid = pid_of(database.child)
                targets = (("atelier api", api_url, (pid_of(api), db_pid)),
                           (UNCACHED, uncached_url, (pid_of(uncached), db_pid)),
                           ("floor", floor_url, (pid_of(floor), None)))
                measured = []
                for round_number in range(args.rounds):
                    for clients in args.clients:
                        for server, url, pids in targets:
                            await load(url, seeded, clients, 2.0, server, pids)
                            measured.append(await load(url, seeded, clients, args.seconds,
                                                       server, pids, round_number))
                return measured
            finally:
                floor.stop()
                uncached.stop()
                stop_api(api, profiled=args.profile is not None)
        finally:
            redis.stop()
            database.stop()


def report(measured: list[Measured], args: argparse.Namespace) -> None:
    print(f"\nRead mix for {args.seconds:.0f} s per run, {args.assets} assets, one API "
          f"process, {args.rounds} round(s)\n")
    print(f"{'server':<12} {'clients':>7} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} "
          f"{'p99 ms':>7} {'requests':>8} {'errors':>6} {'cpu ms/req':>10} {'db ms/req':>9} "
          f"{'capacity/s':>10}")
    for run in measured:
        print(f"{run.server:<12} {run.clients:>7} {run.requests_per_second:>7.1f} "
              f"{run.p50_ms:>7.1f} {run.p95_ms:>7.1f} {run.p99_ms:>7.1f} {run.requests:>8} "
              f"{run.errors:>6} {run.server_cpu_ms:>10.2f} {run.database_cpu_ms:>9.2f} "
              f"{run.server_capacity:>10.0f}")
    ratios = {str(clients): medians(measured, clients, "atelier api")
              for clients in args.clients}
    uncached = {str(clients): medians(measured, clients, UNCACHED) for clients in args.clients}
    for clients, summary in ratios.items():
        print(f"\n{clients} clients, medians of {args.rounds}: API at "
              f"{summary['throughput']:.2f} of the floor's req/s, {summary['capacity']:.2f} of "
              f"its capacity; cpu ms/req {summary['api_cpu_ms']:.2f} (floor "
              f"{summary['floor_cpu_ms']:.2f}) (goal: at least 0.5 at 50 clients); with no "
              f"page cache {uncached[clients]['throughput']:.2f} and "
              f"{uncached[clients]['capacity']:.2f}", end="")
    print("\ncapacity/s: 1000 / cpu ms per request of the server process alone")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "seconds": args.seconds, "assets": args.assets,
        "mix": {name: share for name, _, share in MIX},
        "runs": [{**asdict(run), "server_capacity": round(run.server_capacity, 1)}
                 for run in measured], "api_over_floor": ratios,
        "uncached_api_over_floor": uncached}, indent=2))
    print(f"wrote {RESULTS}")


def medians(measured: list[Measured], clients: int, server: str) -> dict[str, float]:
    """Per round, the `server`'s throughput and capacity over the floor's; their medians."""
    pairs = [tuple(next(r for r in measured if r.clients == clients and r.round == number
                        and r.server == name) for name in (server, "floor"))
             for number in sorted({r.round for r in measured})]
    return {
        "throughput": round(statistics.median(
            api.requests_per_second / floor.requests_per_second for api, floor in pairs), 2),
        "capacity": round(statistics.median(
            api.server_capacity / floor.server_capacity for api, floor in pairs), 2),
        "api_cpu_ms": round(statistics.median(api.server_cpu_ms for api, _ in pairs), 2),
        "floor_cpu_ms": round(statistics.median(floor.server_cpu_ms for _, floor in pairs), 2),
    }


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--assets", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=1,
                        help="repeat every measurement this often; the summary gives medians")
    parser.add_argument("--profile", type=Path, default=None,
                        help="run the API under cProfile and write its stats here")
    return parser.parse_args()


if __name__ == "__main__":
    arguments = _arguments()
    report(asyncio.run(bench(arguments)), arguments)
