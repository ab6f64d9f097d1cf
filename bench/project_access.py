"""Benchmark the project access view a request reads when its process keeps none for the
caller (ProjectService.with_access: one indexed find of the caller's memberships) against an
uncached bearer-token check (one indexed find of the token by its hash) measured in the same
run, the floor: wall milliseconds each.

    .venv/bin/python -m bench.project_access [--repeats 300] [--projects 20]

The caller is a member of `--projects` projects besides its personal one. Writes
bench/results/project_access.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.models.project import ProjectRole
from app.models.token import Scope
from app.services.auth import ADMIN_PRINCIPAL, Principal
from app.services.container import Services, opened_services

RESULTS = Path(__file__).resolve().parent / "results" / "project_access.json"


async def median_ms(call: Callable[[], Awaitable[object]], repeats: int) -> float:
    for _ in range(20):  # warm-up
        await call()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        await call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


async def measure(services: Services, repeats: int, projects: int) -> dict[str, float]:
    _, secret = await services.tokens.create(ADMIN_PRINCIPAL, owner="bench", name="bench",
                                             scopes=list(Scope)[:-1], expires_at=None)
    caller = await services.tokens.authenticate(f"Bearer {secret}")
    other = Principal(owner="other", scopes=frozenset(Scope) - {Scope.ADMIN})
    for number in range(projects):
        made = await services.projects.create(other, f"p{number}")
        await services.projects.set_member(ADMIN_PRINCIPAL, made.id, "bench", ProjectRole.VIEWER)
    # Every check reads the token, as a request does the first time a process sees it.
    services.tokens.cache.seconds = 0
    services.tokens.cache.forget(None)
    floor = await median_ms(lambda: services.tokens.authenticate(f"Bearer {secret}"), repeats)
    access = await median_ms(lambda: services.projects.with_access(caller), repeats)
    seen = len((await services.projects.with_access(caller)).projects.readable)
    assert seen == projects + 1, seen  # each project, and the personal one
    return {"floor: token check, ms": floor, "access view, ms": access}


async def main_async(repeats: int, projects: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="atelier-bench-") as tmp:
        work = Path(tmp)
        database = EmbeddedDatabase(work / "db", log_path=work / "db.log")
        redis = EmbeddedRedis(work / "redis", log_path=work / "redis.log")
        database.start()
        redis.start()
        try:
            # No view kept between calls: each is the read a request makes on a cache miss.
            settings = Settings(mongodb_url=database.url, redis_url=redis.url,
                                database_name="bench", secret_key="bench",
                                storage_dir=work / "objects", access_cache_seconds=0)
            async with opened_services(settings) as services:
                return await measure(services, repeats, projects)
        finally:
            redis.stop()
            database.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=300)
    parser.add_argument("--projects", type=int, default=20)
    args = parser.parse_args()
    rows = asyncio.run(main_async(args.repeats, args.projects))
    floor = rows["floor: token check, ms"]
    print(f"{'read':<28} {'median ms':>10} {'x floor':>8}")
    for name, value in rows.items():
        print(f"{name:<28} {value:>10.3f} {value / floor:>8.2f}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"repeats": args.repeats, "projects": args.projects,
                                   "rows": rows}, indent=2))
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
