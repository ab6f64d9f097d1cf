"""Benchmark live fan-out: N `assetReady` subscribers over two real `atelier api` processes,
against a trivial fan-out floor in the same run.

    .venv/bin/python -m bench.fanout [--subscribers 1000 5000] [--events 20] [--interval 0.25]

SecantusDB and redis-server are started as the tests start them, then two `atelier api`
processes. For each N, N websocket clients (graphql-transport-ws, one owner's token, half on
each API) subscribe to `assetReady`; after a warm-up event has reached all of them, `--events`
assets reach READY through the outcome log, `--interval` apart, written by this process. A
delivery's latency runs from the write's commit (the write returning) to the client reading
the event. The floor is two bare websocket servers (bench/fanout_floor.py) that broadcast each
event from a Redis channel, measured with the same clients. Memory per connection is the API
(or floor) processes' RSS growth from before the clients connect to after the warm-up, over N;
server CPU per delivery is their CPU time during the events over the deliveries made.
Writes bench/results/fanout.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import httpx
from beanie import init_beanie
from pymongo import AsyncMongoClient
from redis.asyncio import Redis
from websockets.asyncio.client import ClientConnection, connect

from app.embedded.database import EmbeddedDatabase
from app.embedded.process import ChildProcess, free_port
from app.embedded.redis import EmbeddedRedis
from app.models import DOCUMENT_MODELS
from app.models.asset import Asset, AssetStatus
from app.services.asset_outcomes import AssetOutcomeLog, encode_outcome_cursor
from tests.support.stack import stack_env, start_api

RESULTS = Path(__file__).resolve().parent / "results" / "fanout.json"
DATABASE = "bench_fanout"
OWNER = "bench-owner"
FLOOR_CHANNEL = "bench:fanout"
SUBSCRIPTION = """subscription($after: String) {
  assetReady(afterCursor: $after) { cursor asset { id status } } }"""
TOKEN_CREATE = """mutation($input: ApiTokenCreateInput!) {
  apiTokenCreate(input: $input) { secret errors { code message } } }"""
CONNECT_AT_ONCE = 100
GOAL_P99_MS = 250.0
# How long the last event may take to reach everyone (plus 1 ms per delivery) before a
# subscriber that lacks it counts as having lost it.
DRAIN_SECONDS = 30
# The defaults guard a public API; the bench is one owner on one address by design.
BENCH_LIMITS = {
    "ATELIER_WS_MAX_CONNECTIONS_PER_TOKEN": "100000",
    "ATELIER_RATE_LIMIT_PER_IP": "1000000/minute",
    "ATELIER_RATE_LIMIT_PER_TOKEN": "1000000/minute",
}


@dataclass
class Client:
    """One subscriber: when it read each event (by asset id)."""

    connection: ClientConnection
    received: dict[str, float] = field(default_factory=dict)


@dataclass
class Run:
    server: str
    subscribers: int
    events: int
    complete_share: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    memory_kib_per_connection: float
    server_cpu_ms_per_delivery: float
    connect_seconds: float


Publish = Callable[[str], Awaitable[float]]


def raise_open_file_limit() -> None:
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time the processes have used so far."""
    ticks = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def rss_kib(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total


async def open_client(url: str, init: dict[str, str], after: str | None) -> Client:
    connection = await connect(url, subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
                               max_queue=None, open_timeout=60)
    await connection.send(json.dumps({"type": "connection_init", "payload": init}))
    ack = json.loads(await connection.recv())
    assert ack["type"] == "connection_ack", ack
    await connection.send(json.dumps({"id": "1", "type": "subscribe",
                                      "payload": {"query": SUBSCRIPTION,
                                                  "variables": {"after": after}}}))
    return Client(connection)


async def read_events(client: Client) -> None:
    async for raw in client.connection:
        message = json.loads(raw)
        if message.get("type") == "next":
            event = message["payload"]["data"]["assetReady"]
            client.received[event["asset"]["id"]] = time.monotonic()
        elif message.get("type") in ("error", "complete"):
            raise RuntimeError(f"subscription ended: {message}")


async def measure(server: str, urls: list[str], init: dict[str, str], pids: list[int],
                  subscribers: int, events: int, interval: float, publish: Publish,
                  after: str | None = None) -> Run:
    """`after` is where Atelier's subscriptions resume from, so one that opens late still
    gets the warm-up event; the floor has no resume point."""
    before = rss_kib(pids)
    started = time.monotonic()
    clients: list[Client] = []
    for first in range(0, subscribers, CONNECT_AT_ONCE):
        batch = range(first, min(first + CONNECT_AT_ONCE, subscribers))
        clients += await asyncio.gather(*(open_client(urls[n % len(urls)], init, after)
                                          for n in batch))
    readers = [asyncio.create_task(read_events(client)) for client in clients]
    connect_seconds = time.monotonic() - started
    warm_up = f"warm-{uuid.uuid4().hex[:8]}"
    await _until_everyone_has(clients, [await _published_id(publish, warm_up)], 120)
    memory = (rss_kib(pids) - before) / subscribers
    cpu_before = cpu_seconds(pids)
    sent: dict[str, float] = {}
    for _ in range(events):
        asset_id = f"ast_{uuid.uuid4().hex[:24]}"
        sent[asset_id] = await publish(asset_id)
        await asyncio.sleep(interval)
    await _until_everyone_has(clients, list(sent), DRAIN_SECONDS + subscribers * events / 1000)
    cpu_used = cpu_seconds(pids) - cpu_before
    for reader in readers:
        reader.cancel()
    await asyncio.gather(*readers, return_exceptions=True)
    await asyncio.gather(*(client.connection.close() for client in clients))
    latencies = sorted((client.received[asset_id] - committed) * 1000
                       for client in clients for asset_id, committed in sent.items()
                       if asset_id in client.received)
    complete = sum(all(asset_id in client.received for asset_id in sent) for client in clients)
    return Run(server=server, subscribers=subscribers, events=events,
               complete_share=complete / subscribers,
               p50_ms=statistics.median(latencies) if latencies else float("nan"),
               p99_ms=latencies[int(len(latencies) * 0.99) - 1] if latencies else float("nan"),
               max_ms=latencies[-1] if latencies else float("nan"),
               memory_kib_per_connection=memory,
               server_cpu_ms_per_delivery=cpu_used * 1000 / max(len(latencies), 1),
               connect_seconds=connect_seconds)


async def _published_id(publish: Publish, asset_id: str) -> str:
    await publish(asset_id)
    return asset_id


async def _until_everyone_has(clients: list[Client], asset_ids: list[str], seconds: float
                              ) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if all(asset_id in client.received for client in clients for asset_id in asset_ids):
            return
        await asyncio.sleep(0.05)


def atelier_publisher(outcomes: AssetOutcomeLog) -> Publish:
    """An asset that was PROCESSING reaches READY through the outcome log (what ingest does)."""

    async def publish(asset_id: str) -> float:
        await Asset(id=asset_id, owner=OWNER, name="bench.stl", filename="bench.stl",
                    status=AssetStatus.PROCESSING).insert()
        await outcomes.record(asset_id, AssetStatus.READY, {})
        return time.monotonic()

    return publish


def floor_publisher(redis: Redis) -> Publish:
    async def publish(asset_id: str) -> float:
        payload = {"assetReady": {"cursor": asset_id, "asset": {"id": asset_id,
                                                                 "status": "READY"}}}
        await redis.publish(FLOOR_CHANNEL, json.dumps(payload))
        return time.monotonic()

    return publish


async def owner_token(api_url: str, admin_token: str) -> str:
    async with httpx.AsyncClient(timeout=30) as http:
        response = await http.post(f"{api_url}/graphql", headers={
            "Authorization": f"Bearer {admin_token}"}, json={"query": TOKEN_CREATE, "variables": {
                "input": {"owner": OWNER, "name": "bench", "scopes": ["ASSETS_READ"]}}})
    payload = response.json()["data"]["apiTokenCreate"]
    assert payload["errors"] == [], payload
    return str(payload["secret"])


def start_floor(redis_url: str, log_path: Path) -> tuple[ChildProcess, str]:
    port = free_port()
    floor = ChildProcess("floor", [sys.executable, "-m", "bench.fanout_floor", "--port",
                                   str(port), "--redis-url", redis_url, "--channel",
                                   FLOOR_CHANNEL], log_path=log_path)
    floor.start()
    floor.wait_ready(lambda: "floor ready" in log_path.read_text(errors="replace"), 30)
    return floor, f"ws://127.0.0.1:{port}/graphql"


async def bench(sizes: list[int], events: int, interval: float) -> list[Run]:
    raise_open_file_limit()
    with tempfile.TemporaryDirectory(prefix="atelier-fanout-") as tmp:
        root = Path(tmp)
        database = EmbeddedDatabase(root / "db", log_path=root / "secantus.log")
        redis_server = EmbeddedRedis(root / "redis", log_path=root / "redis.log")
        database.start()
        redis_server.start()
        admin_token = "bench-admin-" + uuid.uuid4().hex
        env = stack_env(mongodb_url=database.url, redis_url=redis_server.url,
                        storage_dir=root / "objects", database_name=DATABASE,
                        admin_token=admin_token, extra=BENCH_LIMITS)
        children: list[ChildProcess] = []
        mongo: AsyncMongoClient[dict[str, object]] = AsyncMongoClient(database.url, tz_aware=True)
        redis = Redis.from_url(redis_server.url)
        try:
            apis = [start_api(env, root / f"api-{n}.log") for n in range(2)]
            floors = [start_floor(redis_server.url, root / f"floor-{n}.log") for n in range(2)]
            children += [process for process, _ in apis + floors]
            await init_beanie(database=mongo[DATABASE], document_models=DOCUMENT_MODELS)
            secret = await owner_token(apis[0][1], admin_token)
            api_urls = [url.replace("http://", "ws://") + "/graphql" for _, url in apis]
            api_pids = [process.process.pid for process, _ in apis if process.process]
            floor_pids = [process.process.pid for process, _ in floors if process.process]
            runs: list[Run] = []
            for size in sizes:
                runs.append(await measure(
                    "Atelier", api_urls, {"authorization": f"Bearer {secret}"}, api_pids,
                    size, events, interval, atelier_publisher(AssetOutcomeLog(3600)),
                    encode_outcome_cursor(await AssetOutcomeLog.latest_sequence())))
                runs.append(await measure(
                    "trivial floor", [url for _, url in floors], {}, floor_pids, size, events,
                    interval, floor_publisher(redis)))
                _print(runs[-2:])
            return runs
        finally:
            await redis.aclose()
            await mongo.close()
            for child in children:
                child.stop()
            redis_server.stop()
            database.stop()


def _print(runs: list[Run]) -> None:
    for run in runs:
        print(f"{run.server:<14} {run.subscribers:>6} {run.complete_share:>9.1%} "
              f"{run.p50_ms:>8.1f} {run.p99_ms:>8.1f} {run.max_ms:>8.1f} "
              f"{run.memory_kib_per_connection:>9.1f} {run.server_cpu_ms_per_delivery:>8.3f} "
              f"{run.connect_seconds:>9.1f}", flush=True)


async def main_async(args: argparse.Namespace) -> None:
    print(f"\nassetReady fan-out over two API processes: {args.events} events, "
          f"{args.interval:.2f} s apart; latency from the commit to the client's read\n")
    print(f"{'server':<14} {'subs':>6} {'got all':>9} {'p50 ms':>8} {'p99 ms':>8} "
          f"{'max ms':>8} {'KiB/conn':>9} {'cpu ms/d':>8} {'connect s':>9}", flush=True)
    runs = await bench(args.subscribers, args.events, args.interval)
    ours = {run.subscribers: run for run in runs if run.server == "Atelier"}
    goals = {
        "p99_under_250ms_at_1000": 1000 in ours and ours[1000].p99_ms < GOAL_P99_MS,
        "no_loss_at_5000": 5000 in ours and ours[5000].complete_share == 1.0,
    }
    print(f"\ngoals: {goals}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"events": args.events, "interval_seconds": args.interval,
                                   "runs": [asdict(run) for run in runs], "goals": goals},
                                  indent=2))
    print(f"wrote {RESULTS}")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--events", type=int, default=20)
    parser.add_argument("--interval", type=float, default=0.25)
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main_async(_arguments()))
