"""Idempotency keys: a creating mutation retried with the same key (after a lost answer, say)
returns what the first request created instead of creating it again.

The first request claims the key (owner + key, unique), runs, and stores the ids it made; a
retry with the same request reads them back, one with a different request (or while the first
still runs) is CONFLICT. A failed request releases its key, since it created nothing. Keys
expire after the configured time (a TTL index); a claim whose request died expires sooner.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Generic, TypeVar

from pymongo.errors import DuplicateKeyError

from app.errors import AtelierError, Conflict, ErrorCode, InvalidInput, NotFound
from app.models.asset import Asset
from app.models.common import utcnow
from app.models.idempotency import IdempotencyRecord
from app.models.job import Job
from app.models.scene import Scene
from app.services.assets import Uploaded
from app.services.uploads import DirectUpload, UploadService

T = TypeVar("T")
# A claim whose request never finished (its process died) frees the key after this long.
UNFINISHED_CLAIM_SECONDS = 300
FIELD = ["idempotency_key"]


@dataclass(frozen=True)
class Replay(Generic[T]):
    """How a result is kept (as ids) and read back for a retry."""

    remember: Callable[[T], dict[str, Any]]
    recall: Callable[[dict[str, Any]], Awaitable[T]]


async def _job(ids: dict[str, Any]) -> Job:
    job = await Job.get(ids["job_id"])
    if job is None:
        raise NotFound("what this idempotency key created no longer exists", field=FIELD)
    return job


async def _scene(ids: dict[str, Any]) -> Scene:
    scene = await Scene.get(ids["scene_id"])
    if scene is None:
        raise NotFound("what this idempotency key created no longer exists", field=FIELD)
    return scene


async def _asset(asset_id: str) -> Asset:
    asset = await Asset.get(asset_id)
    if asset is None:
        raise NotFound("what this idempotency key created no longer exists", field=FIELD)
    return asset


def _uploaded_ids(uploaded: Uploaded) -> dict[str, Any]:
    return {"asset_id": uploaded.asset.id, "job_id": uploaded.job.id if uploaded.job else None,
            "reused": uploaded.reused}


async def _uploaded(ids: dict[str, Any]) -> Uploaded:
    job = await Job.get(ids["job_id"]) if ids["job_id"] else None
    return Uploaded(await _asset(ids["asset_id"]), job, reused=ids["reused"])


def _batch_ids(results: list[Uploaded | AtelierError]) -> dict[str, Any]:
    return {"uploads": [
        {"error": {"code": r.code.value, "message": r.message, "field": r.field}}
        if isinstance(r, AtelierError) else _uploaded_ids(r) for r in results]}


async def _batch(ids: dict[str, Any]) -> list[Uploaded | AtelierError]:
    return [AtelierError(entry["error"]["message"], code=ErrorCode(entry["error"]["code"]),
                         field=entry["error"]["field"]) if "error" in entry
            else await _uploaded(entry) for entry in ids["uploads"]]


JOB_REPLAY: Replay[Job] = Replay(lambda job: {"job_id": job.id}, _job)
SCENE_REPLAY: Replay[Scene] = Replay(lambda scene: {"scene_id": scene.id}, _scene)
UPLOADED_REPLAY: Replay[Uploaded] = Replay(_uploaded_ids, _uploaded)
BATCH_REPLAY: Replay[list[Uploaded | AtelierError]] = Replay(_batch_ids, _batch)


def direct_upload_replay(uploads: UploadService, base_url: str) -> Replay[DirectUpload]:
    """A retried direct upload gets its asset again, with a fresh URL while bytes are due."""

    async def recall(ids: dict[str, Any]) -> DirectUpload:
        if ids["reused"]:
            return DirectUpload(await _asset(ids["asset_id"]), None, reused=True)
        return await uploads.resume(ids["asset_id"], base_url)

    return Replay(lambda made: {"asset_id": made.asset.id, "reused": made.reused}, recall)


def fingerprint(request: dict[str, Any]) -> str:
    """The same digest for the same operation and arguments, whatever their order."""
    canonical = json.dumps(request, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


class IdempotencyService:
    def __init__(self, ttl_seconds: float, max_key_length: int) -> None:
        self.ttl_seconds = ttl_seconds
        self.max_key_length = max_key_length

    async def once(self, owner: str, key: str | None, request: dict[str, Any],
                   create: Callable[[], Awaitable[T]], replay: Replay[T]) -> T:
        """`create()`, unless `key` already created something for this request."""
        if key is None:
            return await create()
        if not 1 <= len(key) <= self.max_key_length:
            raise InvalidInput(f"an idempotency key has 1 to {self.max_key_length} characters",
                               field=FIELD)
        record_id = _record_id(owner, key)
        digest = fingerprint(request)
        existing = await self._claim(record_id, owner, digest)
        if existing is not None:
            return await replay.recall(existing)
        try:
            result = await create()
        except BaseException:
            await IdempotencyRecord.find_one({"_id": record_id, "result": None}).delete()
            raise
        await IdempotencyRecord.get_pymongo_collection().update_one(
            {"_id": record_id},
            {"$set": {"result": replay.remember(result),
                      "expires_at": utcnow() + timedelta(seconds=self.ttl_seconds)}})
        return result

    async def _claim(self, record_id: str, owner: str, digest: str) -> dict[str, Any] | None:
        """Take the key for this request (None), or the ids its first run stored."""
        claim = IdempotencyRecord(
            id=record_id, owner=owner, fingerprint=digest,
            expires_at=utcnow() + timedelta(seconds=UNFINISHED_CLAIM_SECONDS))
        try:
            await IdempotencyRecord.get_pymongo_collection().insert_one(
                claim.model_dump(by_alias=True))
            return None
        except DuplicateKeyError:
            found = await IdempotencyRecord.get(record_id)
        if found is None:  # it expired in between: claim it again
            return await self._claim(record_id, owner, digest)
        if found.fingerprint != digest:
            raise Conflict("this idempotency key was used for a different request", field=FIELD)
        if found.result is None:
            raise Conflict("a request with this idempotency key is still running; retry later",
                           field=FIELD)
        return found.result


def _record_id(owner: str, key: str) -> str:
    return "idem_" + hashlib.sha256(f"{owner}\x00{key}".encode()).hexdigest()
