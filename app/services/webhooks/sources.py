"""Reading the durable logs for webhook events: asset outcomes (`asset_events`, in sequence
order), finished jobs (the job documents) and scene revisions (kept on each scene).

Asset outcomes commit in sequence order, so their cursor is exact. Jobs and scenes carry only
times written by many processes, which may commit out of order by up to a transaction's
length and a clock's skew: their cursor is a time, and every scan reads again the `OVERLAP`
before it. What is read twice is recorded once (the deliveries' unique index), so the overlap
costs reads, never duplicates.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.models.asset import AssetStatus
from app.models.asset_event import AssetEvent
from app.models.job import Job, JobStatus
from app.models.scene import Scene
from app.models.webhook import WebhookEventName

OVERLAP = timedelta(seconds=30)
BATCH = 500

_JOB_EVENTS = {JobStatus.SUCCEEDED.value: WebhookEventName.JOB_SUCCEEDED,
               JobStatus.FAILED.value: WebhookEventName.JOB_FAILED}


@dataclass(frozen=True)
class SourceEvent:
    """One event as read from its log; `key` names it uniquely within its kind of event."""

    owner: str
    name: WebhookEventName
    key: str
    at: datetime
    data: dict[str, Any]
    sequence: int = 0  # an asset outcome's place in its log


async def asset_outcomes(after: int) -> list[SourceEvent]:
    """Up to BATCH outcomes after sequence `after`, in order; `key` is the sequence."""
    found = await AssetEvent.get_pymongo_collection().find(
        {"sequence": {"$gt": after}}).sort("sequence", 1).limit(BATCH).to_list()
    return [_asset_event(document) for document in found]


def _asset_event(document: dict[str, Any]) -> SourceEvent:
    snapshot = document["snapshot"]
    name = (WebhookEventName.ASSET_READY if document["status"] == AssetStatus.READY.value
            else WebhookEventName.ASSET_FAILED)
    asset = {"id": snapshot["_id"], "name": snapshot.get("name"), "status": document["status"],
             "error": snapshot.get("error")}
    return SourceEvent(document["owner"], name, f"asset-event:{document['sequence']}",
                       document["created_at"], {"asset": asset},
                       sequence=int(document["sequence"]))


async def finished_jobs(since: datetime) -> AsyncIterator[list[SourceEvent]]:
    """Jobs that succeeded or failed from `since - OVERLAP` on, in batches in finish order."""
    cursor = Job.get_pymongo_collection().find(
        {"finished_at": {"$gte": since - OVERLAP}},
        {"owner": 1, "kind": 1, "status": 1, "finished_at": 1, "asset_id": 1, "scene_id": 1,
         "error": 1}).sort("finished_at", 1)
    batch: list[SourceEvent] = []
    async for document in cursor:
        name = _JOB_EVENTS.get(document["status"])
        if name is not None:
            batch.append(_job_event(document, name))
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _job_event(document: dict[str, Any], name: WebhookEventName) -> SourceEvent:
    job = {"id": document["_id"], "kind": document["kind"], "status": document["status"],
           "assetId": document.get("asset_id"), "sceneId": document.get("scene_id"),
           "error": document.get("error")}
    return SourceEvent(document["owner"], name, f"job:{document['_id']}",
                       document["finished_at"], {"job": job})


async def scene_revisions(since: datetime) -> AsyncIterator[list[SourceEvent]]:
    """Revisions of scenes updated from `since - OVERLAP` on, made in that window, in batches.
    A scene keeps its recent revisions only; one updated faster than a scan reads is told of
    each version it still keeps."""
    start = since - OVERLAP
    cursor = Scene.get_pymongo_collection().find(
        {"updated_at": {"$gte": start}},
        {"owner": 1, "name": 1, "version": 1, "revisions": 1}).sort("updated_at", 1)
    batch: list[SourceEvent] = []
    async for document in cursor:
        batch.extend(_scene_event(document, revision) for revision in document["revisions"]
                     if revision["at"] >= start)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _scene_event(document: dict[str, Any], revision: dict[str, Any]) -> SourceEvent:
    scene = {"id": document["_id"], "name": document["name"], "version": revision["version"]}
    changes = [{"kind": change["kind"], "targetId": change.get("target_id")}
               for change in revision["changes"]]
    return SourceEvent(document["owner"], WebhookEventName.SCENE_CHANGED,
                       f"scene:{document['_id']}:{revision['version']}", revision["at"],
                       {"scene": scene, "changes": changes})
