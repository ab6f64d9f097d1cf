"""Opens and closes every backing service a process needs: database, Redis, queue and storage."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass

from arq.connections import ArqRedis, RedisSettings, create_pool
from beanie import init_beanie
from pymongo import AsyncMongoClient
from redis.asyncio import Redis

from app.config import Settings
from app.models import DOCUMENT_MODELS
from app.services.assets import AssetService
from app.services.auth import TokenService
from app.services.conversions import ConversionService, conversion_limits
from app.services.events import EventBus
from app.services.job_log import JobLog
from app.services.jobs import JobLimits, JobService
from app.services.live import LiveService
from app.services.queue import JobQueue
from app.services.renders import RenderService, render_limits
from app.services.scenes import SceneLimits, SceneService
from app.services.storage import Storage
from app.services.storage.filesystem import FilesystemStorage
from app.services.storage.signing import UrlSigner
from app.services.token_watch import TokenWatch
from app.services.uploads import UploadService


def open_storage(settings: Settings) -> Storage:
    if settings.s3_bucket:
        from app.services.storage.s3 import S3Storage

        return S3Storage(settings)
    if not settings.secret_key:
        raise RuntimeError("the filesystem store signs its URLs: set ATELIER_SECRET_KEY")
    return FilesystemStorage(settings.embedded_storage_dir, UrlSigner(settings.secret_key))


@dataclass
class Services:
    settings: Settings
    mongo: AsyncMongoClient
    redis: Redis
    arq: ArqRedis
    storage: Storage
    bus: EventBus
    tokens: TokenService
    token_watch: TokenWatch
    jobs: JobService
    assets: AssetService
    live: LiveService
    renders: RenderService
    conversions: ConversionService
    scenes: SceneService
    uploads: UploadService

    @classmethod
    async def open(cls, settings: Settings) -> Services:
        if not settings.mongodb_url or not settings.redis_url:
            raise RuntimeError("set ATELIER_MONGODB_URL and ATELIER_REDIS_URL (or use `serve`)")
        mongo: AsyncMongoClient = AsyncMongoClient(settings.mongodb_url, tz_aware=True)
        await init_beanie(database=mongo[settings.database_name], document_models=DOCUMENT_MODELS)
        redis = Redis.from_url(settings.redis_url)
        arq = await create_pool(RedisSettings.from_dsn(settings.redis_url),
                                default_queue_name=settings.queue_name)
        storage = open_storage(settings)
        await storage.prepare()
        bus = EventBus(redis)
        job_log = JobLog(mongo, bus, redis)
        jobs = JobService(job_log, JobQueue(arq, settings.queue_name), settings.max_page_size,
                          JobLimits.from_settings(settings))
        assets = AssetService(storage, jobs, bus, max_upload_bytes=settings.max_upload_bytes,
                              max_page_size=settings.max_page_size)
        scenes = SceneService(storage, bus, SceneLimits.from_settings(settings))
        tokens = TokenService(settings.admin_token, bus)
        token_watch = TokenWatch(tokens, bus, redis,
                                 recheck_seconds=settings.ws_token_recheck_seconds,
                                 max_sockets_per_token=settings.ws_max_connections_per_token)
        return cls(settings=settings, mongo=mongo, redis=redis, arq=arq, storage=storage,
                   bus=bus, tokens=tokens, token_watch=token_watch, jobs=jobs, assets=assets,
                   live=LiveService(bus, job_log),
                   uploads=UploadService.from_settings(assets, storage, arq, settings),
                   scenes=scenes,
                   renders=RenderService(jobs, storage, render_limits(settings), scenes=scenes),
                   conversions=ConversionService(jobs, storage, redis, conversion_limits(settings)))

    async def close(self) -> None:
        await self.token_watch.close()
        await self.bus.close()
        await self.arq.aclose()
        await self.redis.aclose()
        await self.storage.aclose()
        await self.mongo.close()

    async def readiness(self) -> dict[str, str]:
        """'ok' or the error for each backing service, each checked with a short timeout."""
        checks = {
            "database": self.mongo.admin.command("ping"),
            "queue": self.redis.ping(),
            "storage": self.storage.ping(),
        }
        results: dict[str, str] = {}
        for name, check in checks.items():
            try:
                await asyncio.wait_for(check, timeout=2.0)
                results[name] = "ok"
            except Exception as exc:  # any failure at all means not ready
                results[name] = f"{type(exc).__name__}: {exc}"[:200]
        return results


@contextlib.asynccontextmanager
async def opened_services(settings: Settings) -> AsyncIterator[Services]:
    services = await Services.open(settings)
    try:
        yield services
    finally:
        await services.close()
