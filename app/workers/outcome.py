"""How every job attempt ends, in one place: success, a coded failure, a cancellation, a retry
after a passing fault, or an unexpected bug that still ends the job instead of leaving it
RUNNING."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from arq.worker import Retry

from app.errors import AtelierError, ErrorCode
from app.models.common import StoredFile
from app.services.container import Services
from app.services.job_log import AlsoWrite
from app.workers.job_run import JobCancelled, JobRun, TurnOver
from app.workers.leases import hold
from app.workers.retry import retry_on_passing_faults

log = logging.getLogger(__name__)

FailureHook = Callable[[AtelierError], Awaitable[None]]


async def claim(ctx: dict[str, Any], job_id: str, *, first_stage: str = "starting"
                ) -> JobRun | None:
    """Claim `job_id` for this worker, leased for the configured time."""
    services: Services = ctx["services"]
    run = await JobRun.claim(services.jobs.log, job_id, first_stage=first_stage,
                             lease_seconds=services.settings.job_lease_seconds)
    if run is not None:
        hold(ctx, run)
    return run


@dataclass(frozen=True)
class Outcome:
    outputs: list[StoredFile] = field(default_factory=list)
    message: str | None = None
    compression: dict[str, Any] | None = None  # a COMPRESS conversion's report
    also: AlsoWrite | None = None  # committed with the job's success (listing its outputs)


async def carry_out(
    ctx: dict[str, Any],
    run: JobRun,
    work: Callable[[], Awaitable[Outcome]],
    *,
    what: str,
    on_failure: FailureHook | None = None,
) -> None:
    """Run `work` for the claimed job `run` and record how it ended; `on_failure` lets the
    job mark what it worked on (an asset, say) before the job itself ends."""
    try:
        async with retry_on_passing_faults(run, ctx):
            run.ensure_attempts_left(ctx["max_tries"])
            outcome = await work()
    except JobCancelled as cancelled:
        await _notify(on_failure, cancelled)
        await run.cancelled()
    except TurnOver as turn:
        await run.queue_again(turn.reason)
    except AtelierError as error:
        await _notify(on_failure, error)
        await run.fail(error)
    except Retry:
        raise
    except Exception as error:
        log.exception("%s job %s failed unexpectedly", what, run.job.id)
        failure = AtelierError(f"{what} failed unexpectedly: {type(error).__name__}",
                               code=ErrorCode.INTERNAL)
        await _notify(on_failure, failure)
        await run.fail(failure)
    else:
        await run.succeed(outcome.outputs, message=outcome.message,
                          compression=outcome.compression, also=outcome.also)


async def _notify(hook: FailureHook | None, error: AtelierError) -> None:
    if hook is not None:
        await hook(error)
