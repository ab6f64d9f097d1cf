"""Opens and closes every backing service a process needs: database, Redis, queue and storage."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from arq.connections import ArqRedis
from beanie import init_beanie
from pymongo import AsyncMongoClient
from redis.asyncio import ConnectionPool, Redis

from app.config import Settings
from app.models import DOCUMENT_MODELS
from app.models.asset import Asset
from app.services.asset_details import CatalogLimits
from app.services.asset_outcomes import AssetOutcomeLog
from app.services.asset_trash import AssetTrash
from app.services.asset_versions import AssetVersionService
from app.services.assets import AssetService, LabelLimits
from app.services.audit import AuditLog
from app.services.auth import TokenService
from app.services.conversions import ConversionService, conversion_limits
from app.services.events import EventBus
from app.services.idempotency import IdempotencyService
from app.services.import_buckets import ImportBuckets
from app.services.imports import ImportLimits, ImportService
from app.services.job_log import JobLog, JobLogPolicy
from app.services.jobs import JobLimits, JobService
from app.services.live import LiveService
from app.services.output_expiry import OutputExpiry
from app.services.own_writes import OWN_WRITES
from app.services.page_cache import PageCache
from app.services.projects import ProjectService
from app.services.queue import JobQueue
from app.services.renders import RenderService, render_limits
from app.services.scenes import SceneLimits, SceneService
from app.services.scenes.trash import SceneTrash
from app.services.storage import Storage
from app.services.storage.filesystem import FilesystemStorage
from app.services.storage.signing import UrlSigner
from app.services.storage_imports import StorageImportService
from app.services.storage_sweep import StorageSweeper
from app.services.token_watch import TokenWatch
from app.services.trash import Trash
from app.services.trash_sweep import TrashSweeper
from app.services.uploads import UploadService
from app.services.usage import Quotas, UsageService


def storage_sweeper(settings: Settings, storage: Storage,
                    mongo: AsyncMongoClient[Any]) -> StorageSweeper:
    return StorageSweeper(storage, mongo, settings.database_name,
                          grace=timedelta(hours=settings.storage_sweep_grace_hours),
                          interval=timedelta(minutes=settings.storage_sweep_interval_minutes),
                          fault_inject=settings.fault_inject,
                          lease=timedelta(seconds=settings.storage_sweep_lease_seconds))


def open_storage(settings: Settings) -> Storage:
    if settings.s3_bucket:
        from app.services.storage.s3 import S3Storage

        return S3Storage(settings)
    if not settings.secret_key:
        raise RuntimeError("the filesystem store signs its URLs: set ATELIER_SECRET_KEY")
    return FilesystemStorage(settings.embedded_storage_dir, UrlSigner(settings.secret_key))


# A dead server is found by server selection and connect within the dependency timeout; the
# socket timeout only catches a hung one, so it leaves room for the slowest real query.
SOCKET_TIMEOUT_FACTOR = 5
# A transaction may retry transient errors (write conflicts) within this many timeouts.
TRANSACTION_TIMEOUT_FACTOR = 2


def redis_timeouts(settings: Settings) -> dict[str, Any]:
    """Redis commands fail within the dependency timeout when Redis is down (retried once)."""
    seconds = settings.dependency_timeout_seconds
    return {"socket_timeout": seconds, "socket_connect_timeout": seconds,
            "retry_on_timeout": True}


def open_mongo(settings: Settings, *, long_operations: bool = False) -> AsyncMongoClient[Any]:
    """`long_operations`: an operator's command (backup, restore, fsck, audit export), whose
    index builds and whole-collection reads may outlast the socket timeout; a dead server is
    still found within the dependency timeout by server selection and connect."""
    milliseconds = int(settings.dependency_timeout_seconds * 1000)
    return AsyncMongoClient(settings.mongodb_url, tz_aware=True, event_listeners=[OWN_WRITES],
                            serverSelectionTimeoutMS=milliseconds,
                            connectTimeoutMS=milliseconds,
                            socketTimeoutMS=None if long_operations
                            else milliseconds * SOCKET_TIMEOUT_FACTOR)


def open_arq(settings: Settings) -> ArqRedis:
    """arq's client with the same timeouts (arq's own settings have no socket timeout)."""
    pool = ConnectionPool.from_url(settings.redis_url or "", **redis_timeouts(settings))
    return ArqRedis(pool, default_queue_name=settings.queue_name)


def job_log_policy(settings: Settings) -> JobLogPolicy:
    return JobLogPolicy(
        transaction_seconds=settings.dependency_timeout_seconds * TRANSACTION_TIMEOUT_FACTOR,
        event_retention_seconds=settings.job_event_retention_seconds,
        progress_min_interval_seconds=settings.job_progress_min_interval_seconds,
        fault_inject=settings.fault_inject)


@dataclass
class Services:
    settings: Settings
    mongo: AsyncMongoClient[Any]
    redis: Redis
    arq: ArqRedis
    storage: Storage
    bus: EventBus
    tokens: TokenService
    projects: ProjectService
    token_watch: TokenWatch
    jobs: JobService
    assets: AssetService
    live: LiveService
    renders: RenderService
    conversions: ConversionService
    scenes: SceneService
    uploads: UploadService
    idempotency: IdempotencyService
    audit: AuditLog
    usage: UsageService
    imports: ImportService
    storage_imports: StorageImportService
    asset_trash: AssetTrash
    asset_versions: AssetVersionService
    scene_trash: SceneTrash
    trash_sweeper: TrashSweeper
    output_expiry: OutputExpiry
    storage_sweeper: StorageSweeper

    @classmethod
    async def open(cls, settings: Settings) -> Services:
        if not settings.mongodb_url or not settings.redis_url:
            raise RuntimeError("set ATELIER_MONGODB_URL and ATELIER_REDIS_URL (or use `serve`)")
        mongo = open_mongo(settings)
        await init_beanie(database=mongo[settings.database_name], document_models=DOCUMENT_MODELS)
        redis = Redis.from_url(settings.redis_url, **redis_timeouts(settings))
        arq = open_arq(settings)
        storage = open_storage(settings)
        await storage.prepare()
        bus = EventBus(redis)
        job_log = JobLog(mongo, redis, job_log_policy(settings))
        jobs = JobService(job_log, JobQueue(arq, settings.queue_name), settings.max_page_size,
                          JobLimits.from_settings(settings))
        outcomes = AssetOutcomeLog(settings.asset_event_retention_seconds)
        usage = UsageService(Quotas.from_settings(settings))
        live = LiveService(mongo[settings.database_name], job_log, settings)
        pages: PageCache[Asset] = PageCache(live.feed, Asset.Settings.name,
                                            seconds=settings.list_cache_seconds,
                                            most=settings.list_cache_pages)
        assets = AssetService(storage, jobs, outcomes, max_upload_bytes=settings.max_upload_bytes,
                              labels=LabelLimits.from_settings(settings),
                              max_page_size=settings.max_page_size,
                              details=CatalogLimits.from_settings(settings),
                              fault_inject=settings.fault_inject, usage=usage, pages=pages)
        scenes = SceneService(storage, SceneLimits.from_settings(settings))
        versions = AssetVersionService(assets, settings.max_page_size,
                                       follow=scenes.follow_asset_version)
        trash = Trash(mongo, timedelta(days=settings.trash_retention_days),
                      transaction_seconds=job_log.policy.transaction_seconds)
        tokens = TokenService(settings.admin_token, bus, settings.token_cache_seconds)
        token_watch = TokenWatch(tokens, bus, redis,
                                 recheck_seconds=settings.ws_token_recheck_seconds,
                                 max_sockets_per_token=settings.ws_max_connections_per_token,
                                 min_lease_seconds=settings.ws_socket_lease_min_seconds)
        return cls(settings=settings, mongo=mongo, redis=redis, arq=arq, storage=storage,
                   bus=bus, tokens=tokens, token_watch=token_watch, jobs=jobs, assets=assets,
                   live=live,
                   uploads=UploadService.from_settings(assets, versions, storage, arq, settings),
                   scenes=scenes, projects=ProjectService.from_settings(settings, live.feed),
                   renders=RenderService(jobs, storage, render_limits(settings), scenes=scenes),
                   conversions=ConversionService(jobs, storage, redis, conversion_limits(settings)),
                   idempotency=IdempotencyService(settings.idempotency_key_ttl_seconds,
                                                  settings.idempotency_key_max_length),
                   audit=AuditLog(settings.audit_retention_seconds, settings.max_page_size),
                   usage=usage, imports=ImportService(assets, ImportLimits.from_settings(settings)),
                   storage_imports=StorageImportService(ImportBuckets(settings), assets, jobs),
                   asset_trash=AssetTrash(assets, trash), scene_trash=SceneTrash(scenes, trash),
                   asset_versions=versions,
                   trash_sweeper=TrashSweeper(storage),
                   output_expiry=OutputExpiry(
                       storage, timedelta(days=settings.output_retention_days)),
                   storage_sweeper=storage_sweeper(settings, storage, mongo))

    async def close(self) -> None:
        await self.token_watch.close()
        await self.live.close()
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
