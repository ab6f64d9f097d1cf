"""Benchmark a scene query: the same 1,000-node scene served as GraphQL and as plain JSON.

    .venv/bin/python -m bench.scene_query [--nodes 1000] [--assets 10] [--requests 40]

SecantusDB and redis-server are started as the tests start them. One Starlette app, in this
process, serves the real GraphQL endpoint (bearer auth, the real schema, DataLoaders) and a
bare endpoint that reads the same scene and assets through the same service and returns the
same fields as JSON. The two are asked alternately, `--requests` times each after a warm-up
(in process, through httpx's ASGI transport); requests per second are 1 / mean latency, and
database round trips per request are counted with PyMongo command monitoring.
Writes bench/results/scene_query.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx
import trimesh
from beanie import init_beanie
from pymongo import AsyncMongoClient, monitoring
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.http.auth import BearerAuth
from app.http.graphql import AtelierGraphQL
from app.models import DOCUMENT_MODELS
from app.models.asset import Asset, AssetStatus
from app.models.common import FileRole, StoredFile
from app.models.token import Scope
from app.schema.schema import build_schema
from app.services.container import Services, opened_services
from app.services.scenes.operations import AddNode, MeshUse, Transform

RESULTS = Path(__file__).resolve().parent / "results" / "scene_query.json"
DATABASE = "bench_scene_query"
WARM_UP = 3
QUERY = """
query Scene($id: ID!) {
  scene(id: $id) {
    id name version
    nodes(first: 1000) { edges { node {
      id name translation rotation scale
      mesh { meshIndex asset { id name status } }
      material { id name baseColorFactor metallicFactor roughnessFactor }
    } } }
  }
}"""


class RoundTrips(monitoring.CommandListener):
    def __init__(self) -> None:
        self.count = 0

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        if event.command_name not in {"hello", "ismaster", "isMaster"}:
            self.count += 1

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        """Only starts are counted."""

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        """Only starts are counted."""


@dataclass
class Served:
    endpoint: str
    requests: int
    requests_per_second: float
    median_ms: float
    round_trips_per_request: float
    response_bytes: int


async def plain_scene(request: Request) -> JSONResponse:
    """The same fields as QUERY, read through the same service, without GraphQL."""
    services: Services = request.app.state.services
    principal = request.scope["state"]["principal"]
    scene = await services.scenes.get_visible(principal, request.path_params["id"])
    asset_ids = sorted({n.mesh.asset_id for n in scene.graph.nodes if n.mesh})
    assets = {a.id: a for start in range(0, len(asset_ids), 100)
              for a in await Asset.find({"_id": {"$in": asset_ids[start:start + 100]}}).to_list()
              if principal.can_access(a.owner)}
    materials = {m.id: {"id": m.id, "name": m.name, "baseColorFactor": m.base_color_factor,
                        "metallicFactor": m.metallic_factor,
                        "roughnessFactor": m.roughness_factor} for m in scene.graph.materials}

    def node(n: Any) -> dict[str, Any]:
        asset = assets.get(n.mesh.asset_id) if n.mesh else None
        return {"id": n.id, "name": n.name, "translation": n.translation or (0, 0, 0),
                "rotation": n.rotation or (0, 0, 0, 1), "scale": n.scale or (1, 1, 1),
                "mesh": n.mesh and {"meshIndex": n.mesh.mesh_index, "asset": asset and {
                    "id": asset.id, "name": asset.name, "status": asset.status.value}},
                "material": materials.get(n.material or "")}

    return JSONResponse({"data": {"scene": {
        "id": scene.id, "name": scene.name, "version": scene.version,
        "nodes": {"edges": [{"node": node(n)} for n in scene.graph.nodes]}}}})


async def seeded(services: Services, owner: str, nodes: int, assets: int, work: Path
                 ) -> tuple[str, str]:
    """A scene of `nodes` nodes, each drawing one of `assets` READY box assets, and a token
    secret of its owner."""
    glb = work / "box.glb"
    glb.write_bytes(trimesh.Scene(trimesh.creation.box()).export(file_type="glb"))
    made = []
    for _ in range(assets):
        asset = Asset(owner=owner, name="box.glb", filename="box.glb", status=AssetStatus.READY)
        key = f"assets/{asset.id}/model.glb"
        stored = await services.storage.put_file(key, glb)
        asset.files = [StoredFile(role=FileRole.GLB, format="GLB", key=key, filename="box.glb",
                                  size_bytes=stored.size_bytes, content_type="model/gltf-binary")]
        await asset.insert()
        made.append(asset.id)
    _, secret = await services.tokens.create(None, owner=owner, name="bench",
                                                 scopes=[Scope.SCENES_READ, Scope.ASSETS_READ,
                                                         Scope.SCENES_WRITE])
    principal = await services.tokens.authenticate(f"Bearer {secret}")
    scene = await services.scenes.create(principal, name="bench", operations=[
        AddNode(name=f"node {i}", mesh=MeshUse(made[i % assets]),
                transform=Transform(translation=(float(i), 0.0, 0.0))) for i in range(nodes)])
    return scene.id, secret


class Endpoint:
    """One way of asking for the scene, timed request by request."""

    def __init__(self, name: str, call: Callable[[], Awaitable[httpx.Response]]) -> None:
        self.name = name
        self.call = call
        self.timings: list[float] = []
        self.round_trips = 0
        self.size = 0

    async def ask(self, trips: RoundTrips, *, timed: bool) -> None:
        before, begun = trips.count, time.perf_counter()
        response = await self.call()
        elapsed = time.perf_counter() - begun
        response.raise_for_status()
        assert "errors" not in response.json(), response.text[:500]
        if timed:
            self.timings.append(elapsed)
            self.round_trips += trips.count - before
            self.size = len(response.content)

    def served(self) -> Served:
        count = len(self.timings)
        return Served(self.name, count, count / sum(self.timings),
                      statistics.median(self.timings) * 1e3, self.round_trips / count,
                      self.size)


async def measure(endpoints: list[Endpoint], requests: int, trips: RoundTrips) -> None:
    """Ask each endpoint in turn, so a busy machine slows both alike."""
    for round_number in range(WARM_UP + requests):
        for endpoint in endpoints:
            await endpoint.ask(trips, timed=round_number >= WARM_UP)


async def bench(nodes: int, assets: int, requests: int) -> list[Served]:
    with tempfile.TemporaryDirectory(prefix="atelier-bench-") as tmp:
        work = Path(tmp)
        database = EmbeddedDatabase(work / "db", log_path=work / "db.log")
        redis = EmbeddedRedis(work / "redis", log_path=work / "redis.log")
        database.start()
        redis.start()
        try:
            return await _served(Settings(
                mongodb_url=database.url, redis_url=redis.url, database_name=DATABASE,
                secret_key="bench", storage_dir=work / "objects"), nodes, assets, requests, work)
        finally:
            redis.stop()
            database.stop()


async def _served(settings: Settings, nodes: int, assets: int, requests: int, work: Path
                  ) -> list[Served]:
    trips = RoundTrips()
    monitored: AsyncMongoClient = AsyncMongoClient(settings.mongodb_url, tz_aware=True,
                                                   event_listeners=[trips])
    async with opened_services(settings) as services:
        await init_beanie(database=monitored[DATABASE], document_models=DOCUMENT_MODELS)
        scene_id, secret = await seeded(services, "bench", nodes, assets, work)
        app = Starlette(routes=[
            Route("/graphql", BearerAuth(AtelierGraphQL(build_schema(settings.max_query_depth))),
                  methods=["POST"]),
            Route("/plain/scenes/{id}", BearerAuth(_endpoint(plain_scene))),
        ])
        app.state.services = services
        headers = {"Authorization": f"Bearer {secret}"}
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://bench", headers=headers) as client:
            endpoints = [
                Endpoint("GraphQL", lambda: client.post(
                    "/graphql", json={"query": QUERY, "variables": {"id": scene_id}})),
                Endpoint("plain JSON", lambda: client.get(f"/plain/scenes/{scene_id}")),
            ]
            await measure(endpoints, requests, trips)
    await monitored.close()
    return [endpoint.served() for endpoint in endpoints]


def _endpoint(handler: Callable[[Request], Awaitable[JSONResponse]]) -> Any:
    async def asgi(scope: Any, receive: Any, send: Any) -> None:
        response = await handler(Request(scope, receive))
        await response(scope, receive, send)

    return asgi


async def main_async(args: argparse.Namespace) -> None:
    graphql, plain = await bench(args.nodes, args.assets, args.requests)
    ratio = plain.requests_per_second / graphql.requests_per_second
    print(f"\nA {args.nodes}-node scene over {args.assets} assets, {args.requests} requests "
          "each, one at a time\n")
    print(f"{'endpoint':<12} {'req/s':>8} {'median ms':>10} {'round trips':>12} {'bytes':>9}")
    for served in (graphql, plain):
        print(f"{served.endpoint:<12} {served.requests_per_second:>8.1f} "
              f"{served.median_ms:>10.1f} {served.round_trips_per_request:>12.1f} "
              f"{served.response_bytes:>9}")
    median_ratio = graphql.median_ms / plain.median_ms
    print(f"\nplain JSON / GraphQL throughput: {ratio:.2f}x (goal: within 3x); "
          f"median latency ratio: {median_ratio:.2f}x")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "nodes": args.nodes, "assets": args.assets, "served": [asdict(graphql), asdict(plain)],
        "plain_over_graphql": ratio, "median_latency_ratio": median_ratio,
        "within_goal": ratio <= 3.0}, indent=2))
    print(f"wrote {RESULTS}")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=1000)
    parser.add_argument("--assets", type=int, default=10)
    parser.add_argument("--requests", type=int, default=40)
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main_async(_arguments()))
