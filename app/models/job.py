"""The Job document (source of truth for a job) and its append-only event log."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum, StrEnum
from typing import Any

import pymongo
from beanie import Document
from pydantic import Field
from pymongo import IndexModel

from app.models.common import ErrorInfo, StoredFile, new_id, utcnow


class JobKind(StrEnum):
    INGEST = "INGEST"
    CONVERT = "CONVERT"
    RENDER = "RENDER"
    IMPORT = "IMPORT"


class JobStatus(StrEnum):
    QUEUED = "QUEUED"
    RUNNING = "RUNNING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"


class JobPriority(IntEnum):
    """Higher goes first: an owner's waiting jobs are handed to the queue by priority, then age,
    and an interactive delivery is put ahead of the queue's waiting work."""

    BULK = -1  # a storage import: its owner's ingests it queued go first
    STANDARD = 0
    INTERACTIVE = 1  # a person waits on it: a render of one image


TERMINAL_JOB_STATUSES = frozenset({JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED})


class Job(Document):
    id: str = Field(default_factory=lambda: new_id("job"))  # type: ignore[assignment]
    owner: str
    kind: JobKind
    status: JobStatus = JobStatus.QUEUED
    progress: float = 0.0
    stage: str | None = None
    message: str | None = None
    attempts: int = 0
    sequence: int = 1
    cancel_requested: bool = False
    # Handed to the queue (a bounded number per owner at a time, see JobService.dispatch);
    # each hand-over is a new delivery, so a job queued again is never mistaken for its last.
    dispatched: bool = True
    priority: JobPriority = JobPriority.STANDARD
    deliveries: int = 0
    created_at: datetime = Field(default_factory=utcnow)
    started_at: datetime | None = None
    finished_at: datetime | None = None
    lease_expires_at: datetime | None = None
    error: ErrorInfo | None = None
    asset_id: str | None = None
    scene_id: str | None = None
    # The project whose usage it counts in: its asset's or scene's when it was made, else its
    # owner's personal one; None on jobs stored before, until the reaper fills it in.
    project_id: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    # The asset version an ingest made, or a render or conversion read.
    asset_version: int | None = None
    outputs: list[StoredFile] = Field(default_factory=list)
    # A COMPRESS conversion's CompressionReport (app/geometry/convert/quantization.py) as JSON.
    compression: dict[str, Any] | None = None
    # A render's or conversion's outputs are kept past ATELIER_OUTPUT_RETENTION_DAYS.
    pinned: bool = False

    class Settings:
        name = "jobs"
        indexes = [
            # Pages: the filter's equality fields, then `_id` for the newest-first sort.
            IndexModel([("owner", pymongo.ASCENDING), ("_id", pymongo.DESCENDING)]),
            IndexModel([("owner", pymongo.ASCENDING), ("status", pymongo.ASCENDING),
                        ("_id", pymongo.DESCENDING)]),
            IndexModel([("owner", pymongo.ASCENDING), ("kind", pymongo.ASCENDING),
                        ("_id", pymongo.DESCENDING)]),
            IndexModel([("asset_id", pymongo.ASCENDING), ("_id", pymongo.DESCENDING)]),
            IndexModel([("status", pymongo.ASCENDING), ("lease_expires_at", pymongo.ASCENDING)]),
            IndexModel([("owner", pymongo.ASCENDING), ("status", pymongo.ASCENDING),
                        ("dispatched", pymongo.ASCENDING), ("priority", pymongo.DESCENDING),
                        ("created_at", pymongo.ASCENDING)]),
            IndexModel([("status", pymongo.ASCENDING), ("dispatched", pymongo.ASCENDING)]),
            IndexModel([("finished_at", pymongo.ASCENDING)]),  # webhook scans
            # Usage this month (app/services/usage.py): one owner's jobs, or every owner's.
            IndexModel([("owner", pymongo.ASCENDING), ("created_at", pymongo.ASCENDING)]),
            IndexModel([("created_at", pymongo.ASCENDING)]),
            # A project's usage: its unfinished jobs, and its jobs this month; the reaper finds
            # jobs stored before projects through the first.
            IndexModel([("project_id", pymongo.ASCENDING), ("status", pymongo.ASCENDING)]),
            IndexModel([("project_id", pymongo.ASCENDING), ("created_at", pymongo.ASCENDING)]),
        ]

    @property
    def is_terminal(self) -> bool:
        return self.status in TERMINAL_JOB_STATUSES


class JobEvent(Document):
    """A snapshot of a job after one change; `sequence` rises by one per job. Events of a
    finished job get `expires_at` and the TTL index removes them then."""

    job_id: str
    sequence: int
    snapshot: dict[str, Any]
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime | None = None

    class Settings:
        name = "job_events"
        indexes = [
            IndexModel(
                [("job_id", pymongo.ASCENDING), ("sequence", pymongo.ASCENDING)], unique=True
            ),
            IndexModel([("expires_at", pymongo.ASCENDING)], expireAfterSeconds=0),
        ]
