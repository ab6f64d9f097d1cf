"""Live streams for subscriptions: job events and asset outcomes, gapless and restart-safe.

Redis only wakes a stream up; what it sends is always read from the database, so a missed
notice delays an event by at most `poll_seconds` and never loses it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from app.errors import NotFound
from app.models.asset import TERMINAL_ASSET_STATUSES, Asset
from app.models.job import Job
from app.models.token import Scope
from app.services.auth import Principal
from app.services.events import ASSET_READY_TOPIC, EventBus, job_topic
from app.services.job_log import JobLog


class LiveService:
    def __init__(self, bus: EventBus, job_log: JobLog, poll_seconds: float = 5.0) -> None:
        self.bus = bus
        self.job_log = job_log
        self.poll_seconds = poll_seconds

    async def job_events(
        self, principal: Principal, job_id: str, after_sequence: int | None
    ) -> AsyncIterator[tuple[int, Job]]:
        """The current state (or every event after `after_sequence`), then each change,
        ending after a terminal state."""
        principal.require(Scope.JOBS_READ)
        async with self.bus.subscribe(job_topic(job_id)) as notices:
            job = await Job.get(job_id)
            if job is None or not principal.can_access(job.owner):
                raise NotFound(f"no job with id {job_id}", field=["jobId"])
            if after_sequence is None:
                yield job.sequence, job
                last = job.sequence
            else:
                last = after_sequence
            while not (job.is_terminal and last >= job.sequence):
                events = await self.job_log.events_after(job_id, last)
                for event in events:
                    job = Job.model_validate(event.snapshot)
                    yield event.sequence, job
                    last = event.sequence
                if not events and await notices.next(self.poll_seconds) is None:
                    job = await Job.get(job_id) or job

    async def asset_outcomes(
        self, principal: Principal, asset_id: str | None
    ) -> AsyncIterator[Asset]:
        """Assets reaching READY or FAILED: one asset (ending after it), or all the viewer sees."""
        principal.require(Scope.ASSETS_READ)
        async with self.bus.subscribe(ASSET_READY_TOPIC) as notices:
            if asset_id is not None:
                asset = await Asset.get(asset_id)
                if asset is None or not principal.can_access(asset.owner):
                    raise NotFound(f"no asset with id {asset_id}", field=["assetId"])
                if asset.status in TERMINAL_ASSET_STATUSES:
                    yield asset
                    return
            while True:
                notice = await notices.next(self.poll_seconds)
                if notice is None:
                    if asset_id is not None:
                        asset = await Asset.get(asset_id)
                        if asset is not None and asset.status in TERMINAL_ASSET_STATUSES:
                            yield asset
                            return
                    continue
                if asset_id is not None and notice.get("asset_id") != asset_id:
                    continue
                if not principal.can_access(str(notice.get("owner"))):
                    continue
                asset = await Asset.get(str(notice.get("asset_id")))
                if asset is None or not principal.can_access(asset.owner):
                    continue
                yield asset
                if asset_id is not None:
                    return
