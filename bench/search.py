"""Benchmark the assets list as the catalog grows: filters, orders and search over one owner's
1k, 10k (or more) assets, through AssetService.list on SecantusDB (as `atelier serve` runs it).

    .venv/bin/python -m bench.search [--sizes 1000 10000] [--repeats 5]

Each size is seeded (after a thousand assets of other owners, which no query may touch) and each
query is run `--repeats` times after a warm-up; the table gives the median milliseconds of a
page of 20, then of its totalCount (a separate count, paid only when asked), and how many
assets the query matches. On MongoDB every condition is served by an index; SecantusDB uses an
index only for a query on the owner and one other field, sorts every match in memory and counts
by scanning, so there only a selective single condition (a search word, a date or triangle
range) stays flat as the catalog grows. Writes bench/results/search.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.models.asset import Asset, AssetLicense, AssetStatus
from app.models.common import AssetStats
from app.models.token import Scope
from app.services.asset_search import AssetFilter, AssetOrder, AssetOrderKey
from app.services.auth import Principal
from app.services.container import Services, opened_services
from app.services.pagination import Page

OWNER = "bench-owner"
WORDS = [f"w{n:03d}" for n in range(400)]
TAGS = [f"tag{n}" for n in range(40)]
LICENSES = ["CC-BY-4.0", "CC0-1.0", "MIT", None]
RARE = "needle"  # in 20 assets at every size
START = datetime(2025, 1, 1, tzinfo=UTC)
VIEWER = Principal(owner=OWNER, scopes=frozenset({Scope.ASSETS_READ}))


def asset(owner: str, number: int, rng: random.Random) -> dict[str, Any]:
    words = rng.sample(WORDS, 3)
    made = Asset(
        owner=owner, name=" ".join(words[:2]), filename=f"{number}.glb",
        description=" ".join([*rng.sample(WORDS, 5), *([RARE] if number % 5000 < 20 else [])]),
        tags=rng.sample(TAGS, 2), size_bytes=rng.randrange(1_000, 10_000_000),
        status=AssetStatus.READY if number % 10 else AssetStatus.FAILED,
        stats=AssetStats(triangle_count=rng.randrange(10, 2_000_000),
                         animation_count=int(number % 7 == 0)) if number % 10 else None,
        license=AssetLicense(spdx_id=spdx) if (spdx := rng.choice(LICENSES)) else None,
        created_at=START + timedelta(minutes=number),
        updated_at=START + timedelta(minutes=rng.randrange(1_000_000)))
    document: dict[str, Any] = made.model_dump(by_alias=True)
    return document


async def seed(services: Services, total: int, already: int, rng: random.Random) -> None:
    collection = Asset.get_pymongo_collection()
    for start in range(already, total, 1000):
        await collection.insert_many([asset(OWNER, n, rng)
                                      for n in range(start, min(total, start + 1000))])


Listing = Callable[[Services], Awaitable[Page[Asset]]]


def queries() -> dict[str, Listing]:
    def listed(**arguments: Any) -> Listing:
        async def run(services: Services) -> Page[Asset]:
            return await services.assets.list(VIEWER, first=20, after=None, **{
                "where": AssetFilter(), **arguments})
        return run

    return {
        "newest": listed(),
        "status + tags (all)": listed(where=AssetFilter(status=[AssetStatus.READY],
                                                        tags=[TAGS[0], TAGS[1]])),
        "licence + animations": listed(where=AssetFilter(license=["CC0-1.0"],
                                                         has_animations=True)),
        "triangles 10..5000": listed(where=AssetFilter(min_triangles=10, max_triangles=5000)),
        "created in one hour": listed(where=AssetFilter(
            created_after=START + timedelta(minutes=300),
            created_before=START + timedelta(minutes=360))),
        "by name": listed(order=AssetOrder(AssetOrderKey.NAME, descending=False)),
        "by triangles": listed(order=AssetOrder(AssetOrderKey.TRIANGLES)),
        f"search '{RARE}'": listed(search=RARE),
        "search one common word": listed(search=WORDS[7]),
    }


def median_ms(times: list[float]) -> float:
    return round(statistics.median(times) * 1000, 2)


async def measure(services: Services, run: Listing, repeats: int) -> dict[str, Any]:
    """The median time of the page, and apart of its totalCount (only paid when asked)."""
    matched = await (await run(services)).count()
    pages, counts = [], []
    for _ in range(repeats):
        started = time.perf_counter()
        page = await run(services)
        pages.append(time.perf_counter() - started)
        started = time.perf_counter()
        await page.count()
        counts.append(time.perf_counter() - started)
    return {"page_ms": median_ms(pages), "count_ms": median_ms(counts), "matched": matched}


async def bench(sizes: list[int], repeats: int, work: Path) -> dict[str, Any]:
    database = EmbeddedDatabase(work / "db", log_path=work / "secantus.log")
    redis = EmbeddedRedis(work / "redis", log_path=work / "redis.log")
    database.start()
    redis.start()
    rng = random.Random(14)
    results: dict[str, Any] = {"sizes": sizes, "repeats": repeats, "queries": {}}
    try:
        settings = Settings(mongodb_url=database.url, redis_url=redis.url,
                            database_name="bench_search", secret_key="bench",
                            storage_dir=work / "objects")
        async with opened_services(settings) as services:
            await Asset.get_pymongo_collection().insert_many(
                [asset(f"other-{n % 10}", n, rng) for n in range(1000)])
            seeded = 0
            for size in sizes:
                await seed(services, size, seeded, rng)
                seeded = size
                for name, run in queries().items():
                    results["queries"].setdefault(name, []).append(
                        {"assets": size, **await measure(services, run, repeats)})
    finally:
        redis.stop()
        database.stop()
    return results


def table(results: dict[str, Any]) -> str:
    """One row per query; per size, the page's and the count's median ms and the matches."""
    sizes = results["sizes"]
    header = f"{'query':<24}" + "".join(f"{f'{size:,}: page / count, hits':>30}" for size in sizes)
    lines = [header, "-" * len(header)]
    for name, rows in results["queries"].items():
        cells = "".join(f"{row['page_ms']:>10.1f} /{row['count_ms']:>7.1f} ms {row['matched']:>7,}"
                        for row in rows)
        lines.append(f"{name:<24}{cells}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeats", type=int, default=5)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="atelier-bench-search-") as work:
        results = asyncio.run(bench(sorted(arguments.sizes), arguments.repeats, Path(work)))
    print(table(results))
    out = Path(__file__).parent / "results" / "search.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
