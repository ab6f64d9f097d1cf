"""One attempt at a job: claims it, reports stages and progress, and records how it ended."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from app.errors import AtelierError, ErrorCode
from app.models.common import ErrorInfo, StoredFile, utcnow
from app.models.job import Job, JobStatus
from app.services.job_log import AlsoWrite, JobLog


class JobCancelled(AtelierError):
    code = ErrorCode.CANCELLED


class TurnOver(Exception):
    """A long job (a bundle) gives its worker slot back between steps: queued again, with
    what it did kept, rather than finished."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class JobRun:
    def __init__(self, log: JobLog, job: Job) -> None:
        self.log = log
        self.job = job
        # A run starts with a write (its claim), so the first progress tick is coalesced too.
        self._last_write = time.monotonic()
        # The claimed attempt's stage changes as written, for its stage metrics at the end.
        self._trail: list[tuple[object, datetime]] | None = None

    @classmethod
    async def claim(
        cls, log: JobLog, job_id: str, *, lease_seconds: float, first_stage: str = "starting"
    ) -> JobRun | None:
        """Mark the job RUNNING for a new attempt, leased to this worker and already in
        `first_stage` (each write is a transaction); None when there is nothing to run."""
        now = utcnow()
        job = await log.apply(
            job_id,
            {"status": JobStatus.RUNNING.value, "started_at": now, "stage": first_stage,
             "progress": 0.0, "message": None, "error": None,
             "lease_expires_at": now + timedelta(seconds=lease_seconds)},
            only_if={"cancel_requested": False},
            increment={"attempts": 1},
        )
        if job is not None:
            run = cls(log, job)
            run._trail = [(first_stage, now)]
            return run
        existing = await Job.get(job_id)
        if existing is not None and not existing.is_terminal and existing.cancel_requested:
            await cls(log, existing).cancelled()
        return None

    def ensure_attempts_left(self, max_attempts: int) -> None:
        """Give up on a job whose worker keeps dying under it (each death costs an attempt)."""
        if self.job.attempts > max_attempts:
            raise AtelierError(
                f"gave up after {max_attempts} attempts that did not finish",
                code=ErrorCode.INTERNAL,
            )

    async def stage(
        self, name: str, progress: float, message: str | None = None, *,
        outputs: list[StoredFile] | None = None, also: AlsoWrite | None = None,
    ) -> None:
        """Enter a named stage, listing the outputs done so far if given (with `also` in the
        same transaction); raises JobCancelled if the user asked to stop."""
        changes: dict[str, Any] = {"stage": name, "progress": progress, "message": message}
        if outputs is not None:
            changes["outputs"] = [output.model_dump() for output in outputs]
        await self._write(changes, force=True, also=also)

    def within(self, start: float, end: float) -> Callable[[str, float], Awaitable[None]]:
        """A progress callback mapping a sub-task's 0..1 onto [start, end] of this job."""

        async def report(stage: str, fraction: float) -> None:
            progress = start + (end - start) * min(max(fraction, 0.0), 1.0)
            await self._write({"stage": stage, "progress": round(progress, 4)},
                              force=stage != self.job.stage)

        return report

    async def succeed(self, outputs: list[StoredFile] | None = None, message: str | None = None,
                      compression: dict[str, Any] | None = None, also: AlsoWrite | None = None
                      ) -> None:
        """End SUCCEEDED with `outputs`, and `also` in the same transaction."""
        await self._finish(JobStatus.SUCCEEDED, stage="done", message=message,
                           outputs=[o.model_dump() for o in outputs or []], progress=1.0,
                           compression=compression, also=also)

    async def fail(self, error: AtelierError) -> None:
        await self._finish(JobStatus.FAILED, stage="failed", message=error.message,
                           error=ErrorInfo(code=error.code.value, message=error.message))

    async def cancelled(self) -> None:
        await self._finish(JobStatus.CANCELLED, stage="cancelled", message="cancelled",
                           error=ErrorInfo(code="CANCELLED", message="cancelled by the user"))

    async def requeue(self, reason: str) -> None:
        """Hand the job back to the queue after a passing fault; arq delivers it again."""
        await self._write({"status": JobStatus.QUEUED.value, "stage": "retrying",
                           "message": reason}, force=True, check_cancel=False)

    async def queue_again(self, reason: str) -> None:
        """Give the worker slot back and wait for the job's next turn behind other owners'
        jobs (a long bundle between members); not a new attempt."""
        updated = await self.log.apply(
            self.job.id,
            {"status": JobStatus.QUEUED.value, "stage": "waiting its turn", "message": reason,
             "dispatched": False, "lease_expires_at": None},
            increment={"attempts": -1})
        if updated is not None:
            self.job = updated

    async def _finish(self, status: JobStatus, *, error: ErrorInfo | None = None,
                      also: AlsoWrite | None = None, **fields: Any) -> None:
        now = utcnow()
        changes = {"status": status.value, "finished_at": now,
                   "error": error.model_dump() if error else None, **fields}
        trail = None if self._trail is None else [*self._trail, (fields.get("stage"), now)]
        updated = await self.log.apply(self.job.id, changes, also=also, trail=trail)
        if updated is not None:
            self.job = updated

    async def _write(self, changes: dict[str, Any], *, force: bool,
                     check_cancel: bool = True, also: AlsoWrite | None = None) -> None:
        # Progress inside a stage is coalesced (each write is an event); stage changes never are.
        now = time.monotonic()
        interval = self.log.policy.progress_min_interval_seconds
        if not force and now - self._last_write < interval:
            return
        written_at = utcnow()
        updated = await self.log.apply(self.job.id, changes, also=also)
        if updated is None:
            raise JobCancelled("the job was finished elsewhere")
        self._last_write = now
        if self._trail is not None and "stage" in changes:
            self._trail.append((changes["stage"], written_at))
        self.job = updated
        if check_cancel and updated.cancel_requested:
            raise JobCancelled("cancelled by the user")
