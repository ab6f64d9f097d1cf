"""Live streams for subscriptions: job events, asset outcomes and scene updates, each resumable
and gapless across API processes.

Every stream runs through `live_streams.live_stream` on one change feed per process: a change
is read from the database once and decoded once, then filtered in memory per subscriber.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pymongo.asynchronous.database import AsyncDatabase

from app.config import Settings
from app.errors import NotFound
from app.models.asset import TERMINAL_ASSET_STATUSES, Asset
from app.models.asset_event import AssetEvent
from app.models.job import Job, JobEvent
from app.models.scene import Scene, SceneRevision
from app.models.token import Scope
from app.services.asset_outcomes import (
    AssetOutcome,
    AssetOutcomeLog,
    decode_outcome_cursor,
    outcome_of,
)
from app.services.auth import Principal
from app.services.change_feed import ChangeFeed
from app.services.job_access import may_read
from app.services.job_log import JobLog
from app.services.live_streams import LiveSource, Opening, live_stream
from app.services.scenes import SceneSource, decode_scene

# Events read at a time when a stream replays from the database.
REPLAY_BATCH = 500


@dataclass(frozen=True)
class JobChange:
    sequence: int
    job: Job
    gap: bool = False  # the events after the resume point expired: `job` is its state now


def _decode_job_event(document: dict[str, Any]) -> tuple[Iterable[str], object]:
    job = Job.model_validate(document["snapshot"])
    return [f"job:{job.id}"], JobChange(int(document["sequence"]), job)


def _decode_asset_event(document: dict[str, Any]) -> tuple[Iterable[str], object]:
    outcome = outcome_of(document)
    return ([f"asset:{outcome.asset.id}", f"assets-in:{outcome.asset.project_id}",
             "assets"],
            outcome)


class JobSource(LiveSource[JobChange]):
    gapless = True

    def __init__(self, job_log: JobLog, principal: Principal, job_id: str,
                 after_sequence: int | None) -> None:
        self.key = f"job:{job_id}"
        self.job_log = job_log
        self.principal = principal
        self.job_id = job_id
        self.after_sequence = after_sequence
        self.readable = False

    async def opening(self) -> Opening[JobChange]:
        job = await Job.get(self.job_id)
        if job is None or not await may_read(self.principal, job):
            raise NotFound(f"no job with id {self.job_id}", field=["job_id"])
        self.readable = True  # one job: its subject, and so who reads it, never changes
        if self.after_sequence is None:
            return Opening(job.sequence, [JobChange(job.sequence, job)])
        replay = await self.job_log.replay(self.job_id, self.after_sequence, REPLAY_BATCH)
        if replay.gap:
            current = replay.current or job
            return Opening(current.sequence, [JobChange(current.sequence, current, gap=True)])
        missed = [_job_change(event) for event in replay.events]
        if len(missed) >= REPLAY_BATCH:  # more may follow; later commits come through the feed
            missed.extend(await self.read_after(missed[-1].sequence))
        position = missed[-1].sequence if missed else self.after_sequence
        return Opening(position, missed, finished=job.is_terminal and position >= job.sequence)

    async def read_after(self, position: int) -> list[JobChange]:
        changes: list[JobChange] = []
        while True:  # a short batch is the last one
            events = await self.job_log.events_after(self.job_id, position, REPLAY_BATCH)
            changes.extend(_job_change(event) for event in events)
            if len(events) < REPLAY_BATCH:
                return changes
            position = changes[-1].sequence

    def accept(self, value: object) -> Sequence[JobChange]:
        return [value] if isinstance(value, JobChange) else []

    def position(self, item: JobChange) -> int:
        return item.sequence

    def visible(self, item: JobChange) -> bool:
        return self.readable

    def is_last(self, item: JobChange) -> bool:
        return item.job.is_terminal


def _job_change(event: JobEvent) -> JobChange:
    return JobChange(event.sequence, Job.model_validate(event.snapshot))


class AssetOutcomeSource(LiveSource[AssetOutcome]):
    """Outcomes of one asset (ending after the first) or of every asset the viewer sees."""

    def __init__(self, principal: Principal, asset_id: str | None, after: int | None) -> None:
        self.principal = principal
        self.asset_id = asset_id
        self.after = after
        if asset_id is not None:
            self.key, self.where = f"asset:{asset_id}", {"asset_id": asset_id}
        else:
            # A member of one project follows that project's outcomes; of several, all of
            # them, each kept or dropped by `visible`.
            readable = principal.projects.readable
            one = next(iter(readable)) if len(readable) == 1 and not principal.is_admin else None
            self.key = "assets" if one is None else f"assets-in:{one}"
            self.where = principal.projects.query("snapshot.project_id")

    async def opening(self) -> Opening[AssetOutcome]:
        # The newest sequence is read before anything else: an outcome committed after it
        # arrives through the feed, one committed before it is in what is read next.
        newest = await AssetOutcomeLog.latest_sequence()
        if self.asset_id is not None:
            return await self._asset_opening(self.asset_id, newest)
        if self.after is None:
            return Opening(newest)
        missed = await self.read_after(self.after)
        return Opening(missed[-1].sequence if missed else self.after, missed)

    async def _asset_opening(self, asset_id: str, newest: int) -> Opening[AssetOutcome]:
        asset = await Asset.get(asset_id)
        if asset is None or not self.principal.projects.can_read(asset.project_id):
            raise NotFound(f"no asset with id {asset_id}", field=["asset_id"])
        if self.after is not None:
            missed = await self.read_after(self.after)
            if missed:
                return Opening(missed[0].sequence, missed[:1])
            return Opening(newest, finished=asset.status in TERMINAL_ASSET_STATUSES)
        if asset.status not in TERMINAL_ASSET_STATUSES:
            return Opening(newest)
        # An outcome recorded before the log existed stands at the newest position.
        latest = await AssetOutcomeLog.latest_of(asset_id) or AssetOutcome(newest, asset)
        return Opening(latest.sequence, [latest])

    async def read_after(self, position: int) -> list[AssetOutcome]:
        return await AssetOutcomeLog.after(position, self.where)

    def accept(self, value: object) -> Sequence[AssetOutcome]:
        return [value] if isinstance(value, AssetOutcome) else []

    def position(self, item: AssetOutcome) -> int:
        return item.sequence

    def visible(self, item: AssetOutcome) -> bool:
        return self.principal.projects.can_read(item.asset.project_id)

    def is_last(self, item: AssetOutcome) -> bool:
        return self.asset_id is not None


class LiveService:
    def __init__(self, database: AsyncDatabase[dict[str, Any]], job_log: JobLog,
                 settings: Settings) -> None:
        decoders = {JobEvent.Settings.name: _decode_job_event,
                    AssetEvent.Settings.name: _decode_asset_event,
                    Scene.Settings.name: decode_scene}
        self.feed = ChangeFeed(database, decoders, queue_size=settings.live_queue_events,
                               open_timeout=settings.live_read_timeout_seconds)
        self.job_log = job_log
        self.read_timeout = settings.live_read_timeout_seconds

    async def close(self) -> None:
        await self.feed.close()

    def job_events(self, principal: Principal, job_id: str, after_sequence: int | None
                   ) -> AsyncGenerator[JobChange, None]:
        """The current state (or every event after `after_sequence`), then each change,
        ending after a terminal state."""
        principal.require(Scope.JOBS_READ)
        source = JobSource(self.job_log, principal, job_id, after_sequence)
        return live_stream(self.feed, source, read_timeout=self.read_timeout)

    def asset_outcomes(self, principal: Principal, asset_id: str | None,
                       after_cursor: str | None) -> AsyncGenerator[AssetOutcome, None]:
        """Assets reaching READY or FAILED after `after_cursor` (default: from now on): one
        asset (its outcome, if it has one already; then the stream ends), or all the viewer
        sees."""
        principal.require(Scope.ASSETS_READ)
        after = None if after_cursor is None else decode_outcome_cursor(after_cursor)
        source = AssetOutcomeSource(principal, asset_id, after)
        return live_stream(self.feed, source, read_timeout=self.read_timeout)

    def scene_changes(self, principal: Principal, scene_id: str, after_version: int | None
                      ) -> AsyncGenerator[tuple[SceneRevision, Scene], None]:
        """(revision, scene as read after it) for each update after `after_version` (default:
        from now on)."""
        principal.require(Scope.SCENES_READ)
        source = SceneSource(principal, scene_id, after_version)
        return live_stream(self.feed, source, read_timeout=self.read_timeout)
