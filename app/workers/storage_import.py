"""The import job: list a bucket prefix, then make each model object there an asset with its
own INGEST job, one object at a time.

Before each object the job reports "k of n objects" (and stops there when cancelled). What it
did is kept in its params (`done`: the last key handled and the counts), so a later turn goes
on after it: after `bundle_slice_seconds` of objects, or when its owner has as many queued and
running jobs as allowed, it gives its worker slot back (TurnOver) and, being BULK, waits until
the ingests it queued have been handed to workers. A model that cannot be imported is counted
and named; the job fails only for what stops the whole import (the listing, a quota).
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Any

from app.errors import AtelierError, QuotaExceeded
from app.services.container import Services
from app.services.import_buckets import SourceObject, location
from app.services.storage_imports import StorageImport, split_models
from app.workers.job_run import JobRun, TurnOver
from app.workers.outcome import Outcome, carry_out, claim

DONE = "done"
NAMED_AT_MOST = 20


@dataclass
class Tally:
    """What the import has done so far, across its turns."""

    after: str = ""
    imported: int = 0
    reused: int = 0
    failed: list[str] = field(default_factory=list)

    def line(self, done: int, total: int) -> str:
        return (f"{done} of {total} objects: {self.imported} imported, {self.reused} already "
                f"imported, {len(self.failed)} failed")


async def import_storage(ctx: dict[str, Any], job_id: str) -> None:
    services: Services = ctx["services"]
    run = await claim(ctx, job_id, first_stage="listing")
    if run is None:
        return
    await carry_out(ctx, run, lambda: _import(services, run), what="import")


async def _import(services: Services, run: JobRun) -> Outcome:
    request = StorageImport.from_params(run.job.params)
    models, others = split_models(
        await services.storage_imports.buckets.list(request.bucket, request.prefix))
    tally = Tally(**run.job.params.get(DONE, {}))
    pending = [item for item in models if item.key > tally.after]
    started, total = time.monotonic(), len(models)
    for number, item in enumerate(pending, start=total - len(pending)):
        if number > total - len(pending):
            _take_turns(services, started, tally.line(number, total))
        await run.stage("importing", round(number / total, 4), tally.line(number, total))
        await _wait_for_room(services, run, tally.line(number, total))
        try:
            await _import_one(services, run, request, item, tally)
        except QuotaExceeded as full:
            raise QuotaExceeded(f"{full.message}; {tally.line(number, total)}; run the same "
                                "import again once there is room") from full
    return Outcome(message=_summary(request, tally, total, others))


def _take_turns(services: Services, started: float, line: str) -> None:
    if time.monotonic() - started > services.settings.bundle_slice_seconds:
        raise TurnOver(f"{line}; the rest wait for the import's next turn")


async def _wait_for_room(services: Services, run: JobRun, line: str) -> None:
    try:
        await services.jobs.ensure_capacity(run.job.owner)
    except QuotaExceeded as full:
        raise TurnOver(f"{line}; the rest wait until its ingests finish ({full.message})"
                       ) from full


async def _import_one(services: Services, run: JobRun, request: StorageImport,
                      item: SourceObject, tally: Tally) -> None:
    try:
        uploaded = await services.storage_imports.import_object(run.job.owner, request, item)
    except QuotaExceeded:
        raise  # every object after it would be refused too
    except AtelierError as error:
        tally.failed.append(f"{item.key} ({error.code.value}: {error.message})")
    else:
        tally.reused += uploaded.reused
        tally.imported += not uploaded.reused
    tally.after = item.key
    await services.jobs.log.set_param(run.job.id, DONE, asdict(tally))


def _summary(request: StorageImport, tally: Tally, total: int, others: list[SourceObject]
             ) -> str:
    text = f"{location(request.bucket, request.prefix)}: {tally.line(total, total)}"
    if tally.failed:
        text += f"; failed: {_named(tally.failed)}"
    if others:
        text += f"; skipped, not models: {_named([o.key for o in others])}"
    return text


def _named(names: list[str]) -> str:
    shown = ", ".join(names[:NAMED_AT_MOST])
    return shown + (f" and {len(names) - NAMED_AT_MOST} more" if len(names) > NAMED_AT_MOST
                    else "")
